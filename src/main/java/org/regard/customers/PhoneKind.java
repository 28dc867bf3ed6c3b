package org.regard.customers;

import java.util.Locale;
import java.util.Optional;

/** What kind of line a customer's number is. Lower-case in the API ({@code "mobile"}). */
public enum PhoneKind {
    MOBILE, WORK, HOME, OTHER;

    /** The kind for a value such as {@code mobile} or {@code WORK}; empty for anything else. */
    public static Optional<PhoneKind> parse(String value) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(valueOf(value.strip().toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** The value in the API and forms: {@code mobile}, {@code work}, {@code home}, {@code other}. */
    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }
}
