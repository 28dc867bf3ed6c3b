package org.regard.mail.parsing;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;

/**
 * Content-Transfer-Encoding decoders that forgive what real mail gets wrong: base64 with line noise or missing
 * padding, quoted-printable with stray equal signs, uuencode with short lines. Each stops at a byte budget.
 */
final class TransferEncodings {

    private static final byte[] BASE64 = new byte[256];

    static {
        Arrays.fill(BASE64, (byte) -1);
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
        for (int i = 0; i < alphabet.length(); i++) {
            BASE64[alphabet.charAt(i)] = (byte) i;
        }
    }

    private TransferEncodings() {
    }

    /** Decoded bytes and whether the budget cut them short. */
    record Decoded(byte[] bytes, boolean truncated) {
    }

    /** Decodes a body range with the named transfer encoding; unknown encodings are passed through. */
    static Decoded decode(byte[] src, int start, int end, String encoding, long budget) {
        String name = encoding == null ? "" : encoding.trim().toLowerCase(Locale.ROOT);
        return switch (name) {
            case "base64" -> base64(src, start, end, budget);
            case "quoted-printable" -> quotedPrintable(src, start, end, budget);
            case "x-uuencode", "uuencode", "x-uue", "uue" -> uudecode(src, start, end, budget);
            default -> identity(src, start, end, budget);
        };
    }

    static Decoded identity(byte[] src, int start, int end, long budget) {
        int length = (int) Math.min(end - start, budget);
        return new Decoded(Arrays.copyOfRange(src, start, start + length), length < end - start);
    }

    static byte[] base64(String text) {
        byte[] ascii = text.getBytes(StandardCharsets.ISO_8859_1);
        return base64(ascii, 0, ascii.length, Long.MAX_VALUE).bytes();
    }

    /**
     * Decodes base64 into an array of exactly the decoded size: a first pass counts, the second fills it, so a large
     * attachment is held once, not grown and copied.
     */
    static Decoded base64(byte[] src, int start, int end, long budget) {
        long total = base64(src, start, end, null, 0);
        byte[] out = new byte[(int) Math.min(total, budget)];
        base64(src, start, end, out, out.length);
        return new Decoded(out, total > budget);
    }

    /** Decodes into {@code out} (at most {@code limit} bytes; null only counts); returns the decoded length. */
    private static long base64(byte[] src, int start, int end, byte[] out, int limit) {
        long n = 0;
        int quantum = 0;
        int count = 0;
        for (int i = start; i < end; i++) {
            int b = src[i] & 0xFF;
            if (b == '=') {
                // padding ends a quantum; emit what it completes and go on (some mailers concatenate base64 blobs)
                n = flush(quantum, count, out, limit, n);
                quantum = 0;
                count = 0;
                continue;
            }
            int value = BASE64[b];
            if (value < 0) {
                continue;
            }
            quantum = (quantum << 6) | value;
            count++;
            if (count == 4) {
                n = put(out, limit, n, (quantum >> 16) & 0xFF);
                n = put(out, limit, n, (quantum >> 8) & 0xFF);
                n = put(out, limit, n, quantum & 0xFF);
                quantum = 0;
                count = 0;
                if (out != null && n >= limit) {
                    return n;
                }
            }
        }
        return flush(quantum, count, out, limit, n);
    }

    /** The bytes an incomplete quantum of 2 or 3 characters stands for. */
    private static long flush(int quantum, int count, byte[] out, int limit, long n) {
        if (count == 2) {
            return put(out, limit, n, quantum >> 4);
        }
        if (count == 3) {
            return put(out, limit, put(out, limit, n, quantum >> 10), (quantum >> 2) & 0xFF);
        }
        return n;
    }

    private static long put(byte[] out, int limit, long n, int value) {
        if (out != null && n < limit) {
            out[(int) n] = (byte) value;
        }
        return n + 1;
    }

    static Decoded quotedPrintable(byte[] src, int start, int end, long budget) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(end - start);
        int i = start;
        while (i < end) {
            int lineEnd = HeaderFields.nextLine(src, i, end);
            int contentEnd = HeaderFields.lineContentEnd(src, i, lineEnd);
            boolean hasBreak = contentEnd < lineEnd;
            // trailing blanks were added in transport and are not part of the text (RFC 2045, 6.7)
            int textEnd = contentEnd;
            while (textEnd > i && (src[textEnd - 1] == ' ' || src[textEnd - 1] == '\t')) {
                textEnd--;
            }
            boolean soft = textEnd > i && src[textEnd - 1] == '=';
            int j = i;
            int stop = soft ? textEnd - 1 : textEnd;
            while (j < stop) {
                int b = src[j] & 0xFF;
                if (b == '=' && j + 2 < stop) {
                    int hi = Character.digit(src[j + 1], 16);
                    int lo = Character.digit(src[j + 2], 16);
                    if (hi >= 0 && lo >= 0) {
                        out.write(hi * 16 + lo);
                        j += 3;
                        continue;
                    }
                }
                out.write(b);
                j++;
            }
            if (hasBreak && !soft) {
                out.write('\r');
                out.write('\n');
            }
            if (out.size() > budget) {
                return truncated(out, budget);
            }
            i = lineEnd;
        }
        return new Decoded(out.toByteArray(), false);
    }

    /** Decodes uuencoded lines (between {@code begin} and {@code end}, or the whole range if they are missing). */
    static Decoded uudecode(byte[] src, int start, int end, long budget) {
        ByteArrayOutputStream out = new ByteArrayOutputStream((end - start) * 3 / 4);
        int i = start;
        boolean begun = false;
        boolean sawBegin = containsLineStarting(src, start, end, "begin ");
        while (i < end) {
            int lineEnd = HeaderFields.nextLine(src, i, end);
            int contentEnd = HeaderFields.lineContentEnd(src, i, lineEnd);
            String line = new String(src, i, contentEnd - i, StandardCharsets.ISO_8859_1);
            i = lineEnd;
            if (!begun) {
                if (!sawBegin || line.startsWith("begin ")) {
                    begun = true;
                    if (sawBegin) {
                        continue;
                    }
                } else {
                    continue;
                }
            }
            if (line.trim().equals("end")) {
                break;
            }
            uudecodeLine(line, out);
            if (out.size() > budget) {
                return truncated(out, budget);
            }
        }
        return new Decoded(out.toByteArray(), false);
    }

    /** Decodes one uuencoded line into {@code out}; returns false when the line is not uuencoded data. */
    static boolean uudecodeLine(String line, ByteArrayOutputStream out) {
        if (line.isEmpty()) {
            return false;
        }
        int length = (line.charAt(0) - 32) & 0x3F;
        if (length == 0) {
            return true;
        }
        int expectedChars = (length + 2) / 3 * 4;
        if (line.length() - 1 < expectedChars - 2) {
            return false;
        }
        int written = 0;
        for (int i = 1; written < length; i += 4) {
            int c0 = sixBits(line, i);
            int c1 = sixBits(line, i + 1);
            int c2 = sixBits(line, i + 2);
            int c3 = sixBits(line, i + 3);
            int[] bytes = {(c0 << 2) | (c1 >> 4), ((c1 & 0xF) << 4) | (c2 >> 2), ((c2 & 0x3) << 6) | c3};
            for (int k = 0; k < 3 && written < length; k++) {
                out.write(bytes[k] & 0xFF);
                written++;
            }
        }
        return true;
    }

    private static int sixBits(String line, int index) {
        return index < line.length() ? (line.charAt(index) - 32) & 0x3F : 0;
    }

    private static boolean containsLineStarting(byte[] src, int start, int end, String prefix) {
        int i = start;
        while (i < end) {
            int lineEnd = HeaderFields.nextLine(src, i, end);
            if (lineEnd - i >= prefix.length()
                    && new String(src, i, prefix.length(), StandardCharsets.ISO_8859_1).equals(prefix)) {
                return true;
            }
            i = lineEnd;
        }
        return false;
    }

    private static Decoded truncated(ByteArrayOutputStream out, long budget) {
        byte[] all = out.toByteArray();
        return new Decoded(Arrays.copyOf(all, (int) Math.min(all.length, budget)), true);
    }
}
