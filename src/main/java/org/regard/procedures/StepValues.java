package org.regard.procedures;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Pattern;

/** Checks a step's field value against the step's type and gives it back in one form per type. */
final class StepValues {
    /** Up to 18 digits before the point and 6 after; a comma is read as the decimal point. */
    private static final Pattern NUMBER = Pattern.compile("-?\\d{1,18}(\\.\\d{1,6})?");

    private StepValues() {
    }

    /**
     * The value as stored: a number without exponent ({@code 12.5}), a date {@code yyyy-mm-dd}, {@code yes} or
     * {@code no}, a text stripped.
     *
     * @throws StepValueInvalid when it is missing or not of the type
     */
    static String normalise(FieldType type, String raw) {
        String value = raw == null ? "" : raw.strip();
        if (value.isEmpty()) {
            throw new StepValueInvalid("must be filled in to tick this step", "checklist.error.value.missing");
        }
        return switch (type) {
            case NUMBER -> {
                String plain = value.replace(',', '.');
                if (!NUMBER.matcher(plain).matches()) {
                    throw new StepValueInvalid("must be a number, like 12 or 12.5", "checklist.error.value.number");
                }
                yield new BigDecimal(plain).stripTrailingZeros().toPlainString();
            }
            case DATE -> {
                try {
                    yield LocalDate.parse(value).toString();
                } catch (DateTimeParseException notADate) {
                    throw new StepValueInvalid("must be a date written yyyy-mm-dd", "checklist.error.value.date");
                }
            }
            case YES_NO -> switch (value.toLowerCase(Locale.ROOT)) {
                case "yes", "true" -> "yes";
                case "no", "false" -> "no";
                default -> throw new StepValueInvalid("must be yes or no", "checklist.error.value.yesNo");
            };
            case TEXT -> {
                if (value.length() > Checklists.MAX_VALUE) {
                    throw new StepValueInvalid("must be at most " + Checklists.MAX_VALUE + " characters long",
                            "checklist.error.value.tooLong", Checklists.MAX_VALUE);
                }
                yield value;
            }
        };
    }
}
