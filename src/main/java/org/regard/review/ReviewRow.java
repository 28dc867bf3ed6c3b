package org.regard.review;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * One round of a review as stored: what was asked (kind, subject, ticket, team, author, reasons, the summary the
 * queue shows — for a reply, its text as submitted) and, once decided, by whom, when, with which comment, and the
 * reviewer's edit of the text (null when approved as written).
 */
public record ReviewRow(long id, String kind, long subjectId, long ticketId, long teamId, long authorAgentId, int round,
                        List<String> reasons, String summary, ReviewState state, Instant requestedAt,
                        Long reviewerAgentId, Instant decidedAt, String comment, String editedText) {
    public ReviewRow {
        reasons = List.copyOf(reasons);
    }

    /** How long the review took, or has waited so far. */
    public Duration waited(Instant now) {
        return Duration.between(requestedAt, decidedAt != null ? decidedAt : now);
    }

    public ReviewSummary summaryView() {
        return new ReviewSummary(id, kind, subjectId, state.key(), reasons, reviewerAgentId, decidedAt);
    }
}
