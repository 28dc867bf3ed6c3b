package org.regard.ratings;

/** A genuine rating link whose seven days are over: answered with 410 and a page in the customer's language. */
public class RatingExpired extends RuntimeException {
    private final String language;

    public RatingExpired(String language) {
        super("This rating link has expired.");
        this.language = language;
    }

    public String language() {
        return language;
    }
}
