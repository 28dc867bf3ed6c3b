package org.regard.accounts;

import java.time.Clock;
import java.time.Instant;

/**
 * What an authenticator app does, for tests: from the key shown on the enrolment page, the code of a step not used yet.
 * Each code is taken from the current step or the one before or after (the steps Regard accepts), the oldest unused one
 * first (the step before the current one only in the first half of a step), and never in the last two seconds of a
 * step (it waits for the next one), so a code does not expire between being computed and being checked.
 */
public final class TestAuthenticator {
    private final byte[] key;
    private final Clock clock;
    private long lastStep = Long.MIN_VALUE;

    public TestAuthenticator(String base32Key, Clock clock) {
        this.key = Base32.decode(base32Key);
        this.clock = clock;
    }

    /** A code Regard accepts now and has not seen from this authenticator. */
    public String nextCode() {
        while (true) {
            Instant now = clock.instant();
            long secondsIntoStep = Math.floorMod(now.getEpochSecond(), Totp.STEP_SECONDS);
            long current = Totp.step(now);
            // the step before the current one stays accepted only until the current step ends: take it only while
            // half a step is left, so that a slow round trip on a busy machine does not carry the code out of range
            long oldest = secondsIntoStep < Totp.STEP_SECONDS / 2 ? current - Totp.TOLERANCE : current;
            long candidate = Math.max(oldest, lastStep + 1);
            if (secondsIntoStep < Totp.STEP_SECONDS - 2 && candidate <= current + Totp.TOLERANCE) {
                lastStep = candidate;
                return Totp.code(key, candidate);
            }
            sleep(Math.max(1, Totp.STEP_SECONDS - secondsIntoStep) * 1000 - now.getNano() / 1_000_000 + 50);
        }
    }

    /** A six-digit code that is none of the codes Regard accepts now. */
    public String wrongCode() {
        long step = Totp.step(clock.instant());
        for (int n = 0; ; n++) {
            String guess = String.format("%06d", (n * 7919) % 1_000_000);
            boolean accepted = false;
            for (long s = step - Totp.TOLERANCE - 1; s <= step + Totp.TOLERANCE + 1; s++) {
                accepted |= Totp.code(key, s).equals(guess);
            }
            if (!accepted) {
                return guess;
            }
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
