package org.regard.review;

import java.time.Instant;

/** The review was decided already (by someone else, or by a repeated request): nothing is done twice. */
public class ReviewDecided extends RuntimeException {
    private final ReviewRow review;

    public ReviewDecided(ReviewRow review) {
        super("This review was already " + review.state().key() + (review.decidedAt() != null ? " at " + review.decidedAt() : "") + ".");
        this.review = review;
    }

    public ReviewRow review() {
        return review;
    }

    public Instant decidedAt() {
        return review.decidedAt();
    }
}
