package org.regard.mail.intake;

import org.regard.customers.Customers;
import org.regard.mail.parsing.FailedRecipient;
import org.regard.mail.parsing.InboundMessage;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * Handles a bounce: it is automated (no touch, no acknowledgement, but it reopens its ticket so someone sees it), the
 * addresses that failed are marked failing on their customers, and the outbox row of the reply that bounced is marked
 * FAILED with the receiving server's reason.
 */
@Component
final class BounceFilter implements InboundFilter {
    private final Customers customers;
    private final JdbcClient jdbc;

    BounceFilter(Customers customers, JdbcClient jdbc) {
        this.customers = customers;
        this.jdbc = jdbc;
    }

    @Override
    public Verdict apply(InboundMail mail) {
        if (mail.message().bounce()) {
            mail.markAutomated();
            record(mail.message());
        }
        return Verdict.CONTINUE;
    }

    private void record(InboundMessage message) {
        String diagnostic = message.failedRecipients().stream()
                .map(f -> !f.diagnostic().isBlank() ? f.diagnostic() : f.status())
                .filter(d -> !d.isBlank()).findFirst().orElse("undeliverable");
        for (FailedRecipient failed : message.failedRecipients()) {
            if (SenderFilter.usable(failed.address().strip())) {
                String why = !failed.diagnostic().isBlank() ? failed.diagnostic() : failed.status();
                customers.markAddressFailing(failed.address().strip(), why.isBlank() ? diagnostic : why);
            }
        }
        for (String id : InboundThreading.referencedIds(message)) {
            String bare = InboundThreading.bare(id);
            List<String> recipients = jdbc.sql("select recipient from mail_outbox where rfc_message_id in (?, ?)")
                    .params(bare, "<" + bare + ">").query(String.class).list();
            if (recipients.isEmpty()) {
                continue;
            }
            jdbc.sql("update mail_outbox set state = 'FAILED', last_error = ?, lease_until = null where rfc_message_id in (?, ?) and state <> 'CANCELLED'")
                    .params(InboundConversion.limit("Bounced: " + diagnostic, 2000), bare, "<" + bare + ">").update();
            if (message.failedRecipients().isEmpty()) {
                recipients.stream().filter(r -> r != null && SenderFilter.usable(r)).forEach(r -> customers.markAddressFailing(r, diagnostic));
            }
            return;
        }
    }
}
