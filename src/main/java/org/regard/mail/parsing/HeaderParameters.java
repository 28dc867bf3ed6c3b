package org.regard.mail.parsing;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A structured header such as Content-Type or Content-Disposition: a main value and parameters, read leniently
 * (unbalanced quotes, stray semicolons, missing values) with RFC 2231 continuations and charsets decoded.
 *
 * @param value      the main value in lower case, e.g. {@code text/plain} or {@code attachment}
 * @param parameters parameter names in lower case; values as written (quotes removed)
 */
record HeaderParameters(String value, Map<String, String> parameters) {

    static final HeaderParameters EMPTY = new HeaderParameters("", Map.of());

    Optional<String> parameter(String name) {
        String found = parameters.get(name);
        return found == null || found.isEmpty() ? Optional.empty() : Optional.of(found);
    }

    static HeaderParameters parse(String header) {
        if (header == null || header.isBlank()) {
            return EMPTY;
        }
        List<String> pieces = splitOutsideQuotes(header);
        String value = pieces.getFirst().trim().toLowerCase(Locale.ROOT);
        Map<String, String> plain = new LinkedHashMap<>();
        Map<String, TreeMap<Integer, Section>> extended = new LinkedHashMap<>();
        for (String piece : pieces.subList(1, pieces.size())) {
            int equals = piece.indexOf('=');
            if (equals <= 0) {
                continue;
            }
            String name = piece.substring(0, equals).trim().toLowerCase(Locale.ROOT);
            String raw = piece.substring(equals + 1).trim();
            if (name.isEmpty()) {
                continue;
            }
            int star = name.indexOf('*');
            if (star < 0) {
                plain.putIfAbsent(name, unquote(raw));
                continue;
            }
            String base = name.substring(0, star);
            String rest = name.substring(star + 1);
            boolean encoded = rest.endsWith("*") || rest.isEmpty();
            String number = rest.endsWith("*") ? rest.substring(0, rest.length() - 1) : rest;
            int index;
            try {
                index = number.isEmpty() ? 0 : Integer.parseInt(number);
            } catch (NumberFormatException notAContinuation) {
                continue;
            }
            if (index < 0 || index > 999) {
                continue;
            }
            extended.computeIfAbsent(base, key -> new TreeMap<>())
                    .putIfAbsent(index, new Section(unquote(raw), encoded));
        }
        Map<String, String> parameters = new LinkedHashMap<>(plain);
        extended.forEach((name, sections) -> parameters.put(name, joinSections(sections)));
        return new HeaderParameters(value, parameters);
    }

    private record Section(String text, boolean encoded) {
    }

    /** Joins RFC 2231 sections: the first encoded section may carry {@code charset'language'}. */
    private static String joinSections(TreeMap<Integer, Section> sections) {
        String charset = null;
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        boolean first = true;
        for (Section section : sections.values()) {
            String text = section.text();
            if (section.encoded() && first) {
                int q1 = text.indexOf('\'');
                int q2 = q1 < 0 ? -1 : text.indexOf('\'', q1 + 1);
                if (q2 > q1) {
                    charset = text.substring(0, q1);
                    text = text.substring(q2 + 1);
                }
            }
            first = false;
            byte[] piece = section.encoded() ? percentDecode(text) : text.getBytes(StandardCharsets.UTF_8);
            bytes.writeBytes(piece);
        }
        byte[] all = bytes.toByteArray();
        String label = charset == null || charset.isBlank() ? null : charset;
        return TextDecoding.decode(all, label).text();
    }

    private static byte[] percentDecode(String text) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '%' && i + 2 < text.length()) {
                int hi = Character.digit(text.charAt(i + 1), 16);
                int lo = Character.digit(text.charAt(i + 2), 16);
                if (hi >= 0 && lo >= 0) {
                    out.write(hi * 16 + lo);
                    i += 2;
                    continue;
                }
            }
            if (c < 0x80) {
                out.write(c);
            } else {
                out.writeBytes(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
            }
        }
        return out.toByteArray();
    }

    /** Splits at semicolons that are not inside a quoted string. */
    private static List<String> splitOutsideQuotes(String header) {
        List<String> pieces = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < header.length(); i++) {
            char c = header.charAt(i);
            if (quoted && c == '\\' && i + 1 < header.length()) {
                current.append(c).append(header.charAt(++i));
                continue;
            }
            if (c == '"') {
                quoted = !quoted;
            }
            if (c == ';' && !quoted) {
                pieces.add(current.toString());
                current.setLength(0);
            } else {
                current.append(c);
            }
        }
        pieces.add(current.toString());
        return pieces;
    }

    private static String unquote(String raw) {
        String value = raw.trim();
        if (value.startsWith("\"")) {
            int close = closingQuote(value);
            String inner = close > 0 ? value.substring(1, close) : value.substring(1);
            StringBuilder out = new StringBuilder(inner.length());
            for (int i = 0; i < inner.length(); i++) {
                char c = inner.charAt(i);
                if (c == '\\' && i + 1 < inner.length()) {
                    c = inner.charAt(++i);
                }
                out.append(c);
            }
            return out.toString();
        }
        return value;
    }

    private static int closingQuote(String value) {
        for (int i = 1; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '"') {
                return i;
            }
        }
        return -1;
    }
}
