package org.regard.ratings;

import org.regard.ratings.RatingEvents.RatingGiven;
import org.regard.tickets.Tickets;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * A bad rating with a comment asks the ticket's team lead to look, like a ticket past its touch alarm: the ticket is
 * flagged ({@code BAD_RATING}) in the answer's transaction, and waits in the lead's Flagged view for a root cause.
 * A ticket already flagged keeps its first reason.
 */
@Component
class BadRatingFlag {
    static final String REASON = "BAD_RATING";

    private final Tickets tickets;

    BadRatingFlag(Tickets tickets) {
        this.tickets = tickets;
    }

    @EventListener
    void on(RatingGiven rating) {
        if (rating.badWithComment()) {
            tickets.flag(rating.ticketId(), REASON);
        }
    }
}
