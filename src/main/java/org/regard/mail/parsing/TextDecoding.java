package org.regard.mail.parsing;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Turns bytes into text with the charset a message declares, and copes when the declaration is missing, unknown or
 * wrong: bytes that are valid UTF-8 are read as UTF-8, anything else as windows-1252, and decoding never throws.
 */
final class TextDecoding {

    static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    /** Labels seen in real mail that Java does not know, or knows under a narrower charset. */
    private static final Map<String, String> ALIASES = Map.ofEntries(
            Map.entry("utf8", "UTF-8"),
            Map.entry("utf-8-sig", "UTF-8"),
            Map.entry("unicode-1-1-utf-8", "UTF-8"),
            Map.entry("x-unicode20utf8", "UTF-8"),
            Map.entry("ascii", "windows-1252"),
            Map.entry("us-ascii", "windows-1252"),
            Map.entry("ansi_x3.4-1968", "windows-1252"),
            Map.entry("iso-8859-1", "windows-1252"),
            Map.entry("iso8859-1", "windows-1252"),
            Map.entry("iso_8859-1", "windows-1252"),
            Map.entry("latin1", "windows-1252"),
            Map.entry("latin-1", "windows-1252"),
            Map.entry("l1", "windows-1252"),
            Map.entry("cp1252", "windows-1252"),
            Map.entry("iso-8859-8-i", "ISO-8859-8"),
            Map.entry("gb2312", "GBK"),
            Map.entry("gb_2312-80", "GBK"),
            Map.entry("x-gbk", "GBK"),
            Map.entry("ks_c_5601-1987", "x-windows-949"),
            Map.entry("ks_c_5601", "x-windows-949"),
            Map.entry("euc-kr", "x-windows-949"),
            Map.entry("tis-620", "x-windows-874"),
            Map.entry("windows-874", "x-windows-874"),
            Map.entry("shift-jis", "Shift_JIS"),
            Map.entry("sjis", "Shift_JIS"),
            Map.entry("x-sjis", "Shift_JIS"),
            Map.entry("cp-850", "IBM850"),
            Map.entry("cp850", "IBM850"),
            Map.entry("x-mac-roman", "x-MacRoman"),
            Map.entry("macintosh", "x-MacRoman"));

    private TextDecoding() {
    }

    /** The result of decoding: the text and, when the bytes did not match their label, why. */
    record Decoded(String text, Optional<String> problem) {
    }

    /** The Java charset for a MIME charset label, when Java has one. */
    static Optional<Charset> charset(String label) {
        if (label == null) {
            return Optional.empty();
        }
        String name = label.trim().toLowerCase(Locale.ROOT);
        int language = name.indexOf('*');
        if (language >= 0) {
            name = name.substring(0, language);
        }
        if (name.startsWith("\"") || name.endsWith("\"")) {
            name = name.replace("\"", "");
        }
        if (name.isEmpty()) {
            return Optional.empty();
        }
        name = ALIASES.getOrDefault(name, name);
        try {
            return Optional.of(Charset.forName(name));
        } catch (IllegalArgumentException unknownOrIllegal) {
            return Optional.empty();
        }
    }

    /** Decodes {@code bytes} declared as {@code label} (null when undeclared). */
    static Decoded decode(byte[] bytes, String label) {
        return decode(bytes, 0, bytes.length, label);
    }

    static Decoded decode(byte[] bytes, int start, int end, String label) {
        Optional<Charset> declared = charset(label);
        if (declared.isEmpty()) {
            Optional<String> problem = label == null || label.isBlank()
                    ? Optional.empty()
                    : Optional.of("unknown charset \"" + label.trim() + "\"");
            return new Decoded(guess(bytes, start, end), problem);
        }
        Charset charset = declared.get();
        if (charset.equals(StandardCharsets.UTF_8)) {
            return utf8(bytes, start, end, label);
        }
        if (isLatin(charset)) {
            Utf8Check check = Utf8Check.of(bytes, start, end);
            if (check.valid() && check.multiByte() > 0) {
                return new Decoded(utf8Text(bytes, start, end),
                        Optional.of("text declared as " + label.trim() + " is UTF-8"));
            }
            return new Decoded(new String(bytes, start, end - start, charset), Optional.empty());
        }
        if (charset.name().startsWith("UTF-16") || charset.name().startsWith("UTF-32")) {
            return new Decoded(lenient(bytes, start, end, charset), Optional.empty());
        }
        String text = lenient(bytes, start, end, charset);
        if (text.indexOf('\uFFFD') >= 0) {
            Utf8Check check = Utf8Check.of(bytes, start, end);
            if (check.valid() && check.multiByte() > 0) {
                return new Decoded(utf8Text(bytes, start, end),
                        Optional.of("text declared as " + label.trim() + " is UTF-8"));
            }
            return new Decoded(text, Optional.of("bytes that are not " + label.trim() + " were replaced"));
        }
        return new Decoded(text, Optional.empty());
    }

    /** Decodes bytes with no declared charset: UTF-8 when they are valid UTF-8, else windows-1252. */
    static String guess(byte[] bytes, int start, int end) {
        Utf8Check check = Utf8Check.of(bytes, start, end);
        return check.valid() ? utf8Text(bytes, start, end) : new String(bytes, start, end - start, WINDOWS_1252);
    }

    /** True when every byte is 7-bit. */
    static boolean isAscii(byte[] bytes, int start, int end) {
        for (int i = start; i < end; i++) {
            if (bytes[i] < 0) {
                return false;
            }
        }
        return true;
    }

    private static Decoded utf8(byte[] bytes, int start, int end, String label) {
        Utf8Check check = Utf8Check.of(bytes, start, end);
        if (check.valid()) {
            return new Decoded(utf8Text(bytes, start, end), Optional.empty());
        }
        if (check.multiByte() == 0 || check.invalid() > check.multiByte()) {
            return new Decoded(new String(bytes, start, end - start, WINDOWS_1252),
                    Optional.of("text declared as " + label.trim() + " is not UTF-8; read as windows-1252"));
        }
        return new Decoded(lenient(bytes, start, end, StandardCharsets.UTF_8),
                Optional.of("invalid UTF-8 bytes were replaced"));
    }

    private static String utf8Text(byte[] bytes, int start, int end) {
        int from = start;
        if (end - start >= 3 && bytes[start] == (byte) 0xEF && bytes[start + 1] == (byte) 0xBB
                && bytes[start + 2] == (byte) 0xBF) {
            from += 3;
        }
        return new String(bytes, from, end - from, StandardCharsets.UTF_8);
    }

    private static boolean isLatin(Charset charset) {
        String name = charset.name();
        return name.equals("windows-1252") || name.equals("ISO-8859-1") || name.equals("US-ASCII")
                || name.equals("ISO-8859-15");
    }

    private static String lenient(byte[] bytes, int start, int end, Charset charset) {
        try {
            return charset.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPLACE)
                    .onUnmappableCharacter(CodingErrorAction.REPLACE)
                    .decode(ByteBuffer.wrap(bytes, start, end - start))
                    .toString();
        } catch (CharacterCodingException | RuntimeException cannotHappenWithReplace) {
            return new String(bytes, start, end - start, WINDOWS_1252);
        }
    }

    /** Counts what a UTF-8 reading of some bytes would meet. */
    record Utf8Check(int multiByte, int invalid) {

        boolean valid() {
            return invalid == 0;
        }

        static Utf8Check of(byte[] b, int start, int end) {
            int multi = 0;
            int invalid = 0;
            int i = start;
            while (i < end) {
                int c = b[i] & 0xFF;
                if (c < 0x80) {
                    i++;
                    continue;
                }
                int length;
                int min;
                if (c >= 0xC2 && c <= 0xDF) {
                    length = 2;
                    min = 0x80;
                } else if (c >= 0xE0 && c <= 0xEF) {
                    length = 3;
                    min = 0x800;
                } else if (c >= 0xF0 && c <= 0xF4) {
                    length = 4;
                    min = 0x10000;
                } else {
                    invalid++;
                    i++;
                    continue;
                }
                if (i + length > end) {
                    invalid++;
                    break;
                }
                int codePoint = c & (0xFF >> (length + 1));
                boolean ok = true;
                for (int k = 1; k < length; k++) {
                    int next = b[i + k] & 0xFF;
                    if ((next & 0xC0) != 0x80) {
                        ok = false;
                        break;
                    }
                    codePoint = (codePoint << 6) | (next & 0x3F);
                }
                if (!ok || codePoint < min || codePoint > 0x10FFFF || (codePoint >= 0xD800 && codePoint <= 0xDFFF)) {
                    invalid++;
                    i++;
                    continue;
                }
                multi++;
                i += length;
            }
            return new Utf8Check(multi, invalid);
        }
    }
}
