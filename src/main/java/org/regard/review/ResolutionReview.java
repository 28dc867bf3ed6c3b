package org.regard.review;

import org.regard.accounts.Actor;
import org.regard.tickets.TicketEvents.ResolutionRequested;
import org.regard.tickets.Tickets;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.List;

/**
 * Resolutions checked by a second person (kind {@value #KIND}, subject: the ticket's id): hears a ticket's resolution
 * asked for review ({@link ResolutionRequested}, synchronously, inside the asking transaction) and puts it in the queue
 * with the reason {@code category}; the decision goes back to the ticket through {@link Tickets#approveResolution} (the
 * ticket becomes resolved; a closure gate that refuses now fails the approval with nothing changed) or
 * {@link Tickets#returnResolution} (the request is cleared, the comment kept in the ticket's history).
 */
@Component
class ResolutionReview implements ReviewedWork {
    static final String KIND = "resolution";

    private final Reviews reviews;
    private final Tickets tickets;

    ResolutionReview(Reviews reviews, Tickets tickets) {
        this.reviews = reviews;
        this.tickets = tickets;
    }

    @EventListener
    void on(ResolutionRequested event) {
        String summary = event.reason() == null ? event.subject() : event.subject() + "\n" + event.reason();
        reviews.request(new ReviewRequest(KIND, event.ticketId(), event.ticketId(), event.teamId(), event.agentId(),
                List.of("category"), summary));
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public void approved(long subjectId, long reviewId, Actor reviewer, String editedText, Instant now) {
        tickets.approveResolution(subjectId, reviewer);
    }

    @Override
    public void returned(long subjectId, long reviewId, Actor reviewer, String comment, Instant now) {
        tickets.returnResolution(subjectId, reviewer, comment);
    }
}
