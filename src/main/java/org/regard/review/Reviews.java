package org.regard.review;

import java.util.Optional;

/**
 * Asks for a second person's decision on a piece of work. {@link #request} joins the caller's transaction, so the work
 * and its place in the queue are written together or not at all.
 */
public interface Reviews {

    /** Puts the work in the review queue, pending; returns the review's id. */
    long request(ReviewRequest request);

    /** The newest review of a piece of work, if it ever had one. */
    Optional<ReviewSummary> latest(String kind, long subjectId);
}
