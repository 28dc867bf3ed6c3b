package org.regard.review;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** What a review rule looks at: the ticket's category, the customer, the customer's organization, or words in the reply. */
public enum ReviewRuleKind {
    CATEGORY, CUSTOMER, ORGANIZATION, WORDS;

    /** The name used by the API and the pages: {@code category}, {@code customer}, {@code organization}, {@code words}. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** True for the kinds that name one thing by its id (all but {@link #WORDS}). */
    public boolean hasTarget() {
        return this != WORDS;
    }

    public static Optional<ReviewRuleKind> parse(String code) {
        if (code == null) {
            return Optional.empty();
        }
        return Arrays.stream(values()).filter(k -> k.code().equals(code.strip().toLowerCase(Locale.ROOT))).findFirst();
    }
}
