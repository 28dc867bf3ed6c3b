package org.regard.tickets;

import org.regard.accounts.Actor;
import org.regard.tickets.TicketEvents.ReplyWithdrawn;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * An agent takes back a reply that has not left (the channel module decides that, inside its own check, in the same
 * transaction): the message and its files are removed, the outbound touch is taken back, and the change is recorded.
 */
@Component
class WithdrawingReply {
    private final TicketRows rows;
    private final TicketAccess access;
    private final MessageRepository messages;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    WithdrawingReply(TicketRows rows, TicketAccess access, MessageRepository messages, ApplicationEventPublisher events, Clock clock) {
        this.rows = rows;
        this.access = access;
        this.messages = messages;
        this.events = events;
        this.clock = clock;
    }

    /** Joins the caller's transaction. */
    @Transactional
    Tickets.WithdrawnReply withdraw(long messageId, Actor actor) {
        Message m = messages.findById(messageId).orElseThrow(() -> new IllegalArgumentException("No message " + messageId));
        if (m.getKind() != MessageKind.REPLY) {
            throw new IllegalArgumentException("Only replies can be withdrawn.");
        }
        Ticket ticket = rows.lock(m.getTicketId()).orElseThrow(() -> new TicketNotFound(m.getTicketId()));
        access.requireWorkOn(actor, ticket);
        Instant now = clock.instant();
        List<AttachmentView> files = rows.files(messageId);
        rows.deleteMessage(messageId);
        ticket.withdrawTouch(now);
        rows.update(ticket);
        rows.record(ticket.getId(), actor.agentId(), List.of(new Ticket.Change("reply", "withdrawn", null)), now);
        events.publishEvent(new ReplyWithdrawn(ticket.getId(), ticket.getTeamId(), actor.agentId(), messageId, now));
        return new Tickets.WithdrawnReply(ticket.getId(), m.getBody(), files);
    }
}
