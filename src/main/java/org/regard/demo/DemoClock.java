package org.regard.demo;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.function.Supplier;

/**
 * The application clock, which the demo loader can stop at a moment of its story, on its own thread only.
 * <p>
 * Every service stamps what it writes with the injected {@link Clock}. To tell sixty days of stories in a few
 * seconds, the loader runs each step of a story "at" that step's moment: inside {@link #at}, this thread reads
 * the story's moment; every other thread, and this one outside, reads the real clock. So tickets, messages,
 * change histories, customers, notes and the events other modules keep (reports count by the event's time)
 * all carry the story's dates, written by the same code that writes real work, with no correction afterwards.
 */
final class DemoClock extends Clock {
    private final Clock real;
    private final ThreadLocal<Instant> scene;

    DemoClock(Clock real) {
        this(real, new ThreadLocal<>());
    }

    private DemoClock(Clock real, ThreadLocal<Instant> scene) {
        this.real = real;
        this.scene = scene;
    }

    /** Runs {@code work} on this thread with the clock standing at {@code moment}. */
    <T> T at(Instant moment, Supplier<T> work) {
        Instant before = scene.get();
        scene.set(moment);
        try {
            return work.get();
        } finally {
            if (before == null) {
                scene.remove();
            } else {
                scene.set(before);
            }
        }
    }

    /** The clock without any scene: what time it really is. */
    Clock real() {
        return real;
    }

    @Override
    public Instant instant() {
        Instant moment = scene.get();
        return moment != null ? moment : real.instant();
    }

    @Override
    public long millis() {
        return instant().toEpochMilli();
    }

    @Override
    public ZoneId getZone() {
        return real.getZone();
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return new DemoClock(real.withZone(zone), scene);
    }
}
