package org.regard.gestures;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.Locale;

/** Checks of what a gesture or a limit is given: an ISO 4217 currency and an amount written for it. */
final class Amounts {
    /** The largest amount a gesture or a limit takes. */
    static final BigDecimal MAX = new BigDecimal("999999999");

    private Amounts() {
    }

    /** The currency's code in capitals, or a field error: ISO 4217 as {@link Currency} knows it, one people pay in. */
    static String currency(String code, String field) {
        if (code == null || code.isBlank()) {
            throw new GestureInvalid(field, "is required", "gestures.error.required");
        }
        String c = code.strip().toUpperCase(Locale.ROOT);
        try {
            if (c.length() == 3 && Currency.getInstance(c).getDefaultFractionDigits() >= 0) {
                return c;
            }
        } catch (IllegalArgumentException unknown) {
            // falls through to the field error
        }
        throw new GestureInvalid(field, "must be an ISO 4217 currency code such as EUR, USD or VND ('" + code.strip()
                + "' is not one)", "gestures.error.currency");
    }

    /** The amount read from text ("12.50", also "12,50"), or a field error. */
    static BigDecimal parse(String text, String field) {
        if (text == null || text.isBlank()) {
            throw new GestureInvalid(field, "is required", "gestures.error.required");
        }
        try {
            return new BigDecimal(text.strip().replace(',', '.'));
        } catch (NumberFormatException e) {
            throw new GestureInvalid(field, "must be a number such as 12.50", "gestures.error.number");
        }
    }

    /**
     * The amount checked for the currency: not negative, above zero when {@code positive}, at most {@link #MAX}, with
     * no more decimals than the currency has (none for JPY or VND, two for EUR).
     */
    static BigDecimal check(BigDecimal amount, String currency, boolean positive, String field) {
        if (amount == null) {
            throw new GestureInvalid(field, "is required", "gestures.error.required");
        }
        if (amount.signum() < 0 || positive && amount.signum() == 0) {
            throw new GestureInvalid(field, positive ? "must be above zero" : "must not be negative",
                    positive ? "gestures.error.positive" : "gestures.error.negative");
        }
        if (amount.compareTo(MAX) > 0) {
            throw new GestureInvalid(field, "must be at most " + MAX.toPlainString(), "gestures.error.tooLarge", MAX.toPlainString());
        }
        int digits = Currency.getInstance(currency).getDefaultFractionDigits();
        BigDecimal plain = amount.stripTrailingZeros();
        if (plain.scale() > digits) {
            throw new GestureInvalid(field, "has more decimals than " + currency + " has (" + digits + ")",
                    "gestures.error.decimals", currency, digits);
        }
        return amount.setScale(Math.max(digits, 0));
    }

    /** The amount with as many decimals as its currency has (the tables keep three). */
    static BigDecimal scaled(BigDecimal amount, String currency) {
        if (amount == null) {
            return null;
        }
        int digits;
        try {
            digits = Math.max(Currency.getInstance(currency).getDefaultFractionDigits(), 0);
        } catch (IllegalArgumentException unknown) {
            return amount.stripTrailingZeros();
        }
        return amount.stripTrailingZeros().scale() <= digits ? amount.setScale(digits, java.math.RoundingMode.UNNECESSARY) : amount;
    }
}
