package org.regard.ratings;

/** Refused input: which field, the message key for pages, and the text for the API. */
public class RatingInvalid extends RuntimeException {
    private final String field;
    private final String code;

    public RatingInvalid(String field, String code, String message) {
        super(message);
        this.field = field;
        this.code = code;
    }

    public String field() {
        return field;
    }

    public String code() {
        return code;
    }
}
