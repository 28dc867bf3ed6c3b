package org.regard.review;

import org.regard.accounts.Actor;
import org.regard.tickets.TicketEvents.HeldReplyWithdrawn;
import org.regard.tickets.TicketEvents.ReplyHeld;
import org.regard.tickets.Tickets;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import java.time.Instant;

/**
 * Replies in the review queue (kind {@code reply}, subject: the message). A held reply is put in the queue when tickets
 * announce it ({@link ReplyHeld}, heard synchronously inside the reply's transaction, so the reply and its review are
 * written together or not at all); a decision is handed back to tickets inside the decision's transaction: approved,
 * the reply goes out (its outbox row commits with the decision); returned, its author gets it back with the comment.
 * A held reply its author withdraws leaves the queue.
 */
@Component
class ReplyReview implements ReviewedWork {
    static final String KIND = "reply";

    private final Tickets tickets;
    private final Reviews reviews;
    private final ReviewStore store;

    ReplyReview(Tickets tickets, Reviews reviews, ReviewStore store) {
        this.tickets = tickets;
        this.reviews = reviews;
        this.store = store;
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public void approved(long subjectId, long reviewId, Actor reviewer, String editedText, Instant now) {
        tickets.releaseHeldReply(subjectId, editedText, reviewer);
    }

    @Override
    public void returned(long subjectId, long reviewId, Actor reviewer, String comment, Instant now) {
        tickets.returnHeldReply(subjectId, comment, reviewer);
    }

    @EventListener
    void on(ReplyHeld event) {
        reviews.request(new ReviewRequest(KIND, event.messageId(), event.ticketId(), event.teamId(), event.authorAgentId(),
                event.reasons(), event.body()));
    }

    @EventListener
    void on(HeldReplyWithdrawn event) {
        store.withdrawPending(KIND, event.messageId(), event.at());
    }
}
