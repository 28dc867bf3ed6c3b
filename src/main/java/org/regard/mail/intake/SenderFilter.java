package org.regard.mail.intake;

import org.regard.mail.mailboxes.Mailbox;
import org.regard.mail.parsing.InboundMessage;
import org.regard.mail.parsing.MailAddress;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;

/**
 * Identifies the sender: From, else Reply-To, else a placeholder at the mailbox's domain. It runs before the
 * follow-up filter, which trusts a {@code [#id]} token in the subject only from that ticket's customer.
 */
@Component
final class SenderFilter implements InboundFilter {

    @Override
    public Verdict apply(InboundMail mail) {
        mail.identify(sender(mail.message(), mail.mailbox().orElse(null)));
        return Verdict.CONTINUE;
    }

    static InboundMail.Sender sender(InboundMessage message, Mailbox mailbox) {
        for (MailAddress candidate : candidates(message)) {
            String address = candidate.address().strip();
            if (usable(address)) {
                return new InboundMail.Sender(address, InboundConversion.limit(candidate.displayName().strip(), 200), true);
            }
        }
        return placeholder(mailbox);
    }

    static InboundMail.Sender placeholder(Mailbox mailbox) {
        return new InboundMail.Sender("unknown-sender@" + (mailbox == null ? "regard.invalid" : mailbox.domain()), "Unknown sender", false);
    }

    static boolean usable(String address) {
        int at = address.indexOf('@');
        return at > 0 && at == address.lastIndexOf('@') && at < address.length() - 1 && address.length() <= 254
                && address.chars().noneMatch(c -> Character.isWhitespace(c) || Character.isISOControl(c) || c == '<' || c == '>');
    }

    private static List<MailAddress> candidates(InboundMessage message) {
        List<MailAddress> all = new ArrayList<>();
        message.from().ifPresent(all::add);
        all.addAll(message.replyTo());
        return all;
    }
}
