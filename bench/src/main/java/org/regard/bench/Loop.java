package org.regard.bench;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * Several clients at once, each taking the next request number until {@code warmup + requests} are issued or the time
 * limit has passed. The first {@code warmup} requests are not measured; the warm-up has the time limit to itself (when
 * it runs out first, measuring starts there), and the measured requests get it again from their start, so a slow
 * warm-up never leaves nothing to measure. A request answers a status (an HTTP status, or
 * 200 for a JDBC write that committed); a thrown exception counts as a failure. When the whole warm-up succeeded
 * nowhere, the clients stop: measuring only errors would say nothing.
 */
final class Loop {
    /** One request; {@code client} is the client's number, {@code n} the request's. */
    interface Request {
        int send(int client, int n) throws Exception;
    }

    final Latencies measured = new Latencies();
    private final Map<Integer, LongAdder> statuses = new ConcurrentHashMap<>();
    private final LongAdder failures = new LongAdder();
    private final AtomicLong from = new AtomicLong();
    private final AtomicLong until = new AtomicLong();
    private volatile String firstFailure;
    private final int clients;
    /** CPU readings when measuring started and when it ended. */
    private volatile Cpu cpuFrom;
    private volatile Cpu cpuUntil;

    private Loop(int clients) {
        this.clients = clients;
    }

    /** The measured part starts now: its clock and its CPU reading. */
    private void startMeasuring() {
        from.set(System.nanoTime());
        cpuFrom = Cpu.now();
    }

    static Loop run(int clients, int warmup, int requests, Duration limit, Request request) {
        Loop loop = new Loop(clients);
        AtomicLong deadline = new AtomicLong(System.nanoTime() + limit.toNanos());
        java.util.concurrent.atomic.AtomicBoolean measuring = new java.util.concurrent.atomic.AtomicBoolean(warmup == 0);
        if (warmup == 0) {
            loop.startMeasuring();
        }
        AtomicInteger issued = new AtomicInteger();
        LongAdder answered = new LongAdder();
        try (ExecutorService pool = Executors.newFixedThreadPool(clients)) {
            for (int c = 0; c < clients; c++) {
                int client = c;
                pool.submit(() -> {
                    int n;
                    while ((n = issued.getAndIncrement()) < warmup + requests) {
                        if (System.nanoTime() >= deadline.get()) {
                            synchronized (loop) {
                                if (System.nanoTime() >= deadline.get()) {
                                    if (measuring.get()) {
                                        break;
                                    }
                                    // the warm-up's time is up before its count: measure from here
                                    loop.startMeasuring();
                                    deadline.set(System.nanoTime() + limit.toNanos());
                                    measuring.set(true);
                                }
                            }
                        }
                        if (answered.sum() >= Math.max(warmup, 20) && loop.successes() == 0) {
                            break;
                        }
                        if (n >= warmup && !measuring.get()) {
                            synchronized (loop) {
                                if (!measuring.get()) {
                                    loop.startMeasuring();
                                    deadline.set(System.nanoTime() + limit.toNanos());
                                    measuring.set(true);
                                }
                            }
                        }
                        boolean measured = measuring.get();
                        long start = System.nanoTime();
                        try {
                            int status = request.send(client, n);
                            long took = System.nanoTime() - start;
                            loop.statuses.computeIfAbsent(status, k -> new LongAdder()).increment();
                            answered.increment();
                            if (measured) {
                                loop.measured.add(took);
                                loop.until.accumulateAndGet(System.nanoTime(), Math::max);
                            }
                        } catch (Exception e) {
                            loop.failures.increment();
                            answered.increment();
                            if (loop.firstFailure == null) {
                                loop.firstFailure = e.toString();
                            }
                        }
                    }
                    return null;
                });
            }
        }
        loop.cpuUntil = Cpu.now();
        return loop;
    }

    long successes() {
        return statuses.entrySet().stream().filter(e -> e.getKey() / 100 == 2 || e.getKey() / 100 == 3)
                .mapToLong(e -> e.getValue().sum()).sum();
    }

    /** Answers that are neither 2xx nor a redirect, and exceptions (transport failures, JDBC errors). */
    long errors() {
        return statuses.entrySet().stream().filter(e -> e.getKey() / 100 != 2 && e.getKey() / 100 != 3)
                .mapToLong(e -> e.getValue().sum()).sum() + failures.sum();
    }

    Map<Integer, Long> statuses() {
        Map<Integer, Long> codes = new TreeMap<>();
        statuses.forEach((k, v) -> codes.put(k, v.sum()));
        return codes;
    }

    double perSecond() {
        double seconds = Math.max(1e-9, (until.get() - from.get()) / 1e9);
        return measured.count() / seconds;
    }

    double seconds() {
        return Math.max(0, (until.get() - from.get()) / 1e9);
    }

    /**
     * Prints the statuses, errors and figures, and the summary line
     * {@code RESULT <kind> <measure> <clients> <per second> <errors> <label> <n> <p50> <p95> <p99> <max>}, then the CPU
     * each measured request cost, {@code CPU <kind> <measure> <clients> <Regard ms> <PostgreSQL ms> <tool ms>}.
     */
    void report(String kind, String measure, String label) {
        System.out.printf(Locale.ROOT, "  statuses %s, failures %d%s%n", statuses(), failures.sum(),
                firstFailure == null ? "" : " (first: " + firstFailure + ")");
        long errors = errors();
        if (errors > 0) {
            System.out.printf(Locale.ROOT, "  ERRORS: %d requests failed or were refused%n", errors);
        }
        System.out.printf(Locale.ROOT, "  throughput %.1f/s over %.1f s%n", perSecond(), seconds());
        System.out.println("  " + measured.line(label));
        System.out.printf(Locale.ROOT, "RESULT\t%s\t%s\t%d\t%.1f\t%d\t%s%n", kind, measure, clients, perSecond(), errors,
                measured.tsv(label));
        if (cpuFrom != null && cpuUntil != null) {
            // requests still in flight at either reading make this approximate by a few requests in thousands
            double[] cost = cpuUntil.perRequest(cpuFrom, measured.count());
            System.out.printf(Locale.ROOT, "  CPU per request: Regard %s ms, PostgreSQL %s ms, this tool %s ms%n",
                    ms(cost[0]), ms(cost[1]), ms(cost[2]));
            System.out.printf(Locale.ROOT, "CPU\t%s\t%s\t%d\t%s\t%s\t%s%n", kind, measure, clients, ms(cost[0]), ms(cost[1]), ms(cost[2]));
        }
    }

    private static String ms(double value) {
        return value < 0 ? "-" : String.format(Locale.ROOT, "%.2f", value);
    }
}
