package org.regard.mail.intake;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Drops Regard's own mail coming back: a message carrying our loop header, or from one of our mailboxes. Answering it
 * would start a loop of acknowledgements between Regard and itself.
 */
@Component
final class LoopFilter implements InboundFilter {
    private static final Logger log = LoggerFactory.getLogger(LoopFilter.class);

    @Override
    public Verdict apply(InboundMail mail) {
        boolean ours = mail.message().loop()
                || mail.message().from().map(from -> mail.ownMailboxes().isOurs(from.address())).orElse(false);
        if (ours) {
            log.info("Inbound mail {} is Regard's own mail coming back (a loop); no ticket", mail.row().id());
            return Verdict.DROP;
        }
        return Verdict.CONTINUE;
    }
}
