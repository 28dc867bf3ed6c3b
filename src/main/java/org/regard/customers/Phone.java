package org.regard.customers;

/**
 * A telephone number a customer is reached at, as the agent wrote it, and the kind of line. Checked when made: a
 * number is at most {@value #MAX_LENGTH} characters of digits and separators (a leading +, spaces, dots, dashes,
 * slashes, brackets) holding {@value #MIN_DIGITS} to {@value #MAX_DIGITS} digits (the most E.164 allows).
 *
 * @throws InvalidPhone when the number is not written like one
 */
public record Phone(String number, PhoneKind kind) {
    public static final int MAX_LENGTH = 40;
    public static final int MIN_DIGITS = 3;
    public static final int MAX_DIGITS = 15;

    public Phone {
        if (number == null || number.isBlank()) {
            throw new InvalidPhone(number, "must not be empty");
        }
        number = number.strip().replaceAll("\\s+", " ");
        if (number.length() > MAX_LENGTH) {
            throw new InvalidPhone(number, "must be at most " + MAX_LENGTH + " characters");
        }
        int digits = PhoneMatching.digitsOf(number).length();
        if (!PhoneMatching.writtenLikeNumber(number) || digits < MIN_DIGITS || digits > MAX_DIGITS) {
            throw new InvalidPhone(number, "must be " + MIN_DIGITS + " to " + MAX_DIGITS
                    + " digits, optionally with a leading + and spaces, dots, dashes or brackets");
        }
        kind = kind == null ? PhoneKind.OTHER : kind;
    }

    /** The number's digits alone. */
    public String digits() {
        return PhoneMatching.digitsOf(number);
    }

    /** What this number shares with every other way of writing it ({@link PhoneMatching}). */
    public String matchKey() {
        return PhoneMatching.keyOf(digits());
    }

    /** Whether the other is the same number, however written. */
    boolean sameNumberAs(Phone other) {
        return matchKey().equals(other.matchKey());
    }

    /** Raised for a number that is not written like one; the message says what a number may hold. */
    public static class InvalidPhone extends IllegalArgumentException {
        private final String number;
        private final String problem;

        public InvalidPhone(String number, String problem) {
            super("The number " + number + " " + problem + ".");
            this.number = number;
            this.problem = problem;
        }

        public String number() {
            return number;
        }

        /** What is wrong, as a phrase that follows "the number": "must be 3 to 15 digits...". */
        public String problem() {
            return problem;
        }
    }
}
