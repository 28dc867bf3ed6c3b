package org.regard.ratings;

import java.util.Locale;
import java.util.Optional;

/** The customer's answer: good, okay or bad. */
public enum Score {
    GOOD, OKAY, BAD;

    /** Its lower-case name, as links, forms and the API spell it. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Score> parse(String value) {
        if (value == null) {
            return Optional.empty();
        }
        for (Score s : values()) {
            if (s.key().equalsIgnoreCase(value.strip())) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }
}
