package org.regard.gestures;

import java.util.List;

/**
 * A gesture or a limit that cannot be recorded as sent: names the field, says what is wrong in English for the API
 * and carries a message key with its arguments for the pages ({@code gestures.error.*}). Nothing was written.
 */
public class GestureInvalid extends IllegalArgumentException {
    private final String field;
    private final String problem;
    private final String code;
    private final List<Object> arguments;

    public GestureInvalid(String field, String problem, String code, Object... arguments) {
        super(field + " " + problem);
        this.field = field;
        this.problem = problem;
        this.code = code;
        this.arguments = List.of(arguments);
    }

    public String field() {
        return field;
    }

    public String problem() {
        return problem;
    }

    public String code() {
        return code;
    }

    public List<Object> arguments() {
        return arguments;
    }
}
