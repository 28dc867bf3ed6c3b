package org.regard.bench;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** An agent's browser session: signs in through the login form (GET /login for the CSRF token and the session cookie, POST /login). */
final class FormLogin {
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"|value=\"([^\"]+)\"[^>]*name=\"_csrf\"");

    private FormLogin() {
    }

    /** A client that keeps its cookies and does not follow redirects. */
    static HttpClient browser() {
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();
    }

    /** Signs {@code http} in; fails unless the form answers with a redirect that is not an error. */
    static void signIn(HttpClient http, String base, String email, String password) throws Exception {
        HttpResponse<String> form = http.send(HttpRequest.newBuilder(URI.create(base + "/login")).timeout(Duration.ofSeconds(30)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        String csrf = csrf(form.body());
        if (form.statusCode() != 200 || csrf == null) {
            throw new IllegalStateException("GET /login gave " + form.statusCode() + " without a CSRF field");
        }
        String body = "username=" + enc(email) + "&password=" + enc(password) + "&_csrf=" + enc(csrf);
        HttpResponse<String> login = http.send(HttpRequest.newBuilder(URI.create(base + "/login")).timeout(Duration.ofSeconds(30))
                        .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        String location = login.headers().firstValue("Location").orElse("");
        if (login.statusCode() != 302 || location.contains("error")) {
            throw new IllegalStateException("Sign-in failed: " + login.statusCode() + " " + location);
        }
    }

    /** The first hidden CSRF field's value in a page, or null. */
    static String csrf(String html) {
        Matcher m = CSRF.matcher(html);
        return m.find() ? (m.group(1) != null ? m.group(1) : m.group(2)) : null;
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
