package org.regard.accounts;

import java.io.ByteArrayOutputStream;
import java.util.Locale;

/**
 * Base32 (RFC 4648, alphabet {@code A-Z2-7}), the form authenticator apps take a TOTP secret in. Encodes without
 * padding; decoding ignores case, spaces, hyphens and trailing {@code =}, and refuses any other character.
 */
final class Base32 {
    private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

    private Base32() {
    }

    static String encode(byte[] data) {
        StringBuilder out = new StringBuilder((data.length * 8 + 4) / 5);
        int buffer = 0;
        int bits = 0;
        for (byte b : data) {
            buffer = (buffer << 8) | (b & 0xff);
            bits += 8;
            while (bits >= 5) {
                out.append(ALPHABET.charAt((buffer >>> (bits - 5)) & 31));
                bits -= 5;
            }
        }
        if (bits > 0) {
            out.append(ALPHABET.charAt((buffer << (5 - bits)) & 31));
        }
        return out.toString();
    }

    static byte[] decode(String text) {
        String clean = text.replace(" ", "").replace("-", "").toUpperCase(Locale.ROOT).replaceFirst("=+$", "");
        ByteArrayOutputStream out = new ByteArrayOutputStream(clean.length() * 5 / 8);
        int buffer = 0;
        int bits = 0;
        for (int i = 0; i < clean.length(); i++) {
            int value = ALPHABET.indexOf(clean.charAt(i));
            if (value < 0) {
                throw new IllegalArgumentException("Not a Base32 character: '" + clean.charAt(i) + "'");
            }
            buffer = (buffer << 5) | value;
            bits += 5;
            if (bits >= 8) {
                out.write((buffer >>> (bits - 8)) & 0xff);
                bits -= 8;
            }
        }
        return out.toByteArray();
    }

    /** The text in groups of four separated by spaces, as people copy a key by hand. */
    static String grouped(String text) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < text.length(); i += 4) {
            if (i > 0) {
                out.append(' ');
            }
            out.append(text, i, Math.min(text.length(), i + 4));
        }
        return out.toString();
    }
}
