package org.regard.mail.parsing;

import java.util.Locale;
import java.util.Optional;

/**
 * One MIME entity — the message itself or one of its parts: its header fields and where its body lies in the
 * bytes it was read from (nothing is copied).
 */
record MimeEntity(HeaderFields headers, byte[] source, int bodyStart, int bodyEnd, boolean malformedHeader) {

    static MimeEntity read(byte[] source, int start, int end, boolean message) {
        HeaderFields.Block block = HeaderFields.read(source, start, end, message);
        return new MimeEntity(block.headers(), source, block.bodyStart(), end, block.malformed());
    }

    /** The lower-case MIME type; {@code fallback} when the header is missing or unusable. */
    String mimeType(String fallback) {
        String value = contentType().value();
        if (value.isEmpty()) {
            return fallback;
        }
        int slash = value.indexOf('/');
        if (slash <= 0 || slash == value.length() - 1) {
            return value.equals("text") ? "text/plain" : fallback;
        }
        return value.replaceAll("\\s+", "");
    }

    HeaderParameters contentType() {
        return HeaderParameters.parse(headers.first("Content-Type").orElse(null));
    }

    HeaderParameters disposition() {
        return HeaderParameters.parse(headers.first("Content-Disposition").orElse(null));
    }

    String transferEncoding() {
        return headers.first("Content-Transfer-Encoding").orElse("7bit").trim().toLowerCase(Locale.ROOT);
    }

    Optional<String> contentId() {
        return headers.first("Content-ID").map(MimeEntity::withoutBrackets).filter(id -> !id.isEmpty());
    }

    static String withoutBrackets(String id) {
        String value = id.trim();
        if (value.startsWith("<")) {
            value = value.substring(1);
        }
        int close = value.indexOf('>');
        if (close >= 0) {
            value = value.substring(0, close);
        }
        return value.trim();
    }
}
