package org.regard.review;

import java.util.Locale;

/** Where one round of a review stands. */
public enum ReviewState {
    PENDING, APPROVED, RETURNED;

    /** The lower-case name the API and {@link ReviewSummary} use. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }
}
