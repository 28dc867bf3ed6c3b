package org.regard.tickets;

import org.regard.accounts.Actor;
import org.regard.tickets.Message.ReviewState;
import org.regard.tickets.TicketEvents.ReplyHeld;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The author of a returned reply revises it and asks again: the new text replaces the returned one on the ticket (the
 * review module keeps every round's text), the reply waits again, and {@link ReplyHeld} opens the next round. It is
 * held for the reasons it was held before and for any the holds give now.
 */
@Component
class ResubmittingReply {
    private final TicketRows rows;
    private final TicketAccess access;
    private final ReplyHolds holds;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ResubmittingReply(TicketRows rows, TicketAccess access, ReplyHolds holds, ApplicationEventPublisher events, Clock clock) {
        this.rows = rows;
        this.access = access;
        this.holds = holds;
        this.events = events;
        this.clock = clock;
    }

    @Transactional
    void resubmit(long ticketId, long messageId, String body, TicketStatus nextStatus, Actor author) {
        TicketInput.requireText(body, Tickets.MAX_BODY, "body");
        rows.ticketOfMessage(messageId).filter(t -> t == ticketId)
                .orElseThrow(() -> new java.util.NoSuchElementException("Ticket #" + ticketId + " has no message " + messageId + "."));
        Ticket ticket = rows.lock(ticketId).orElseThrow(() -> new TicketNotFound(ticketId));
        access.requireWorkOn(author, ticket);
        TicketRows.Held held = rows.held(messageId).orElseThrow(() -> new ReplyNotWaiting(messageId, "not held", "resubmitted"));
        if (held.authorAgentId() == null || !held.authorAgentId().equals(author.agentId())) {
            throw new NotTheAuthor(messageId);
        }
        if (held.state() != ReviewState.RETURNED) {
            throw new ReplyNotWaiting(messageId, held.state().name(), "resubmitted");
        }
        Set<String> reasons = new LinkedHashSet<>(held.reasons());
        reasons.addAll(holds.reasons(ticket, author, body, false));
        Instant now = clock.instant();
        rows.resubmit(messageId, body, nextStatus);
        ticket.noteActivity(now);
        rows.update(ticket);
        rows.record(ticketId, author.agentId(), List.of(new Ticket.Change("review", "returned", "resubmitted")), now);
        events.publishEvent(new ReplyHeld(ticketId, ticket.getTeamId(), author.agentId(), messageId, List.copyOf(reasons), body,
                held.round() + 1, now));
    }
}
