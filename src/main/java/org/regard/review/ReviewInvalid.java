package org.regard.review;

/** A decision's input is wrong (a return without a comment, an edit left empty); nothing was decided. */
public class ReviewInvalid extends RuntimeException {
    private final String field;

    public ReviewInvalid(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
