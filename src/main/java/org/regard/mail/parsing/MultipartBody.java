package org.regard.mail.parsing;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a multipart body at its boundary lines. A delimiter counts only at the start of a line and only when a
 * blank or the line end follows it (so a longer boundary that starts with the same text is not mistaken for it); the
 * line break before a delimiter belongs to the delimiter. A missing closing delimiter ends the last part at the end.
 */
final class MultipartBody {

    /** Byte ranges of the parts, whether any delimiter was found, and whether the closing one was. */
    record Split(List<int[]> parts, boolean found, boolean closed) {
    }

    private MultipartBody() {
    }

    /** Splits the body between {@code start} and {@code end}; stops after {@code maxParts} parts. */
    static Split split(byte[] src, int start, int end, String boundary, int maxParts) {
        byte[] delimiter = ("--" + boundary).getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        List<int[]> parts = new ArrayList<>();
        int partStart = -1;
        boolean found = false;
        int pos = start;
        while (pos < end) {
            int next = HeaderFields.nextLine(src, pos, end);
            int kind = delimiterKind(src, pos, next, delimiter);
            if (kind != 0) {
                if (partStart >= 0) {
                    parts.add(new int[] {partStart, lineBreakBefore(src, partStart, pos)});
                    if (parts.size() >= maxParts) {
                        return new Split(parts, true, true);
                    }
                }
                found = true;
                if (kind == 2) {
                    return new Split(parts, true, true);
                }
                partStart = next;
            }
            pos = next;
        }
        if (partStart >= 0 && partStart < end) {
            parts.add(new int[] {partStart, end});
        }
        return new Split(parts, found, false);
    }

    /** 0: not a delimiter line, 1: a delimiter, 2: the closing delimiter. */
    private static int delimiterKind(byte[] src, int pos, int next, byte[] delimiter) {
        if (next - pos < delimiter.length) {
            return 0;
        }
        for (int i = 0; i < delimiter.length; i++) {
            if (src[pos + i] != delimiter[i]) {
                return 0;
            }
        }
        int i = pos + delimiter.length;
        int kind = 1;
        if (i + 1 < next && src[i] == '-' && src[i + 1] == '-') {
            kind = 2;
            i += 2;
        }
        if (kind == 2 || i >= next) {
            return kind;
        }
        // "--boundary" must be followed by blanks or the line end; text after a blank is ignored (RFC 2046 lets
        // a delimiter line carry trailing junk), while any other character means a longer, different boundary
        byte after = src[i];
        return after == ' ' || after == '\t' || after == '\r' || after == '\n' ? kind : 0;
    }

    private static int lineBreakBefore(byte[] src, int partStart, int delimiterLine) {
        int e = delimiterLine;
        if (e > partStart && src[e - 1] == '\n') {
            e--;
            if (e > partStart && src[e - 1] == '\r') {
                e--;
            }
        }
        return e;
    }
}
