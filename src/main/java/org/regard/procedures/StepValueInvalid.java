package org.regard.procedures;

import java.util.List;

/**
 * Raised when a step's field value is not of the step's type (a number, a date yyyy-mm-dd, yes or no, a text up to
 * {@link Checklists#MAX_VALUE} characters) or is missing when the step is ticked. Nothing is saved. Names the field
 * ({@code value}), says what is wrong in English for the API, and carries a message key for the pages.
 */
public class StepValueInvalid extends IllegalArgumentException {
    private final String problem;
    private final String code;
    private final List<Object> arguments;

    public StepValueInvalid(String problem, String code, Object... arguments) {
        super("value " + problem);
        this.problem = problem;
        this.code = code;
        this.arguments = List.of(arguments);
    }

    public String field() {
        return "value";
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
