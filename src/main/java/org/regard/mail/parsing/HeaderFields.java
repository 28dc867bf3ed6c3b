package org.regard.mail.parsing;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The header fields of one MIME entity, unfolded, in order. Values are text (8-bit bytes read as UTF-8 when valid,
 * else windows-1252) but encoded words are left as they are: each header decides how to decode its own syntax.
 */
final class HeaderFields {

    record Field(String name, String value) {
    }

    private final List<Field> fields;

    HeaderFields(List<Field> fields) {
        this.fields = List.copyOf(fields);
    }

    /** The value of the first field with this name, trimmed. */
    Optional<String> first(String name) {
        for (Field field : fields) {
            if (field.name().equalsIgnoreCase(name)) {
                return Optional.of(field.value().trim());
            }
        }
        return Optional.empty();
    }

    /** The values of all fields with this name, in order. */
    List<String> all(String name) {
        List<String> values = new ArrayList<>();
        for (Field field : fields) {
            if (field.name().equalsIgnoreCase(name)) {
                values.add(field.value().trim());
            }
        }
        return values;
    }

    boolean has(String name) {
        return first(name).isPresent();
    }

    boolean isEmpty() {
        return fields.isEmpty();
    }

    /** Reads a header block that starts at {@code start}; stops at the empty line or at the first line that is no field. */
    static Block read(byte[] src, int start, int end, boolean skipMboxLine) {
        List<Field> fields = new ArrayList<>();
        boolean malformed = false;
        int pos = start;
        if (skipMboxLine && startsWith(src, pos, end, "From ")) {
            pos = nextLine(src, pos, end);
        }
        String name = null;
        StringBuilder value = null;
        int bodyStart = end;
        while (pos < end) {
            int next = nextLine(src, pos, end);
            int contentEnd = lineContentEnd(src, pos, next);
            if (contentEnd == pos) {
                bodyStart = next;
                break;
            }
            byte first = src[pos];
            if (first == ' ' || first == '\t') {
                if (value != null) {
                    value.append(text(src, pos, contentEnd));
                } else if (!isBlank(src, pos, contentEnd)) {
                    malformed = true;
                    bodyStart = pos;
                    break;
                }
                pos = next;
                continue;
            }
            int colon = colonOfFieldName(src, pos, contentEnd);
            if (colon < 0) {
                malformed = true;
                bodyStart = pos;
                break;
            }
            if (name != null) {
                fields.add(new Field(name, value.toString()));
            }
            name = new String(src, pos, colon - pos, StandardCharsets.ISO_8859_1).trim();
            int valueStart = colon + 1;
            value = new StringBuilder(text(src, valueStart, contentEnd));
            pos = next;
        }
        if (name != null) {
            fields.add(new Field(name, value.toString()));
        }
        return new Block(new HeaderFields(fields), bodyStart, malformed);
    }

    /** A header block and where the body after it starts. */
    record Block(HeaderFields headers, int bodyStart, boolean malformed) {
    }

    /** Position of the colon when the line starts with a field name (printable ASCII, maybe blanks before the colon), else -1. */
    private static int colonOfFieldName(byte[] src, int pos, int contentEnd) {
        int i = pos;
        while (i < contentEnd && i - pos <= 100) {
            byte b = src[i];
            if (b == ':') {
                return i == pos ? -1 : i;
            }
            if (b == ' ' || b == '\t') {
                int j = i;
                while (j < contentEnd && (src[j] == ' ' || src[j] == '\t')) {
                    j++;
                }
                return j < contentEnd && src[j] == ':' && i > pos ? j : -1;
            }
            if (b < 33 || b > 126) {
                return -1;
            }
            i++;
        }
        return -1;
    }

    static int nextLine(byte[] src, int pos, int end) {
        for (int i = pos; i < end; i++) {
            if (src[i] == '\n') {
                return i + 1;
            }
        }
        return end;
    }

    static int lineContentEnd(byte[] src, int pos, int next) {
        int e = next;
        if (e > pos && src[e - 1] == '\n') {
            e--;
        }
        if (e > pos && src[e - 1] == '\r') {
            e--;
        }
        return e;
    }

    private static boolean isBlank(byte[] src, int from, int to) {
        for (int i = from; i < to; i++) {
            if (src[i] != ' ' && src[i] != '\t') {
                return false;
            }
        }
        return true;
    }

    private static boolean startsWith(byte[] src, int pos, int end, String prefix) {
        if (end - pos < prefix.length()) {
            return false;
        }
        for (int i = 0; i < prefix.length(); i++) {
            if (src[pos + i] != prefix.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    /** Header bytes as text: ASCII as is, 8-bit as UTF-8 when valid (RFC 6532), else windows-1252. */
    private static String text(byte[] src, int from, int to) {
        return TextDecoding.isAscii(src, from, to)
                ? new String(src, from, to - from, StandardCharsets.ISO_8859_1)
                : TextDecoding.guess(src, from, to);
    }

    @Override
    public String toString() {
        StringBuilder out = new StringBuilder();
        for (Field field : fields) {
            out.append(field.name()).append(": ").append(field.value()).append('\n');
        }
        return out.toString();
    }
}
