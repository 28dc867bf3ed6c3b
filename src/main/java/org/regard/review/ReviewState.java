package org.regard.review;

import java.util.Locale;

/** Where one round of a review stands. */
public enum ReviewState {
    // WITHDRAWN: its author took the work back while it waited (a held reply); nobody decided it, and nobody will
    PENDING, APPROVED, RETURNED, WITHDRAWN;

    /** The lower-case name the API and {@link ReviewSummary} use. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }
}
