package org.regard.text;

/**
 * Names shown to agents and offered as file names, with the characters that reorder text taken out: the bidirectional
 * embeddings and overrides U+202A-U+202E and isolates U+2066-U+2069 (a file name "invoice", U+202E, "fdp.exe" would
 * show as "invoiceexe.pdf"). In file names the direction marks U+200E and U+200F go too (a name needs no direction
 * of its own). Pages also put names in {@code <bdi>}, so right-to-left names stay readable and never turn the text
 * around them. Message bodies are left as written.
 */
public final class DisplayText {
    private DisplayText() {
    }

    /** A name without embeddings, overrides or isolates; null stays null. */
    public static String name(String value) {
        return without(value, false);
    }

    /** A file name without embeddings, overrides, isolates or direction marks; null stays null. */
    public static String fileName(String value) {
        return without(value, true);
    }

    /** Whether the character turns or isolates the direction of the text after it. */
    public static boolean reorders(int c) {
        return (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069);
    }

    private static String without(String value, boolean marksToo) {
        if (value == null) {
            return null;
        }
        StringBuilder b = null;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            boolean drop = reorders(c) || (marksToo && (c == '\u200E' || c == '\u200F'));
            if (drop && b == null) {
                b = new StringBuilder(value.length()).append(value, 0, i);
            } else if (!drop && b != null) {
                b.append(c);
            }
        }
        return b == null ? value : b.toString();
    }
}
