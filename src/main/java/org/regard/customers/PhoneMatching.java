package org.regard.customers;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * How Regard decides that two ways of writing a number are the same number, without knowing the caller's country.
 * The digits alone are kept, and two numbers match when their last {@value #KEY_DIGITS} digits do: the national
 * significant number is nine digits in France and Vietnam, ten in the United Kingdom and North America, so the
 * country code ({@code +33}, {@code 0033}) and the trunk prefix ({@code 0}) fall outside the key, and
 * {@code +33 6 12 34 56 78}, {@code 0033612345678} and {@code 06.12.34.56.78} share the key {@code 612345678}.
 * Numbers of at most nine digits (extensions, short numbers) are their own key. Two numbers of different countries
 * with the same last nine digits also match: help desks accept that, since an agent sees the name before choosing.
 */
public final class PhoneMatching {
    /** How many trailing digits identify a number. */
    public static final int KEY_DIGITS = 9;
    /** A query with fewer digits than this is not taken for a number (a ticket number, a year, a postcode). */
    static final int QUERY_MIN_DIGITS = 6;
    /** What a written number may contain besides digits: a leading +, spaces, dots, dashes, slashes, brackets. */
    private static final Pattern NUMBER_CHARACTERS = Pattern.compile("\\+?[0-9\\s().\\-/]+");

    private PhoneMatching() {
    }

    /** The digits of a written number, in order. */
    public static String digitsOf(String written) {
        return written == null ? "" : written.replaceAll("[^0-9]", "");
    }

    /** The last {@value #KEY_DIGITS} digits: what two ways of writing one number have in common. */
    public static String keyOf(String digits) {
        return digits.length() <= KEY_DIGITS ? digits : digits.substring(digits.length() - KEY_DIGITS);
    }

    /** Whether the text is written like a telephone number: digits and the usual separators only. */
    static boolean writtenLikeNumber(String text) {
        return text != null && NUMBER_CHARACTERS.matcher(text.strip()).matches();
    }

    /**
     * The digits of a search query that is a telephone number (only a number's characters, at least
     * {@value #QUERY_MIN_DIGITS} digits), for matching against customers' numbers; empty for any other query.
     */
    public static Optional<String> numberSearched(String query) {
        if (!writtenLikeNumber(query)) {
            return Optional.empty();
        }
        String digits = digitsOf(query);
        return digits.length() >= QUERY_MIN_DIGITS ? Optional.of(digits) : Optional.empty();
    }
}
