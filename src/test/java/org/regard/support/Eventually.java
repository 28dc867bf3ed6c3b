package org.regard.support;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;

/** Waits for background work (mail intake, the sender) by polling a condition until a deadline, never a fixed sleep. */
public final class Eventually {
    /** Long enough for a busy two-core machine. */
    public static final Duration DEADLINE = Duration.ofSeconds(30);

    private Eventually() {
    }

    /** The value once the probe finds one; fails saying what it waited for. */
    public static <T> T await(Supplier<Optional<T>> probe, String what) throws InterruptedException {
        Instant deadline = Instant.now().plus(DEADLINE);
        while (true) {
            Optional<T> value = probe.get();
            if (value.isPresent()) {
                return value.get();
            }
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("Gave up waiting for " + what);
            }
            Thread.sleep(100);
        }
    }

    /** Returns once the condition holds; fails saying what it waited for. */
    public static void until(Supplier<Boolean> condition, String what) throws InterruptedException {
        await(() -> condition.get() ? Optional.of(true) : Optional.empty(), what);
    }
}
