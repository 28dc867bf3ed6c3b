package org.regard.text;

import java.util.Optional;

/**
 * The characters Regard cannot keep, checked in one place for every input path. Two kinds:
 * <ul>
 *   <li>the NUL character (U+0000): PostgreSQL refuses it in text, so a value carrying it could not be stored;</li>
 *   <li>half of a UTF-16 surrogate pair (a "lone surrogate", e.g. JSON {@code "\ud800"}): it is no character at all,
 *   and a database stores it as {@code ?}, silently changing what was sent.</li>
 * </ul>
 * Input a person sends to the API is refused ({@link #problem}, a 400 naming the field); input that must never be
 * refused (a customer's mail, a page form) is cleaned ({@link #clean}). Checking costs no database statement.
 */
public final class TextInput {
    /** What replaces a lone surrogate when text is cleaned. */
    public static final char REPLACEMENT = '\uFFFD';

    private TextInput() {
    }

    /** Why the value cannot be kept, in words for the caller ("must not contain ..."); empty when it is fine. */
    public static Optional<String> problem(String value) {
        if (value == null) {
            return Optional.empty();
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\u0000') {
                return Optional.of("must not contain the NUL character (U+0000)");
            }
            if (Character.isSurrogate(c)) {
                if (Character.isHighSurrogate(c) && i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
                    i++;
                    continue;
                }
                return Optional.of("must not contain a lone UTF-16 surrogate (U+" + Integer.toHexString(c).toUpperCase(java.util.Locale.ROOT)
                        + ", half of a character)");
            }
        }
        return Optional.empty();
    }

    /** Whether the value can be kept as it is. */
    public static boolean isClean(String value) {
        return problem(value).isEmpty();
    }

    /** The value with NUL characters removed and lone surrogates replaced by U+FFFD; the same instance when clean. */
    public static String clean(String value) {
        if (value == null || isClean(value)) {
            return value;
        }
        StringBuilder b = new StringBuilder(value.length());
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\u0000') {
                continue;
            }
            if (Character.isHighSurrogate(c) && i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
                b.append(c).append(value.charAt(++i));
            } else if (Character.isSurrogate(c)) {
                b.append(REPLACEMENT);
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }
}
