package org.regard.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.UUID;

/**
 * Several clients at once write through the API with a Bearer token, against a Regard on this machine. Bounded by a
 * request count and a time limit. Prints the status codes (any answer that is not 2xx is an error, a 409 on a reply
 * included), throughput and latency percentiles of the measured requests (after a warm-up).
 * <ul>
 *   <li>{@code --mode=create}: {@code POST /api/v1/tickets}, for a pool of customer addresses (four requests in five from
 *   an address the desk already knows);</li>
 *   <li>{@code --mode=reply}: {@code POST /api/v1/tickets/{id}/messages} (a reply, no status change) to random tickets
 *   between {@code first-id} and {@code last-id}; with {@code --hot=N}, every client replies to the same N tickets
 *   (many concurrent replies to one ticket).</li>
 *   <li>{@code --mode=floor}: {@code GET /api/v1/preference-fields}, the cheapest authenticated API call (the token
 *   checked, one small read, a short JSON answer): what the HTTP stack alone allows, no write at all.</li>
 * </ul>
 * Usage: {@code java -cp regard-bench.jar org.regard.bench.ApiLoad --base=http://127.0.0.1:8080 --token=rgd_...
 * [--mode=create] [--clients=8] [--requests=4000] [--warmup=200] [--seconds=60] [--idempotency=true]
 * [--customers=2000] [--first-id=1 --last-id=1000] [--hot=0]}
 */
public final class ApiLoad {

    public static void main(String[] argv) throws Exception {
        Args args = new Args(argv);
        String base = Local.base(args.require("base"));
        String token = args.require("token");
        String mode = args.get("mode", "create");
        int clients = args.integer("clients", 8);
        int requests = args.integer("requests", 4000);
        int warmup = args.integer("warmup", 200);
        Duration limit = Duration.ofSeconds(args.integer("seconds", 60));
        boolean idempotency = Boolean.parseBoolean(args.get("idempotency", "true"));
        int customerPool = args.integer("customers", 2000);
        long firstId = args.number("first-id", 1);
        long lastId = args.number("last-id", 1000);
        int hot = args.integer("hot", 0);
        String run = UUID.randomUUID().toString().substring(0, 8);
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
        SplittableRandom[] randoms = new SplittableRandom[clients];
        for (int c = 0; c < clients; c++) {
            randoms[c] = new SplittableRandom(31L * c + 7);
        }

        Loop loop;
        String measure;
        String label;
        switch (mode) {
            case "create" -> {
                measure = "create";
                label = "POST /api/v1/tickets";
                loop = Loop.run(clients, warmup, requests, limit, (client, n) -> {
                    int customer = n % 5 == 0 ? customerPool + n : n % customerPool;
                    String json = "{\"customer\":{\"email\":\"api-" + run + "-" + customer + "@bench.example.com\",\"name\":\"Bench Customer "
                            + customer + "\"},\"subject\":\"" + Texts.SUBJECT + " (" + n + ")\",\"body\":\"" + Texts.createBody(n)
                            + "\",\"channel\":\"WEB\"}";
                    return post(http, base + "/api/v1/tickets", token, json, idempotency ? run + "-" + n : null);
                });
            }
            case "reply" -> {
                measure = hot > 0 ? "reply-hot" : "reply";
                label = hot > 0 ? "POST .../messages, " + hot + " hot tickets" : "POST /api/v1/tickets/{id}/messages";
                loop = Loop.run(clients, warmup, requests, limit, (client, n) -> {
                    long id = hot > 0 ? lastId - n % hot : firstId + randoms[client].nextLong(lastId - firstId + 1);
                    String json = "{\"kind\":\"REPLY\",\"body\":\"" + Texts.replyBody(n) + "\"}";
                    return post(http, base + "/api/v1/tickets/" + id + "/messages", token, json, idempotency ? run + "-" + n : null);
                });
            }
            case "floor" -> {
                measure = "floor";
                label = "GET /api/v1/preference-fields";
                loop = Loop.run(clients, warmup, requests, limit, (client, n) -> get(http, base + "/api/v1/preference-fields", token));
            }
            default -> throw new IllegalArgumentException("--mode=create, --mode=reply or --mode=floor, not " + mode);
        }
        System.out.printf(Locale.ROOT, "API %s: %d clients, idempotency keys %s, warm-up %d%s%n", label, clients,
                mode.equals("floor") ? "not sent (a read)" : idempotency ? "on" : "off", warmup, hot > 0 ? ", tickets " + (lastId - hot + 1) + ".." + lastId : "");
        if (loop.successes() == 0) {
            System.out.println("  nothing was written: is this request available on this build?");
        }
        loop.report("app", measure, label);
    }

    private static int get(HttpClient http, String url, String token) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token).GET().build();
        return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private static int post(HttpClient http, String url, String token, String json, String key) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
        if (key != null) {
            request.header("Idempotency-Key", key);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }
}
