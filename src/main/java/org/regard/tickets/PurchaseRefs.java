package org.regard.tickets;

/** The rules of a ticket's purchase reference: trimmed, 1 to 100 characters, printable (no control characters). */
public final class PurchaseRefs {
    /** Longest purchase reference accepted, in characters. */
    public static final int MAX = 100;
    /** The field's name in the ticket's history and in errors. */
    static final String FIELD = "purchaseRef";

    private PurchaseRefs() {
    }

    /**
     * The reference as stored: trimmed and checked.
     *
     * @throws InvalidInput naming {@code purchaseRef} when it is empty, too long or holds a character that does not print
     */
    public static String clean(String value) {
        String s = value == null ? "" : value.strip();
        if (s.isEmpty()) {
            throw new InvalidInput(FIELD, "must not be empty (send null to clear it)");
        }
        if (s.codePointCount(0, s.length()) > MAX) {
            throw new InvalidInput(FIELD, "must be at most " + MAX + " characters");
        }
        if (!s.codePoints().allMatch(PurchaseRefs::printable)) {
            throw new InvalidInput(FIELD, "must hold printable characters only");
        }
        return s;
    }

    private static boolean printable(int cp) {
        int type = Character.getType(cp);
        return !Character.isISOControl(cp) && type != Character.FORMAT && type != Character.UNASSIGNED
                && type != Character.SURROGATE && type != Character.PRIVATE_USE
                && type != Character.LINE_SEPARATOR && type != Character.PARAGRAPH_SEPARATOR;
    }
}
