package org.regard.security;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.regard.accounts.Role;
import org.regard.support.IntegrationTest;
import org.regard.support.TestData;
import org.regard.support.TestData.TestAgent;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.regard.security.Browser.location;

/** Pages defend the browser: strict headers, and no form is accepted without its CSRF token. */
@IntegrationTest
class PageSecurityIntegrationTest {
    @LocalServerPort
    int port;
    @Autowired
    TestData data;

    Browser browser;
    TestAgent agent;

    @BeforeEach
    void setUp() {
        browser = new Browser(port);
        agent = data.agent(Role.AGENT, data.team("pages"));
    }

    @Test
    void pagesAllowNoInlineScriptNoSniffingAndNoFraming() {
        HttpResponse<String> login = browser.get("/login");

        assertThat(login.statusCode()).isEqualTo(200);
        assertStrictHeaders(login);
    }

    @Test
    void signedInPagesCarryTheSameHeaders() {
        browser.signIn(agent.email(), agent.password());

        HttpResponse<String> page = browser.get("/login");

        assertThat(page.body()).contains("/logout");
        assertStrictHeaders(page);
    }

    @Test
    void signingOutWithoutTheCsrfTokenIsForbiddenAndKeepsTheSession() {
        assertThat(location(browser.signIn(agent.email(), agent.password()))).endsWith("/inbox");

        HttpResponse<String> forged = browser.post("/logout", Map.of());

        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(location(browser.get("/"))).as("still signed in").endsWith("/inbox");
    }

    @Test
    void signingOutWithTheCsrfTokenWorks() {
        browser.signIn(agent.email(), agent.password());
        String token = browser.csrfTokenOf("/login");

        HttpResponse<String> logout = browser.post("/logout", Map.of("_csrf", token));

        assertThat(logout.statusCode()).isEqualTo(302);
        assertThat(location(logout)).endsWith("/login?logout");
        assertThat(location(browser.get("/"))).as("signed out").endsWith("/login");
    }

    @Test
    void theLoginFormWithoutTheCsrfTokenIsForbidden() {
        browser.get("/login");

        HttpResponse<String> forged = browser.post("/login", Map.of("username", agent.email(), "password", agent.password()));

        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(location(browser.get("/"))).as("not signed in").endsWith("/login");
    }

    @Test
    void aFormWithAForgedCsrfTokenIsForbidden() {
        browser.signIn(agent.email(), agent.password());

        HttpResponse<String> forged = browser.post("/logout", Map.of("_csrf", TestData.unique("forged")));

        assertThat(forged.statusCode()).isEqualTo(403);
    }

    private static void assertStrictHeaders(HttpResponse<String> page) {
        String csp = page.headers().firstValue("Content-Security-Policy").orElse("");
        String scriptSrc = directive(csp, "script-src");
        assertThat(scriptSrc).as("script-src in " + csp).isNotEmpty().doesNotContain("'unsafe-inline'").doesNotContain("'unsafe-eval'");
        assertThat(page.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
        boolean framingDenied = page.headers().firstValue("X-Frame-Options").filter(v -> v.equalsIgnoreCase("DENY")).isPresent()
                || directive(csp, "frame-ancestors").equals("frame-ancestors 'none'");
        assertThat(framingDenied).as("no page may be framed").isTrue();
    }

    private static String directive(String csp, String name) {
        return Arrays.stream(csp.split(";")).map(String::strip).filter(d -> d.startsWith(name + " ")).findFirst().orElse("");
    }
}
