package org.regard.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.StringJoiner;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A browser without JavaScript for integration tests: real HTTP against the running application, a cookie jar
 * for the session, sign-in through the real login form, and forms sent with the CSRF token of the last page that
 * carried one. Redirects are not followed, so tests see exactly what the server answered.
 * <p>
 * Forms are given as name/value pairs ({@code "name", "Ana", "languages", "fr", "languages", "de"}); a name may
 * repeat.
 */
public final class WebSession {
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");
    private static final String PAGE_WITH_A_FORM = "/inbox";

    private final HttpClient http;
    private final String base;
    private final String language;
    private String csrf;
    private final java.util.Map<String, String> headers = new java.util.LinkedHashMap<>();

    private WebSession(HttpClient http, int port, String language) {
        this.http = http;
        this.base = "http://127.0.0.1:" + port;
        this.language = language;
    }

    /** A visitor who has not signed in, asking for English pages. */
    public static WebSession anonymous(int port) {
        return new WebSession(newBrowser(), port, "en");
    }

    /**
     * A visitor who has not signed in, connecting from this loopback address (e.g. {@code 127.0.4.7}) instead of
     * {@code 127.0.0.1}: for tests of what Regard does per client address, which must not slow down the other tests.
     */
    public static WebSession anonymousFrom(int port, String clientAddress) {
        return new WebSession(newBrowser(clientAddress), port, "en");
    }

    /** An agent signed in through the sign-in form, asking for English pages; fails the test if refused. */
    public static WebSession signedIn(int port, String email, String password) {
        return signedIn(port, email, password, "en");
    }

    /**
     * An agent signed in through the sign-in form, whose browser asks for pages in {@code language}
     * (the {@code Accept-Language} header); fails the test if the sign-in is refused.
     */
    public static WebSession signedIn(int port, String email, String password, String language) {
        WebSession session = new WebSession(newBrowser(), port, language);
        Page answer = session.signIn(email, password);
        assertThat(answer.status()).as("sign-in of %s redirects", email).isEqualTo(302);
        assertThat(answer.location()).as("sign-in of %s", email).isNotEmpty().doesNotContain("error");
        return session;
    }

    /**
     * Fills in and sends the sign-in form with its CSRF token; the answer is the server's redirect (to the
     * inbox, or back to the form with {@code ?error}).
     */
    public Page signIn(String email, String password) {
        Page login = get("/login");
        assertThat(login.status()).as("the sign-in page").isEqualTo(200);
        Page answer = postAsIs("/login", "username", email, "password", password, "_csrf", login.csrfToken());
        csrf = null; // signing in replaces the session's token
        return answer;
    }

    /**
     * The same browser, cookies included, talking to the application on another port: as when a load balancer
     * sends the next request to another node.
     */
    public WebSession onPort(int port) {
        return new WebSession(http, port, language);
    }

    /** Loads a page. */
    public Page get(String path) {
        return send(request(path).GET());
    }

    /** Loads a page the way htmx does, with the {@code HX-Request} header. */
    public Page htmxGet(String path) {
        return send(request(path).header("HX-Request", "true").GET());
    }

    /**
     * Sends a form with the session's CSRF token, as a page's form would: the token of the last page that
     * carried one, or, if none has been seen since signing in, the token of the inbox.
     */
    public Page post(String path, String... fields) {
        return send(formRequest(path, withCsrf(fields)));
    }

    /** Sends a form with the session's CSRF token the way htmx does, with the {@code HX-Request} header. */
    public Page htmxPost(String path, String... fields) {
        return send(formRequest(path, withCsrf(fields)).header("HX-Request", "true"));
    }

    /** A file for {@link #postMultipart}. */
    public record FilePart(String field, String fileName, String contentType, byte[] data) {
    }

    /**
     * Sends a multipart form (fields, then files) with the session's CSRF token, as a form with
     * {@code enctype="multipart/form-data"} would. {@code path} may carry a query string.
     */
    public Page postMultipart(String path, String[] fields, FilePart... files) {
        String boundary = "----regard-test-" + java.util.UUID.randomUUID();
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
        String[] all = withCsrf(fields);
        for (int i = 0; i < all.length; i += 2) {
            body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + all[i] + "\"\r\n\r\n"
                    + all[i + 1] + "\r\n").getBytes(StandardCharsets.UTF_8));
        }
        for (FilePart file : files) {
            body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + file.field()
                    + "\"; filename=\"" + file.fileName() + "\"\r\nContent-Type: " + file.contentType() + "\r\n\r\n")
                    .getBytes(StandardCharsets.UTF_8));
            body.writeBytes(file.data());
            body.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
        }
        body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return send(request(path).header("Content-Type", "multipart/form-data; boundary=" + boundary).header("Accept", "text/html")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
    }

    /** Loads a file as bytes, with the answer's headers (downloads are not text). */
    public HttpResponse<byte[]> download(String path) {
        try {
            return http.send(request(path).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * Sends exactly these fields and adds no CSRF token: for forms that must leave the token out, or carry a
     * forged or hand-picked one.
     */
    public Page postAsIs(String path, String... fields) {
        return send(formRequest(path, fields));
    }

    private String[] withCsrf(String... fields) {
        List<String> all = new ArrayList<>(List.of(fields));
        all.add("_csrf");
        all.add(currentCsrfToken());
        return all.toArray(String[]::new);
    }

    private String currentCsrfToken() {
        if (csrf == null) {
            csrf = get(PAGE_WITH_A_FORM).csrfToken();
        }
        return csrf;
    }

    /** Sends this header with every later request of the session ({@code null} stops sending it). */
    public WebSession header(String name, String value) {
        if (value == null) {
            headers.remove(name);
        } else {
            headers.put(name, value);
        }
        return this;
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .timeout(Duration.ofSeconds(30))
                .header("Accept-Language", language);
        headers.forEach(request::header);
        return request;
    }

    private HttpRequest.Builder formRequest(String path, String... fields) {
        return request(path)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(encode(fields)));
    }

    private Page send(HttpRequest.Builder request) {
        HttpResponse<String> response = exchange(request.build());
        Page page = new Page(response.statusCode(), response.body(), response.headers());
        page.csrfTokenIfAny().ifPresent(token -> csrf = token);
        return page;
    }

    private HttpResponse<String> exchange(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static HttpClient newBrowser() {
        return newBrowser(null);
    }

    /** An HTTP client builder that connects from this local address ({@code null}: the system's choice). */
    public static HttpClient.Builder connectingFrom(String clientAddress) {
        HttpClient.Builder builder = HttpClient.newBuilder();
        if (clientAddress != null) {
            try {
                builder.localAddress(java.net.InetAddress.getByName(clientAddress));
            } catch (java.net.UnknownHostException e) {
                throw new IllegalArgumentException(clientAddress, e);
            }
        }
        return builder;
    }

    private static HttpClient newBrowser(String clientAddress) {
        return connectingFrom(clientAddress)
                .cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(10))
                .build();
    }

    private static String encode(String... pairs) {
        if (pairs.length % 2 != 0) {
            throw new IllegalArgumentException("form fields come in name/value pairs");
        }
        StringJoiner body = new StringJoiner("&");
        for (int i = 0; i < pairs.length; i += 2) {
            body.add(URLEncoder.encode(pairs[i], StandardCharsets.UTF_8) + "="
                    + URLEncoder.encode(pairs[i + 1], StandardCharsets.UTF_8));
        }
        return body.toString();
    }

    /** What the server answered, with small finders for what tests look for in a page. */
    public record Page(int status, String body, HttpHeaders headers) {

        /** The {@code Location} header, or an empty string when the answer is not a redirect. */
        public String location() {
            return headers.firstValue("Location").orElse("");
        }

        /** The path this redirect leads to; fails the test when the answer is not a redirect. */
        public String redirectPath() {
            String location = headers.firstValue("Location")
                    .orElseThrow(() -> new AssertionError("no redirect, status " + status));
            return URI.create(location).getPath();
        }

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

        /** The {@code value} attribute of the element with this id; fails the test when there is none. */
        public String valueOf(String id) {
            Matcher element = Pattern.compile("<[^>]*\\bid=\"" + Pattern.quote(id) + "\"[^>]*>").matcher(body);
            assertThat(element.find()).as("element #" + id).isTrue();
            Matcher value = Pattern.compile("\\bvalue=\"([^\"]*)\"").matcher(element.group());
            assertThat(value.find()).as("value of #" + id).isTrue();
            return value.group(1);
        }

        /** What follows {@code prefix} in the ids that start with it, in page order. */
        public List<String> idsStartingWith(String prefix) {
            Matcher m = Pattern.compile("\\bid=\"" + Pattern.quote(prefix) + "([^\"]*)\"").matcher(body);
            List<String> ids = new ArrayList<>();
            while (m.find()) {
                ids.add(m.group(1));
            }
            return ids;
        }

        /** The CSRF token of the forms on this page; fails the test when the page has none. */
        public String csrfToken() {
            return csrfTokenIfAny().orElseThrow(() -> new AssertionError("page has no CSRF token (status " + status + ")"));
        }

        private Optional<String> csrfTokenIfAny() {
            Matcher m = CSRF.matcher(body);
            return m.find() ? Optional.of(m.group(1)) : Optional.empty();
        }
    }
}
