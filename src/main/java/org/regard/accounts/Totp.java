package org.regard.accounts;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.OptionalLong;

/**
 * Time-based one-time passwords (RFC 6238 over RFC 4226's HOTP): HMAC-SHA1, 6 digits, 30-second steps counted from
 * the Unix epoch, the parameters every authenticator app uses by default.
 */
final class Totp {
    static final int DIGITS = 6;
    static final long STEP_SECONDS = 30;
    /** Steps accepted on either side of the current one, for clocks that drift and codes typed slowly. */
    static final int TOLERANCE = 1;
    private static final int[] POWERS = {1, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000, 100_000_000};

    private Totp() {
    }

    /** The step an instant falls in. */
    static long step(Instant at) {
        return Math.floorDiv(at.getEpochSecond(), STEP_SECONDS);
    }

    /** The code of one step, as the app shows it (leading zeros kept). */
    static String code(byte[] key, long step) {
        return code(key, step, DIGITS);
    }

    static String code(byte[] key, long step, int digits) {
        byte[] hash;
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(key, "HmacSHA1"));
            hash = mac.doFinal(ByteBuffer.allocate(Long.BYTES).putLong(step).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA1 is part of every Java runtime", e);
        }
        int offset = hash[hash.length - 1] & 0x0f;
        int binary = ((hash[offset] & 0x7f) << 24) | ((hash[offset + 1] & 0xff) << 16)
                | ((hash[offset + 2] & 0xff) << 8) | (hash[offset + 3] & 0xff);
        String digitsText = Integer.toString(binary % POWERS[digits]);
        return "0".repeat(digits - digitsText.length()) + digitsText;
    }

    /**
     * The step whose code was typed, among the current one and {@link #TOLERANCE} on either side, if it is later than
     * {@code lastUsedStep} (a code is good once: the replay guard); empty when the code matches none of them.
     */
    static OptionalLong matchingStep(byte[] key, String typed, Instant now, long lastUsedStep) {
        if (typed == null || typed.length() != DIGITS || !typed.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return OptionalLong.empty();
        }
        long current = step(now);
        OptionalLong found = OptionalLong.empty();
        // every candidate is compared, in constant time, so the answer's timing says nothing about which one matched
        for (long step = current - TOLERANCE; step <= current + TOLERANCE; step++) {
            boolean same = MessageDigest.isEqual(code(key, step).getBytes(), typed.getBytes());
            if (same && step > lastUsedStep && found.isEmpty()) {
                found = OptionalLong.of(step);
            }
        }
        return found;
    }
}
