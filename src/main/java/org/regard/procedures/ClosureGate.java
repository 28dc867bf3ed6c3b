package org.regard.procedures;

import java.util.Locale;
import java.util.Optional;

/**
 * What closing a ticket does while a required step of its procedure is not done: {@link #WARN} says so, {@link #BLOCK}
 * refuses. Stored with each version; enforced by {@link ClosureGateCheck}.
 */
public enum ClosureGate {
    WARN, BLOCK;

    /** The name the API and forms use: {@code warn}, {@code block}. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The gate of this name, in any case; empty for anything else. */
    public static Optional<ClosureGate> parse(String code) {
        if (code == null) {
            return Optional.empty();
        }
        for (ClosureGate g : values()) {
            if (g.code().equals(code.strip().toLowerCase(Locale.ROOT))) {
                return Optional.of(g);
            }
        }
        return Optional.empty();
    }
}
