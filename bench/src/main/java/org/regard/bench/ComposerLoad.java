package org.regard.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Agents replying through the ticket page's composer: each client signs in through the login form with its own
 * session, reads the pages of some tickets once (not measured) for the CSRF token and the status the composer
 * offers after the reply, then posts the composer form ({@code POST /tickets/{id}/replies}, multipart, as the browser
 * sends it: body, submission key, the status the page preselects, an empty file field). Only the POST is measured;
 * its redirect is not followed. A success is a redirect to the ticket; any other answer is an error.
 * <p>
 * The status sent is the one the page would preselect: waiting when the ticket may wait, otherwise the first the
 * ticket may move to (a resolved or closed ticket is reopened). The tool keeps each ticket's status as its own
 * replies leave it.
 * <p>
 * Usage: {@code java -cp regard-bench.jar org.regard.bench.ComposerLoad --base=http://127.0.0.1:8080 --email=admin@...
 * --password=... --first-id=1 --last-id=100000 [--tickets=200] [--clients=8] [--requests=4000] [--warmup=200]
 * [--seconds=60]}
 */
public final class ComposerLoad {
    private static final Pattern NEXT_STATUS = Pattern.compile(
            "<select id=\"composer-next-status\"[^>]*>(.*?)</select>", Pattern.DOTALL);
    private static final Pattern SELECTED = Pattern.compile("<option value=\"([A-Z]+)\"[^>]*selected");

    public static void main(String[] argv) throws Exception {
        Args args = new Args(argv);
        String base = Local.base(args.require("base"));
        String email = args.require("email");
        String password = args.require("password");
        long firstId = args.number("first-id", 1);
        long lastId = args.number("last-id", 1000);
        int ticketCount = args.integer("tickets", 200);
        int clients = args.integer("clients", 8);
        int requests = args.integer("requests", 4000);
        int warmup = args.integer("warmup", 200);
        Duration limit = Duration.ofSeconds(args.integer("seconds", 60));
        String run = UUID.randomUUID().toString().substring(0, 8);

        SplittableRandom pick = new SplittableRandom(11);
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < ticketCount; i++) {
            ids.add(firstId + pick.nextLong(lastId - firstId + 1));
        }
        // what the composer offers next, per ticket
        Map<Long, String> next = new ConcurrentHashMap<>();
        HttpClient[] browsers = new HttpClient[clients];
        String[] tokens = new String[clients];
        long prepared = System.nanoTime();
        for (int c = 0; c < clients; c++) {
            browsers[c] = FormLogin.browser();
            FormLogin.signIn(browsers[c], base, email, password);
        }
        for (int i = 0; i < ids.size(); i++) {
            int c = i % clients;
            long id = ids.get(i);
            HttpResponse<String> page = browsers[c].send(HttpRequest.newBuilder(URI.create(base + "/tickets/" + id))
                    .timeout(Duration.ofSeconds(30)).GET().build(), HttpResponse.BodyHandlers.ofString());
            if (page.statusCode() != 200) {
                throw new IllegalStateException("GET /tickets/" + id + " gave " + page.statusCode());
            }
            tokens[c] = FormLogin.csrf(page.body());
            next.put(id, preselected(page.body()));
        }
        for (int c = 0; c < clients; c++) {
            if (tokens[c] == null) { // fewer tickets than clients
                HttpResponse<String> page = browsers[c].send(HttpRequest.newBuilder(URI.create(base + "/tickets/" + ids.getFirst()))
                        .timeout(Duration.ofSeconds(30)).GET().build(), HttpResponse.BodyHandlers.ofString());
                tokens[c] = FormLogin.csrf(page.body());
            }
        }
        System.out.printf(Locale.ROOT, "Composer: %d agents signed in, %d ticket pages read in %.1f s (not measured)%n", clients,
                ids.size(), (System.nanoTime() - prepared) / 1e9);

        SplittableRandom[] randoms = new SplittableRandom[clients];
        for (int c = 0; c < clients; c++) {
            randoms[c] = new SplittableRandom(97L * c + 3);
        }
        Loop loop = Loop.run(clients, warmup, requests, limit, (client, n) -> {
            long id = ids.get(randoms[client].nextInt(ids.size()));
            String status = next.get(id);
            String boundary = "----regard-bench-" + run + "-" + n;
            String body = part(boundary, "mode", "reply") + part(boundary, "submissionKey", UUID.randomUUID().toString())
                    + part(boundary, "body", Texts.replyBody(n)) + part(boundary, "nextStatus", status)
                    + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"files\"; filename=\"\"\r\n"
                    + "Content-Type: application/octet-stream\r\n\r\n\r\n--" + boundary + "--\r\n";
            HttpResponse<Void> r = browsers[client].send(HttpRequest.newBuilder(
                            URI.create(base + "/tickets/" + id + "/replies?_csrf=" + FormLogin.enc(tokens[client])))
                    .timeout(Duration.ofSeconds(30)).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                    .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build(), HttpResponse.BodyHandlers.discarding());
            String location = r.headers().firstValue("Location").orElse("");
            if (r.statusCode() == 302 && !location.contains("/tickets/" + id)) {
                return 401; // sent to the login page: the session is gone
            }
            if (r.statusCode() == 302) {
                next.put(id, afterReply(status));
            }
            return r.statusCode();
        });
        System.out.printf(Locale.ROOT, "Composer POST /tickets/{id}/replies: %d clients, %d tickets, warm-up %d%n", clients, ids.size(), warmup);
        loop.report("app", "composer", "POST /tickets/{id}/replies (composer)");
    }

    /** The status the composer preselects on a ticket page. */
    static String preselected(String html) {
        Matcher select = NEXT_STATUS.matcher(html);
        if (!select.find()) {
            throw new IllegalStateException("The ticket page has no composer status field");
        }
        Matcher selected = SELECTED.matcher(select.group(1));
        if (selected.find()) {
            return selected.group(1);
        }
        Matcher first = Pattern.compile("<option value=\"([A-Z]+)\"").matcher(select.group(1));
        return first.find() ? first.group(1) : "WAITING";
    }

    /** What the page preselects once a reply has left the ticket in {@code status}: waiting where it may, else reopen. */
    static String afterReply(String status) {
        return switch (status) {
            case "RESOLVED", "CLOSED" -> "OPEN";
            default -> "WAITING";
        };
    }

    private static String part(String boundary, String name, String value) {
        return "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n" + value + "\r\n";
    }
}
