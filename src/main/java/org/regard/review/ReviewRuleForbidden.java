package org.regard.review;

/** Raised when anyone but an administrator tries to change a review rule. */
public class ReviewRuleForbidden extends RuntimeException {
    public ReviewRuleForbidden() {
        super("Only an administrator changes review rules.");
    }
}
