package org.regard.ratings;

/** The actor may not do this. */
public class RatingForbidden extends RuntimeException {
    public RatingForbidden(String message) {
        super(message);
    }
}
