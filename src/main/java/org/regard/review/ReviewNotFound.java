package org.regard.review;

/** No review with this id, or none the actor may see. */
public class ReviewNotFound extends RuntimeException {
    public ReviewNotFound(long id) {
        super("No review " + id + ".");
    }
}
