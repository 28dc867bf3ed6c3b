package org.regard.bench;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How long a search takes: {@code GET /api/v1/search} with a Bearer token, one request at a time, for several kinds
 * of query over the synthetic desk's vocabulary (a word in a fifth of the subjects, a word in most replies, two words,
 * Vietnamese without diacritics, French and German inflections, a customer's name, a status filter, a rare word, a
 * word found nowhere). With {@code --url}, first waits until the search backfill is complete ({@link BackfillWait}: a bulk-loaded
 * database is indexed in the background after Regard starts).
 * <p>
 * Usage: {@code java -cp regard-bench.jar org.regard.bench.SearchLatency --base=http://127.0.0.1:8080 --token=rgd_...
 * [--url=jdbc:postgresql://127.0.0.1:5432/regard_bench --user=postgres] [--requests=200] [--warmup=30]
 * [--wait-seconds=3600] [--seconds=60] [--clients=0] [--mixed-seconds=30]} (seconds: the time limit of each kind of
 * query). With {@code clients} above 0, a last phase sends every kind of query in turn from that many clients at once
 * for {@code mixed-seconds}: several agents searching at the same time.
 */
public final class SearchLatency {
    private static final Map<String, String> QUERIES = new LinkedHashMap<>();

    static {
        QUERIES.put("common word (subject): invoice", "q=invoice");
        QUERIES.put("very common word (replies): thank", "q=thank");
        QUERIES.put("two words: refund missing", "q=refund+missing");
        QUERIES.put("vi without diacritics: hoa don", "q=hoa+don");
        QUERIES.put("fr inflection: factures", "q=factures");
        QUERIES.put("de inflection: rechnungen", "q=rechnungen");
        QUERIES.put("customer name: moeller (type=customer)", "q=moeller&type=customer");
        QUERIES.put("filtered: invoice status=open", "q=invoice&status=open");
        QUERIES.put("rare word (notes): firmware", "q=firmware");
        QUERIES.put("no hit: zqxjvw", "q=zqxjvw");
    }

    private SearchLatency() {
    }

    public static void main(String[] argv) throws Exception {
        Args args = new Args(argv);
        String base = Local.base(args.require("base"));
        String token = args.require("token");
        int requests = args.integer("requests", 200);
        int warmup = args.integer("warmup", 30);
        long perKind = Duration.ofSeconds(args.integer("seconds", 60)).toNanos();
        String url = args.get("url", null);
        if (url != null) {
            BackfillWait.Outcome indexed = BackfillWait.await(url, args.get("user", "postgres"), args.integer("wait-seconds", 3600));
            if (!indexed.completed()) {
                throw new IllegalStateException("The search backfill did not complete within the time limit");
            }
        }
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
        for (Map.Entry<String, String> q : QUERIES.entrySet()) {
            Latencies latencies = new Latencies();
            int hits = -1;
            long deadline = System.nanoTime() + perKind;
            for (int i = 0; i < warmup + requests && System.nanoTime() < deadline; i++) {
                HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/api/v1/search?limit=25&" + q.getValue()))
                        .header("Authorization", "Bearer " + token).timeout(Duration.ofSeconds(60)).GET().build();
                long start = System.nanoTime();
                HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
                long took = System.nanoTime() - start;
                if (response.statusCode() != 200) {
                    throw new IllegalStateException(q.getKey() + ": HTTP " + response.statusCode() + " " + response.body());
                }
                if (i >= warmup) {
                    latencies.add(took);
                }
                hits = count(response.body());
            }
            System.out.println(latencies.line(q.getKey()) + "  hits=" + hits);
            System.out.println("RESULT\tsearch\t" + latencies.tsv("search " + q.getKey()));
        }
        int clients = args.integer("clients", 0);
        if (clients > 0) {
            // one client first: every request differs from the one before, so no database answers from a cache of
            // the previous identical query (H2 does); then several at once
            mixed(http, base, token, 1, Duration.ofSeconds(args.integer("mixed-seconds", 30)));
            if (clients > 1) {
                mixed(http, base, token, clients, Duration.ofSeconds(args.integer("mixed-seconds", 30)));
            }
        }
    }

    /** Every kind of query in turn, from several clients at once; each client starts at another kind. */
    private static void mixed(HttpClient http, String base, String token, int clients, Duration length) throws Exception {
        java.util.List<String> queries = java.util.List.copyOf(QUERIES.values());
        java.util.List<String> names = java.util.List.copyOf(QUERIES.keySet());
        Latencies latencies = new Latencies();
        java.util.List<Latencies> perQuery = queries.stream().map(q -> new Latencies()).toList();
        long until = System.nanoTime() + length.toNanos();
        java.util.concurrent.atomic.AtomicLong failures = new java.util.concurrent.atomic.AtomicLong();
        java.util.List<Thread> threads = new java.util.ArrayList<>();
        for (int c = 0; c < clients; c++) {
            int first = c;
            threads.add(Thread.ofPlatform().start(() -> {
                for (int i = first; System.nanoTime() < until; i++) {
                    HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/api/v1/search?limit=25&" + queries.get(i % queries.size())))
                            .header("Authorization", "Bearer " + token).timeout(Duration.ofSeconds(60)).GET().build();
                    long start = System.nanoTime();
                    try {
                        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
                        if (response.statusCode() == 200) {
                            latencies.add(System.nanoTime() - start);
                            perQuery.get(i % queries.size()).add(System.nanoTime() - start);
                        } else {
                            failures.incrementAndGet();
                        }
                    } catch (Exception e) {
                        failures.incrementAndGet();
                    }
                }
            }));
        }
        for (Thread t : threads) {
            t.join();
        }
        String name = clients == 1 ? "mixed, one client" : "mixed, " + clients + " clients at once";
        for (int q = 0; q < names.size(); q++) {
            System.out.println("  " + perQuery.get(q).line(name + " / " + names.get(q)));
        }
        System.out.printf(java.util.Locale.ROOT, "%s  %.0f searches/s  failures=%d%n", latencies.line(name),
                latencies.count() / (double) length.toSeconds(), failures.get());
        System.out.println("RESULT\tsearch\t" + latencies.tsv("search " + name));
    }

    private static int count(String json) {
        int n = 0;
        for (int i = json.indexOf("\"snippet\""); i >= 0; i = json.indexOf("\"snippet\"", i + 1)) {
            n++;
        }
        return n;
    }
}
