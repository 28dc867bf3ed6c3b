package org.regard.gestures;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The built-in kinds of gesture, by their stable key. Kinds that are money given back ({@link #money()}) need an
 * amount above zero; free shipping and a replacement may be recorded with 0 (the amount, when given, is what they
 * cost the desk).
 */
public enum GestureKind {
    REFUND("refund", true),
    VOUCHER("voucher", true),
    FREE_SHIPPING("free-shipping", false),
    REPLACEMENT("replacement", false),
    FREE_MONTH("free-month", true),
    OTHER("other", true);

    private final String key;
    private final boolean money;

    GestureKind(String key, boolean money) {
        this.key = key;
        this.money = money;
    }

    public String key() {
        return key;
    }

    /** Whether the gesture is money (its amount must be above zero); otherwise 0 is allowed. */
    public boolean money() {
        return money;
    }

    /** Its name in English, for the API's texts and the review queue's summary ("Free shipping"). */
    public String englishName() {
        String words = key.replace('-', ' ');
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    public static Optional<GestureKind> parse(String key) {
        if (key == null) {
            return Optional.empty();
        }
        String k = key.strip().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(v -> v.key.equals(k)).findFirst();
    }

    public static String keys() {
        return String.join(", ", Arrays.stream(values()).map(GestureKind::key).toList());
    }
}
