package org.regard.review;

import java.util.List;

/**
 * Raised when a review rule cannot be saved as sent. Names the field ({@code kind}, {@code target}, {@code words},
 * {@code words[2]}, {@code team}), says what is wrong in English for the API ({@link #problem()}), and carries a
 * message key with its arguments for the pages ({@code review.rules.error.*}).
 */
public class ReviewRuleInvalid extends IllegalArgumentException {
    private final String field;
    private final String problem;
    private final String code;
    private final List<Object> arguments;

    public ReviewRuleInvalid(String field, String problem, String code, Object... arguments) {
        super(field + " " + problem);
        this.field = field;
        this.problem = problem;
        this.code = code;
        this.arguments = List.of(arguments);
    }

    public String field() {
        return field;
    }

    /** What is wrong, in English, without the field's name. */
    public String problem() {
        return problem;
    }

    /** The message key that says it on a page. */
    public String code() {
        return code;
    }

    public List<Object> arguments() {
        return arguments;
    }
}
