package org.regard.customers;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;

/**
 * The kinds of value a preference field holds. Each kind turns what an agent or client sent into its one
 * stored text form (so "1.50" and "1.5" are the same number) or refuses it. A choice is one of the options the
 * admin gave the field ({@link PreferenceOptions}), matched whatever its case and stored in the option's spelling.
 */
public enum PreferenceType {
    TEXT, NUMBER, DATE, YES_NO, CHOICE;

    static final int MAX_TEXT = 1000;

    /** The word pages and the API use: text, number, date, yes-no, choice. */
    public String value() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static Optional<PreferenceType> parse(String value) {
        if (value == null) {
            return Optional.empty();
        }
        for (PreferenceType type : values()) {
            if (type.value().equalsIgnoreCase(value.strip())) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }

    /**
     * The stored text of a value of this type: numbers without trailing zeros, dates as yyyy-mm-dd,
     * yes-no as true or false, a choice as the option's own spelling. Accepts JSON values (Number, Boolean) as well
     * as text.
     *
     * @param options the field's options (for a choice; ignored otherwise)
     * @throws IllegalArgumentException saying what the value should look like
     */
    String normalize(Object raw, java.util.List<String> options) {
        String text = raw instanceof String s ? s.strip() : String.valueOf(raw);
        return switch (this) {
            case TEXT -> {
                if (!(raw instanceof String)) {
                    throw new IllegalArgumentException("must be text");
                }
                if (text.length() > MAX_TEXT) {
                    throw new IllegalArgumentException("must be at most " + MAX_TEXT + " characters");
                }
                yield text;
            }
            case NUMBER -> {
                if (raw instanceof Boolean) {
                    throw new IllegalArgumentException("must be a number");
                }
                try {
                    BigDecimal number = new BigDecimal(text.replace(',', '.'));
                    yield number.stripTrailingZeros().toPlainString();
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("must be a number");
                }
            }
            case DATE -> {
                if (!(raw instanceof String)) {
                    throw new IllegalArgumentException("must be a date like 2026-03-31");
                }
                try {
                    yield LocalDate.parse(text).toString();
                } catch (DateTimeParseException e) {
                    throw new IllegalArgumentException("must be a date like 2026-03-31");
                }
            }
            case YES_NO -> {
                if (raw instanceof Boolean b) {
                    yield b.toString();
                }
                if (text.equalsIgnoreCase("true") || text.equalsIgnoreCase("yes")) {
                    yield "true";
                }
                if (text.equalsIgnoreCase("false") || text.equalsIgnoreCase("no")) {
                    yield "false";
                }
                throw new IllegalArgumentException("must be true or false");
            }
            case CHOICE -> {
                java.util.Optional<String> option = raw instanceof String ? PreferenceOptions.match(options, text)
                        : java.util.Optional.empty();
                yield option.orElseThrow(() -> new IllegalArgumentException("must be one of: " + String.join(", ", options)));
            }
        };
    }

    /** The stored text as the value a JSON client expects: text, a number, a date text or a boolean. */
    Object typed(String stored) {
        return switch (this) {
            case TEXT, DATE, CHOICE -> stored;
            case NUMBER -> new BigDecimal(stored);
            case YES_NO -> Boolean.valueOf(stored);
        };
    }
}
