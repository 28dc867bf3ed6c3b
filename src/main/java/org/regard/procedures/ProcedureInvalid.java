package org.regard.procedures;

import java.util.List;

/**
 * Raised when a procedure cannot be published as sent. Names the field ({@code title}, {@code categories},
 * {@code steps[2].text}...), says what is wrong in English for the API ({@link #getMessage()} without the field), and
 * carries a message key with its arguments for the pages ({@code procedures.error.*}).
 */
public class ProcedureInvalid extends IllegalArgumentException {
    private final String field;
    private final String problem;
    private final String code;
    private final List<Object> arguments;

    public ProcedureInvalid(String field, String problem, String code, Object... arguments) {
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

    /** The index of the step the problem is about, or -1 when it is about the procedure as a whole. */
    public int stepIndex() {
        if (!field.startsWith("steps[")) {
            return -1;
        }
        return Integer.parseInt(field.substring("steps[".length(), field.indexOf(']')));
    }
}
