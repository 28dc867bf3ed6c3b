package org.regard.mail.intake;

import org.regard.mail.mailboxes.Mailbox;
import org.regard.tickets.TicketQueries;
import org.regard.tickets.TicketQueries.TicketRow;
import org.regard.tickets.TicketStatus;
import org.springframework.stereotype.Component;

import java.util.Optional;

/**
 * Finds the ticket the message continues ({@link InboundThreading}). A customer's message about a closed ticket
 * reopens it, or, when its mailbox says so, opens a new ticket that follows the closed one up; automated mail always
 * goes to the ticket it belongs to.
 */
@Component
final class FollowUpFilter implements InboundFilter {
    private final InboundThreading threading;
    private final TicketQueries tickets;

    FollowUpFilter(InboundThreading threading, TicketQueries tickets) {
        this.threading = threading;
        this.tickets = tickets;
    }

    @Override
    public Verdict apply(InboundMail mail) {
        InboundMail.Sender sender = mail.sender();
        Optional<TicketRow> existing = threading.ticketFor(mail.message(), sender.real() ? sender.address() : null)
                .flatMap(tickets::ticket);
        if (existing.isEmpty()) {
            return Verdict.CONTINUE;
        }
        boolean followUp = existing.get().status() == TicketStatus.CLOSED && !mail.automated()
                && mail.mailbox().map(m -> m.closedReply() == Mailbox.ClosedReply.FOLLOW_UP).orElse(false);
        if (followUp) {
            mail.followsUp(existing.get().id());
        } else {
            mail.continues(existing.get());
        }
        return Verdict.CONTINUE;
    }
}
