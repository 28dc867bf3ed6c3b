package org.regard.customers;

import java.util.Locale;
import java.util.Optional;

/**
 * How a customer likes to be reached. Kept in the customers module (not the ticket channels) so that
 * customers never depends on tickets; the words match on purpose.
 */
public enum PreferredChannel {
    EMAIL, PHONE, VISIT, WEB;

    /** The lower-case word pages and the API use. */
    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The channel for a word such as {@code phone}; empty for anything else. */
    public static Optional<PreferredChannel> parse(String value) {
        if (value == null) {
            return Optional.empty();
        }
        for (PreferredChannel channel : values()) {
            if (channel.value().equalsIgnoreCase(value.strip())) {
                return Optional.of(channel);
            }
        }
        return Optional.empty();
    }
}
