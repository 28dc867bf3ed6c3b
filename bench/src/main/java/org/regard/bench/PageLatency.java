package org.regard.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What an agent waits for: signs in through the login form (GET /login for the CSRF token and session
 * cookie, POST /login), then reads inbox pages in every view and a few pages further (following the "next"
 * cursors), and ticket pages for random ids. The same reads through the API (list and ticket) are measured
 * when a token is given. One client, one request at a time, bounded in count and time. Pages a build does
 * not have yet (404) are reported as such.
 * <p>
 * Usage: {@code java -cp regard-bench.jar org.regard.bench.PageLatency --base=http://127.0.0.1:8080
 * --email=admin@... --password=... --first-id=1 --last-id=100000 [--token=rgd_...] [--lists=200]
 * [--tickets=300] [--warmup=30] [--seconds=180] [--label=admin]}
 */
public final class PageLatency {
    private static final Pattern PAGE_CURSOR = Pattern.compile("[?&](?:amp;)?cursor=([A-Za-z0-9_\\-]+)");
    private static final Pattern API_CURSOR = Pattern.compile("\"nextCursor\"\\s*:\\s*\"([^\"]+)\"");
    private static final String[] WEB_VIEWS = {"TEAMS", "MINE", "UNASSIGNED", "ALL"};
    private static final String[] API_VIEWS = {"teams", "mine", "unassigned", "all"};

    private final HttpClient http;
    /** API calls carry only their token, never the page session. */
    private final HttpClient api = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;
    private final long deadline;
    private final Map<String, Map<Integer, Integer>> statuses = new TreeMap<>();

    private PageLatency(String base, long deadline) {
        this.base = base;
        this.deadline = deadline;
        this.http = FormLogin.browser();
    }

    public static void main(String[] argv) throws Exception {
        Args args = new Args(argv);
        PageLatency bench = new PageLatency(Local.base(args.require("base")),
                System.nanoTime() + Duration.ofSeconds(args.integer("seconds", 180)).toNanos());
        long firstId = args.number("first-id", 1);
        long lastId = args.number("last-id", 1000);
        int lists = args.integer("lists", 200);
        int tickets = args.integer("tickets", 300);
        int warmup = args.integer("warmup", 30);
        String token = args.get("token", null);
        String who = args.get("label", "");
        SplittableRandom random = new SplittableRandom(7);

        long signInStart = System.nanoTime();
        FormLogin.signIn(bench.http, bench.base, args.require("email"), args.require("password"));
        System.out.printf("Signed in through the login form in %.0f ms%n", (System.nanoTime() - signInStart) / 1e6);

        Latencies inboxFirst = new Latencies();
        Latencies inboxNext = new Latencies();
        Latencies ticketPage = new Latencies();
        bench.lists("inbox", lists, warmup, WEB_VIEWS, v -> "/inbox?view=" + v, c -> "&cursor=" + c, PAGE_CURSOR, null,
                inboxFirst, inboxNext);
        bench.reads("ticket page", tickets, warmup, id -> "/tickets/" + id, firstId, lastId, random, null, ticketPage);

        Latencies apiFirst = new Latencies();
        Latencies apiNext = new Latencies();
        Latencies apiTicket = new Latencies();
        if (token != null) {
            bench.lists("api list", lists, warmup, API_VIEWS, v -> "/api/v1/tickets?limit=25&view=" + v, c -> "&cursor=" + c,
                    API_CURSOR, token, apiFirst, apiNext);
            bench.reads("api ticket", tickets, warmup, id -> "/api/v1/tickets/" + id, firstId, lastId, random, token, apiTicket);
        }

        System.out.println("Status codes (" + args.require("email") + "): " + bench.statuses);
        for (var row : List.of(Map.entry("GET /inbox (first page of a view)", inboxFirst),
                Map.entry("GET /inbox?cursor= (later pages)", inboxNext), Map.entry("GET /tickets/{id}", ticketPage),
                Map.entry("GET /api/v1/tickets?limit=25", apiFirst), Map.entry("GET /api/v1/tickets?cursor=", apiNext),
                Map.entry("GET /api/v1/tickets/{id}", apiTicket))) {
            String label = (who.isEmpty() ? "" : who + " ") + row.getKey();
            if (row.getValue().count() == 0) {
                System.out.printf("  %-44s n/a (not measured: page missing, no token, or not asked for)%n", label);
            } else {
                System.out.println("  " + row.getValue().line(label));
                System.out.println("RESULT\tpage\t" + row.getValue().tsv(label));
            }
        }
    }

    /** Walks each view from its first page up to four pages deep, view after view, until {@code count} lists. */
    private void lists(String label, int count, int warmup, String[] views, java.util.function.Function<String, String> first,
                       java.util.function.Function<String, String> next, Pattern cursorPattern, String token,
                       Latencies firstPages, Latencies laterPages) throws Exception {
        int done = 0;
        int view = 0;
        while (done < count + warmup && System.nanoTime() < deadline) {
            String path = first.apply(views[view++ % views.length]);
            String cursor = null;
            for (int depth = 0; depth < 4 && done < count + warmup; depth++) {
                long start = System.nanoTime();
                HttpResponse<String> r = get(cursor == null ? path : path + next.apply(cursor), token);
                long took = System.nanoTime() - start;
                count(label, r.statusCode());
                if (r.statusCode() != 200) {
                    if (r.statusCode() == 404 && done == 0) {
                        return; // not on this build
                    }
                    break;
                }
                if (done++ >= warmup) {
                    (depth == 0 ? firstPages : laterPages).add(took);
                }
                Matcher m = cursorPattern.matcher(r.body());
                if (!m.find()) {
                    break;
                }
                cursor = m.group(1);
            }
        }
    }

    private void reads(String label, int count, int warmup, java.util.function.LongFunction<String> path, long firstId, long lastId,
                       SplittableRandom random, String token, Latencies into) throws Exception {
        if (count <= 0) {
            return;
        }
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < count + warmup; i++) {
            ids.add(firstId + random.nextLong(lastId - firstId + 1));
        }
        for (int i = 0; i < ids.size() && System.nanoTime() < deadline; i++) {
            long start = System.nanoTime();
            HttpResponse<String> r = get(path.apply(ids.get(i)), token);
            long took = System.nanoTime() - start;
            count(label, r.statusCode());
            if (r.statusCode() == 404 && i == 0) {
                return; // the page itself is missing, not the ticket
            }
            if (r.statusCode() == 200 && i >= warmup) {
                into.add(took);
            }
        }
    }

    private HttpResponse<String> get(String path, String token) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30)).GET();
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return (token == null ? http : api).send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private void count(String label, int status) {
        statuses.computeIfAbsent(label, k -> new TreeMap<>()).merge(status, 1, Integer::sum);
    }
}
