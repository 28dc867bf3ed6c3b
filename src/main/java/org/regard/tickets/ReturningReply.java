package org.regard.tickets;

import org.regard.accounts.Actor;
import org.regard.tickets.Message.ReviewState;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * A reviewer sent a held reply back to its author with a comment: it stays on the ticket, unsent, for its author to
 * revise and resubmit ({@link ResubmittingReply}) or withdraw. The reviewer's right to decide is the review module's.
 */
@Component
class ReturningReply {
    private final TicketRows rows;
    private final Clock clock;

    ReturningReply(TicketRows rows, Clock clock) {
        this.rows = rows;
        this.clock = clock;
    }

    /** Joins the caller's transaction (the review's decision). */
    @Transactional
    void giveBack(long messageId, String comment, Actor reviewer) {
        TicketInput.requireText(comment, 4000, "comment");
        long ticketId = rows.ticketOfMessage(messageId).orElseThrow(() -> new java.util.NoSuchElementException("No message " + messageId));
        rows.lock(ticketId).orElseThrow(() -> new TicketNotFound(ticketId));
        TicketRows.Held held = rows.held(messageId).orElseThrow(() -> new ReplyNotWaiting(messageId, "not held", "returned"));
        if (held.state() != ReviewState.PENDING) {
            throw new ReplyNotWaiting(messageId, held.state().name(), "returned");
        }
        Instant now = clock.instant();
        rows.giveBack(messageId, comment, reviewer.agentId(), now);
        rows.record(ticketId, reviewer.agentId(), List.of(new Ticket.Change("review", "held", "returned")), now);
    }
}
