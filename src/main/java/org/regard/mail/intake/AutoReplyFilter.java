package org.regard.mail.intake;

import org.springframework.stereotype.Component;

/**
 * Marks an automatic reply (out-of-office, auto-responder, delivery delay) as automated: it lands on its ticket as an
 * {@code AUTOMATED} message, with no touch, no reopening and no acknowledgement.
 */
@Component
final class AutoReplyFilter implements InboundFilter {

    @Override
    public Verdict apply(InboundMail mail) {
        if (mail.message().autoReply()) {
            mail.markAutomated();
        }
        return Verdict.CONTINUE;
    }
}
