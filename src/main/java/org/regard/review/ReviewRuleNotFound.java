package org.regard.review;

/** Raised when a review rule does not exist (or no longer does). */
public class ReviewRuleNotFound extends RuntimeException {
    public ReviewRuleNotFound(long id) {
        super("No review rule " + id + ".");
    }
}
