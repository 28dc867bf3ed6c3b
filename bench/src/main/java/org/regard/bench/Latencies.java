package org.regard.bench;

import java.util.Arrays;
import java.util.Locale;

/** Collected latencies in microseconds, with percentiles by nearest rank. */
final class Latencies {
    private long[] micros = new long[1024];
    private int size;

    synchronized void add(long nanos) {
        if (size == micros.length) {
            micros = Arrays.copyOf(micros, size * 2);
        }
        micros[size++] = nanos / 1000;
    }

    synchronized void addAll(Latencies other) {
        for (int i = 0; i < other.size; i++) {
            add(other.micros[i] * 1000);
        }
    }

    synchronized int count() {
        return size;
    }

    /** p in (0, 100]; milliseconds. */
    synchronized double percentile(double p) {
        if (size == 0) {
            return Double.NaN;
        }
        long[] sorted = Arrays.copyOf(micros, size);
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(p / 100.0 * size);
        return sorted[Math.max(0, Math.min(size - 1, rank - 1))] / 1000.0;
    }

    synchronized double max() {
        return percentile(100);
    }

    /** One line: label, count, p50/p95/p99/max in ms. */
    String line(String label) {
        return String.format(Locale.ROOT, "%-44s n=%-6d p50=%8.2f ms  p95=%8.2f ms  p99=%8.2f ms  max=%8.2f ms",
                label, count(), percentile(50), percentile(95), percentile(99), max());
    }

    /** Tab-separated figures for the summary file: label, n, p50, p95, p99, max. */
    String tsv(String label) {
        return String.format(Locale.ROOT, "%s\t%d\t%.2f\t%.2f\t%.2f\t%.2f", label, count(), percentile(50), percentile(95),
                percentile(99), max());
    }
}
