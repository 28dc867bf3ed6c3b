package org.regard.review;

import java.time.Instant;

/**
 * The review was decided already (by someone else, or by a repeated request), or its author withdrew the work: nothing
 * is done (twice).
 */
public class ReviewDecided extends RuntimeException {
    private final ReviewRow review;

    public ReviewDecided(ReviewRow review) {
        super(review.state() == ReviewState.WITHDRAWN
                ? "Its author withdrew this work" + (review.decidedAt() != null ? " at " + review.decidedAt() : "") + ": there is nothing to decide."
                : "This review was already " + review.state().key() + (review.decidedAt() != null ? " at " + review.decidedAt() : "") + ".");
        this.review = review;
    }

    public ReviewRow review() {
        return review;
    }

    public Instant decidedAt() {
        return review.decidedAt();
    }
}
