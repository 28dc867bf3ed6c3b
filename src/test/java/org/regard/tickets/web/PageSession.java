package org.regard.tickets.web;

import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A person at the web pages, over real HTTP against the running server: signs in through the login
 * form (with its CSRF token), keeps the session cookie, and sends forms the way a browser without
 * script does. Redirects are not followed, so tests can see them.
 */
final class PageSession {
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");

    private final HttpClient http;
    private final String base;
    private final String language;
    private String csrf;

    private PageSession(int port, String language) {
        this.http = HttpClient.newBuilder().cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
                .followRedirects(HttpClient.Redirect.NEVER).build();
        this.base = "http://localhost:" + port;
        this.language = language;
    }

    record Page(int status, String body, HttpResponse<String> response) {
        Optional<String> location() {
            return response.headers().firstValue("Location");
        }

        String redirectPath() {
            String location = location().orElseThrow(() -> new AssertionError("no redirect, status " + status));
            return URI.create(location).getPath();
        }
    }

    /** Signs in as this agent, with pages in English. */
    static PageSession signIn(int port, String email, String password) {
        return signIn(port, email, password, "en");
    }

    static PageSession signIn(int port, String email, String password, String language) {
        PageSession session = new PageSession(port, language);
        Page login = session.get("/login");
        assertThat(login.status()).isEqualTo(200);
        Page signedIn = session.postForm("/login", Map.of("username", List.of(email), "password", List.of(password),
                "_csrf", List.of(csrfIn(login.body()))));
        assertThat(signedIn.status()).as("sign-in redirects").isEqualTo(302);
        assertThat(signedIn.location().orElse("")).doesNotContain("error");
        return session;
    }

    Page get(String path) {
        return send(request(path).GET().build());
    }

    /** A GET as htmx sends it. */
    Page htmxGet(String path) {
        return send(request(path).header("HX-Request", "true").GET().build());
    }

    /** Posts a form with this session's CSRF token, as a page's form would. */
    Page post(String path, Map<String, List<String>> fields) {
        Map<String, List<String>> withToken = new java.util.LinkedHashMap<>(fields);
        withToken.put("_csrf", List.of(csrf()));
        return postForm(path, withToken);
    }

    /** Posts a form exactly as given (no CSRF token added). */
    Page postForm(String path, Map<String, List<String>> fields) {
        String body = fields.entrySet().stream()
                .flatMap(e -> e.getValue().stream().map(v -> enc(e.getKey()) + "=" + enc(v)))
                .collect(Collectors.joining("&"));
        return send(request(path).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    private String csrf() {
        if (csrf == null) {
            csrf = csrfIn(get("/inbox").body());
        }
        return csrf;
    }

    static String csrfIn(String html) {
        Matcher m = CSRF.matcher(html);
        assertThat(m.find()).as("page has a CSRF token").isTrue();
        return m.group(1);
    }

    /** The value of the first element with this id's {@code value} attribute. */
    static String valueOf(String html, String id) {
        Matcher m = Pattern.compile("<[^>]*\\bid=\"" + Pattern.quote(id) + "\"[^>]*>").matcher(html);
        assertThat(m.find()).as("element #" + id).isTrue();
        Matcher v = Pattern.compile("\\bvalue=\"([^\"]*)\"").matcher(m.group());
        assertThat(v.find()).as("value of #" + id).isTrue();
        return v.group(1);
    }

    /** The ids of the elements whose id starts with this prefix, in page order. */
    static List<String> idsStartingWith(String html, String prefix) {
        Matcher m = Pattern.compile("\\bid=\"" + Pattern.quote(prefix) + "([^\"]*)\"").matcher(html);
        List<String> ids = new ArrayList<>();
        while (m.find()) {
            ids.add(m.group(1));
        }
        return ids;
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(base + path)).header("Accept-Language", language);
    }

    private Page send(HttpRequest request) {
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Page(response.statusCode(), response.body(), response);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    static Map<String, List<String>> form(String... namesAndValues) {
        Map<String, List<String>> form = new java.util.LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            form.computeIfAbsent(namesAndValues[i], k -> new ArrayList<>()).add(namesAndValues[i + 1]);
        }
        return form;
    }
}
