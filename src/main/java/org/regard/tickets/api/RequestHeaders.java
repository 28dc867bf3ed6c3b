package org.regard.tickets.api;

import org.regard.tickets.InvalidInput;
import org.springframework.http.ETag;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.List;

/** Reads the headers that make ticket writes safe to repeat ({@code Idempotency-Key}) and to race ({@code If-Match}). */
final class RequestHeaders {
    static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    static final int MAX_KEY = 255;
    /** Keys are stored with the agent's id in a 64-character column; longer keys are stored as their digest. */
    private static final int STORED_KEY = 40;

    private RequestHeaders() {
    }

    /** The submission key for the use case, or null when the caller sent none. */
    static String submissionKey(String idempotencyKey) {
        if (idempotencyKey == null || idempotencyKey.isBlank()) {
            return null;
        }
        String key = idempotencyKey.strip();
        if (key.length() > MAX_KEY) {
            throw new InvalidInput(IDEMPOTENCY_KEY, "must be at most " + MAX_KEY + " characters long");
        }
        return key.length() <= STORED_KEY ? key : digest(key);
    }

    /**
     * The version the caller expects, from {@code If-Match: "7"} (the ETag we sent); null without the
     * header or with {@code *}, which skip the check.
     */
    static Integer expectedVersion(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank()) {
            return null;
        }
        List<ETag> tags = ETag.parse(ifMatch);
        if (tags.size() == 1 && tags.getFirst().isWildcard()) {
            return null;
        }
        if (tags.size() > 1) {
            throw new InvalidInput("If-Match", "must be one ETag as sent by this API, like \"3\"");
        }
        // a bare version (If-Match: 3) is not a well-formed ETag, but its meaning is clear
        String tag = tags.isEmpty() ? ifMatch.strip() : tags.getFirst().tag();
        try {
            return Integer.valueOf(tag);
        } catch (NumberFormatException e) {
            throw new InvalidInput("If-Match", "must be one ETag as sent by this API, like \"3\"");
        }
    }

    static String etag(int version) {
        return "\"" + version + "\"";
    }

    private static String digest(String key) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(hash).substring(0, STORED_KEY);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
