package org.regard.tickets;

import org.regard.accounts.Actor;
import org.regard.tickets.TicketEvents.HeldReplyWithdrawn;
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
        if (m.getReviewState() != null && !Message.ReviewState.APPROVED.name().equals(m.getReviewState())) {
            // a held reply never left: its author withdraws it with withdrawHeld, and no touch is taken back
            throw new ReplyNotWaiting(messageId, m.getReviewState(), "withdrawn as a sent reply");
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

    /**
     * Its author takes back a reply held for review (waiting, or returned to them): it never left and was never a
     * touch, so only the message goes; the review module hears {@link HeldReplyWithdrawn} and closes its review.
     */
    @Transactional
    Tickets.WithdrawnReply withdrawHeld(long ticketId, long messageId, Actor actor) {
        rows.ticketOfMessage(messageId).filter(t -> t == ticketId)
                .orElseThrow(() -> new java.util.NoSuchElementException("Ticket #" + ticketId + " has no message " + messageId + "."));
        Ticket ticket = rows.lock(ticketId).orElseThrow(() -> new TicketNotFound(ticketId));
        access.requireWorkOn(actor, ticket);
        TicketRows.Held held = rows.held(messageId).orElseThrow(() -> new ReplyNotWaiting(messageId, "not held", "withdrawn"));
        if (held.authorAgentId() == null || !held.authorAgentId().equals(actor.agentId())) {
            throw new NotTheAuthor(messageId);
        }
        if (held.state() == Message.ReviewState.APPROVED) {
            throw new ReplyNotWaiting(messageId, held.state().name(), "withdrawn");
        }
        Instant now = clock.instant();
        List<AttachmentView> files = rows.files(messageId);
        rows.deleteMessage(messageId);
        ticket.noteActivity(now);
        rows.update(ticket);
        rows.record(ticketId, actor.agentId(), List.of(new Ticket.Change("review", held.state() == Message.ReviewState.PENDING
                ? "held" : "returned", "withdrawn")), now);
        events.publishEvent(new HeldReplyWithdrawn(ticketId, ticket.getTeamId(), actor.agentId(), messageId, now));
        return new Tickets.WithdrawnReply(ticketId, held.body(), files);
    }
}
