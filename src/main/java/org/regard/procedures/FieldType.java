package org.regard.procedures;

import java.util.Locale;
import java.util.Optional;

/** The kind of value a step asks the agent to fill in. Only the names are checked for now. */
public enum FieldType {
    TEXT("text"), NUMBER("number"), DATE("date"), YES_NO("yes-no");

    private final String code;

    FieldType(String code) {
        this.code = code;
    }

    /** The name the API and forms use: {@code text}, {@code number}, {@code date}, {@code yes-no}. */
    public String code() {
        return code;
    }

    /** The type of this name, in any case; empty for anything else. */
    public static Optional<FieldType> parse(String code) {
        if (code == null) {
            return Optional.empty();
        }
        String wanted = code.strip().toLowerCase(Locale.ROOT);
        for (FieldType t : values()) {
            if (t.code.equals(wanted)) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }
}
