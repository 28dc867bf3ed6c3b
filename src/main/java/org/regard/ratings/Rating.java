package org.regard.ratings;

import java.time.Instant;

/**
 * One rating request and its answer (score, comment and answeredAt are null until the customer answers).
 * {@code expiresAt} is seven days after the request was sent.
 */
public record Rating(long id, long ticketId, long teamId, Long customerId, String state, String language, Instant resolvedAt,
                     Instant sentAt, Instant expiresAt, Score score, String comment, Instant answeredAt) {

    public boolean answered() {
        return score != null;
    }
}
