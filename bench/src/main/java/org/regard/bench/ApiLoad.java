package org.regard.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

/**
 * Several clients at once open tickets through {@code POST /api/v1/tickets} with a Bearer token, against a
 * Regard on this machine. Bounded by a request count and a time limit. Prints throughput and latency
 * percentiles of the measured requests (after a warm-up).
 * <p>
 * Usage: {@code java -cp regard-bench.jar org.regard.bench.ApiLoad --base=http://127.0.0.1:8080 --token=rgd_...
 * [--clients=8] [--requests=4000] [--warmup=200] [--seconds=60] [--virtual=false] [--idempotency=true]
 * [--customers=2000]}
 */
public final class ApiLoad {

    public static void main(String[] argv) throws Exception {
        Args args = new Args(argv);
        String base = Local.base(args.require("base"));
        String token = args.require("token");
        int clients = args.integer("clients", 8);
        int requests = args.integer("requests", 4000);
        int warmup = args.integer("warmup", 200);
        long deadline = System.nanoTime() + Duration.ofSeconds(args.integer("seconds", 60)).toNanos();
        boolean idempotency = Boolean.parseBoolean(args.get("idempotency", "true"));
        int customerPool = args.integer("customers", 2000);
        String run = UUID.randomUUID().toString().substring(0, 8);

        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
        AtomicInteger issued = new AtomicInteger();
        Latencies measured = new Latencies();
        Map<Integer, LongAdder> statuses = new ConcurrentHashMap<>();
        LongAdder failures = new LongAdder();
        LongAdder answered = new LongAdder();
        java.util.concurrent.atomic.AtomicLong from = new java.util.concurrent.atomic.AtomicLong();
        java.util.concurrent.atomic.AtomicLong until = new java.util.concurrent.atomic.AtomicLong();

        try (ExecutorService pool = Boolean.parseBoolean(args.get("virtual", "false"))
                ? Executors.newVirtualThreadPerTaskExecutor() : Executors.newFixedThreadPool(clients)) {
            for (int c = 0; c < clients; c++) {
                pool.submit(() -> {
                    int n;
                    while ((n = issued.getAndIncrement()) < warmup + requests && System.nanoTime() < deadline) {
                        if (answered.sum() >= Math.max(warmup, 20) && !statuses.containsKey(201)) {
                            break; // the whole warm-up created nothing: measuring errors would say nothing
                        }
                        if (n == warmup) {
                            from.set(System.nanoTime());
                        }
                        // four in five requests come from a customer the desk knows already
                        int customer = n % 5 == 0 ? customerPool + n : n % customerPool;
                        String json = "{\"customer\":{\"email\":\"api-" + run + "-" + customer + "@bench.example.com\",\"name\":\"Bench Customer "
                                + customer + "\"},\"subject\":\"Card reader keeps restarting (" + n + ")\",\"body\":\"Since this morning the card "
                                + "reader restarts every few minutes. We tried unplugging it twice. Order ORD-" + (480000 + n) + ".\",\"channel\":\"WEB\"}";
                        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + "/api/v1/tickets"))
                                .timeout(Duration.ofSeconds(30))
                                .header("Authorization", "Bearer " + token)
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString(json));
                        if (idempotency) {
                            request.header("Idempotency-Key", run + "-" + n);
                        }
                        long start = System.nanoTime();
                        try {
                            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
                            long took = System.nanoTime() - start;
                            statuses.computeIfAbsent(response.statusCode(), k -> new LongAdder()).increment();
                            answered.increment();
                            if (n >= warmup) {
                                measured.add(took);
                                until.accumulateAndGet(System.nanoTime(), Math::max);
                            }
                        } catch (Exception e) {
                            failures.increment();
                        }
                    }
                    return null;
                });
            }
        }
        double seconds = Math.max(1e-9, (until.get() - from.get()) / 1e9);
        Map<Integer, Long> codes = new TreeMap<>();
        statuses.forEach((k, v) -> codes.put(k, v.sum()));
        System.out.printf(Locale.ROOT, "API POST /api/v1/tickets: %d clients (%s threads), idempotency keys %s, warm-up %d%n",
                clients, Boolean.parseBoolean(args.get("virtual", "false")) ? "virtual" : "platform", idempotency ? "on" : "off", warmup);
        System.out.printf(Locale.ROOT, "  statuses %s, transport failures %d%n", codes, failures.sum());
        if (codes.keySet().stream().noneMatch(c -> c == 201)) {
            System.out.println("  no ticket was created: is POST /api/v1/tickets available on this build?");
        }
        System.out.printf(Locale.ROOT, "  throughput %.1f req/s over %.1f s%n", measured.count() / seconds, seconds);
        System.out.println("  " + measured.line("POST /api/v1/tickets"));
        System.out.printf(Locale.ROOT, "RESULT\tapi_post\t%.1f\t%s%n", measured.count() / seconds, measured.tsv("POST /api/v1/tickets"));
    }
}
