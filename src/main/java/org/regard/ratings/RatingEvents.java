package org.regard.ratings;

import java.time.Instant;

/** What the ratings module tells others. */
public final class RatingEvents {
    private RatingEvents() {
    }

    /**
     * A rating request is due: the mail module queues it in its outbox, synchronously, in the transaction that marks
     * the request sent. Subject and body are already in the customer's language and carry the three links.
     */
    public record RatingRequested(long requestId, long ticketId, long teamId, String recipient, String language,
                                  String subject, String body) {
    }

    /**
     * The customer gave (or changed) their rating. {@code resolvedAt} is the resolution the request asked about,
     * {@code answeredAt} when this answer was given (the latest answer of a request is the one that counts).
     */
    public record RatingGiven(long requestId, long ticketId, long teamId, Score score, boolean hasComment, Instant resolvedAt,
                              Instant answeredAt) {

        public RatingGiven(long requestId, long ticketId, long teamId, Score score, boolean hasComment) {
            this(requestId, ticketId, teamId, score, hasComment, null, null);
        }

        /** A bad rating with a comment: a lead should look at it. */
        public boolean badWithComment() {
            return score == Score.BAD && hasComment;
        }
    }
}
