package org.regard.accounts.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A browser without JavaScript for integration tests: real HTTP against the running application, a cookie
 * jar for the session, the CSRF token taken from the last page that carried one, and no automatic
 * redirects so tests see exactly what the server answered.
 */
public final class WebSession {
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    private final HttpClient client = HttpClient.newBuilder()
            .cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
    private final String base;
    private String csrf;

    private WebSession(int port) {
        this.base = "http://127.0.0.1:" + port;
    }

    /** A visitor who has not signed in. */
    public static WebSession anonymous(int port) {
        return new WebSession(port);
    }

    /** A visitor who signed in through the sign-in form; fails the test when the sign-in is refused. */
    public static WebSession signedIn(int port, String email, String password) {
        WebSession session = new WebSession(port);
        Page answer = session.signIn(email, password);
        if (answer.status() != 302 || answer.location().contains("error")) {
            throw new AssertionError("Sign-in of " + email + " was refused: " + answer.status() + " " + answer.location());
        }
        session.get("/profile");
        return session;
    }

    /** Fills in and sends the sign-in form; the answer is the server's redirect. */
    public Page signIn(String email, String password) {
        get("/login");
        return post("/login", "username", email, "password", password);
    }

    public Page get(String path, String... headerPairs) {
        return send(HttpRequest.newBuilder(uri(path)).GET(), headerPairs);
    }

    /** Sends a form (name, value, name, value...) with the session's CSRF token. */
    public Page post(String path, String... fieldPairs) {
        return postWithHeaders(path, new String[0], fieldPairs);
    }

    /** Sends a form the way htmx does: with the {@code HX-Request} header. */
    public Page htmxPost(String path, String... fieldPairs) {
        return postWithHeaders(path, new String[]{"HX-Request", "true"}, fieldPairs);
    }

    /** Sends a form without any CSRF token. */
    public Page postWithoutCsrf(String path, String... fieldPairs) {
        return send(formRequest(path, encode(fieldPairs)), new String[0]);
    }

    private Page postWithHeaders(String path, String[] headerPairs, String... fieldPairs) {
        List<String> fields = new ArrayList<>(List.of(fieldPairs));
        if (csrf != null) {
            fields.add("_csrf");
            fields.add(csrf);
        }
        return send(formRequest(path, encode(fields.toArray(String[]::new))), headerPairs);
    }

    private HttpRequest.Builder formRequest(String path, String body) {
        return HttpRequest.newBuilder(uri(path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body));
    }

    private Page send(HttpRequest.Builder request, String[] headerPairs) {
        request.header("Accept-Language", "en");
        for (int i = 0; i < headerPairs.length; i += 2) {
            request.setHeader(headerPairs[i], headerPairs[i + 1]);
        }
        try {
            HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            Matcher token = CSRF.matcher(response.body());
            if (token.find()) {
                csrf = token.group(1);
            }
            return new Page(response.statusCode(), response.body(), response.headers().firstValue("Location").orElse(""));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private URI uri(String path) {
        return URI.create(base + path);
    }

    private static String encode(String... pairs) {
        StringBuilder body = new StringBuilder();
        for (int i = 0; i < pairs.length; i += 2) {
            if (!body.isEmpty()) {
                body.append('&');
            }
            body.append(URLEncoder.encode(pairs[i], StandardCharsets.UTF_8)).append('=')
                    .append(URLEncoder.encode(pairs[i + 1], StandardCharsets.UTF_8));
        }
        return body.toString();
    }

    /** What the server answered. */
    public record Page(int status, String body, String location) {

        /** The first group of the first match of {@code regex} in the body. */
        public Optional<String> find(String regex) {
            Matcher m = Pattern.compile(regex).matcher(body);
            return m.find() ? Optional.of(m.group(1)) : Optional.empty();
        }

        /** How often {@code text} occurs in the body. */
        public int count(String text) {
            int n = 0;
            for (int i = body.indexOf(text); i >= 0; i = body.indexOf(text, i + text.length())) {
                n++;
            }
            return n;
        }
    }
}
