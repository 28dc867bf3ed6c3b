package org.regard.mail.parsing;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a few header fields straight from raw bytes, without parsing the body: the Message-ID for de-duplication
 * when a message is stored, and the mailing-list signals that keep Regard from acknowledging list mail.
 */
public final class RawHeaders {
    private static final Pattern ANGLE_ID = Pattern.compile("<([^<>\\s]+)>");

    private final HeaderFields headers;

    private RawHeaders(HeaderFields headers) {
        this.headers = headers;
    }

    public static RawHeaders of(byte[] raw) {
        try {
            return new RawHeaders(HeaderFields.read(raw, 0, raw.length, true).headers());
        } catch (RuntimeException unreadable) {
            return new RawHeaders(new HeaderFields(java.util.List.of()));
        }
    }

    /** The Message-ID without angle brackets, when the message has a usable one. */
    public Optional<String> messageId() {
        Optional<String> value = headers.first("Message-ID");
        if (value.isEmpty()) {
            return Optional.empty();
        }
        Matcher matcher = ANGLE_ID.matcher(value.get());
        if (matcher.find()) {
            return Optional.of(matcher.group(1));
        }
        String bare = value.get().strip();
        return bare.isEmpty() || bare.contains(" ") ? Optional.empty() : Optional.of(bare);
    }

    /** True for mail sent to a list or in bulk ({@code Precedence: bulk|list|junk}, or a {@code List-Id}). */
    public boolean bulk() {
        String precedence = headers.first("Precedence").orElse("").strip().toLowerCase(Locale.ROOT);
        return precedence.equals("bulk") || precedence.equals("list") || precedence.equals("junk") || headers.has("List-Id");
    }
}
