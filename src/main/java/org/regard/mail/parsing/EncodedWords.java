package org.regard.mail.parsing;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Decodes RFC 2047 encoded words ({@code =?charset?Q|B?text?=}) the way real mail needs: words next to each other are
 * joined before decoding (a character may be split across two words), words inside quotes or glued to other text
 * are decoded too, spaces inside an encoded word are tolerated, and an unknown charset falls back to UTF-8 or
 * windows-1252 instead of failing.
 */
final class EncodedWords {

    private static final Pattern WORD = Pattern.compile("=\\?([^?\\s]{1,60})\\?([bBqQ])\\?(.{0,2000}?)\\?=");

    private EncodedWords() {
    }

    static String decode(String text) {
        if (text == null || !text.contains("=?")) {
            return text == null ? "" : text;
        }
        Matcher matcher = WORD.matcher(text);
        StringBuilder out = new StringBuilder(text.length());
        ByteArrayOutputStream pending = new ByteArrayOutputStream();
        String pendingCharset = null;
        int last = 0;
        while (matcher.find()) {
            String between = text.substring(last, matcher.start());
            String charset = matcher.group(1);
            boolean adjacent = pendingCharset != null && between.isBlank();
            if (!adjacent || !sameCharset(pendingCharset, charset)) {
                flush(out, pending, pendingCharset);
                pendingCharset = null;
                if (!adjacent) {
                    out.append(between);
                }
            }
            byte[] bytes = matcher.group(2).equalsIgnoreCase("b")
                    ? TransferEncodings.base64(matcher.group(3))
                    : qDecode(matcher.group(3));
            pending.writeBytes(bytes);
            pendingCharset = charset;
            last = matcher.end();
        }
        flush(out, pending, pendingCharset);
        out.append(text, last, text.length());
        return out.toString();
    }

    private static boolean sameCharset(String a, String b) {
        return a.equalsIgnoreCase(b);
    }

    private static void flush(StringBuilder out, ByteArrayOutputStream pending, String charset) {
        if (pending.size() == 0) {
            return;
        }
        byte[] bytes = pending.toByteArray();
        pending.reset();
        out.append(TextDecoding.decode(bytes, charset).text());
    }

    private static byte[] qDecode(String text) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '_') {
                out.write(' ');
            } else if (c == '=' && i + 2 < text.length()
                    && Character.digit(text.charAt(i + 1), 16) >= 0 && Character.digit(text.charAt(i + 2), 16) >= 0) {
                out.write(Character.digit(text.charAt(i + 1), 16) * 16 + Character.digit(text.charAt(i + 2), 16));
                i += 2;
            } else if (c < 0x80) {
                out.write(c);
            } else {
                out.writeBytes(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
            }
        }
        return out.toByteArray();
    }
}
