package org.regard.security;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.regard.accounts.Role;
import org.regard.support.IntegrationTest;
import org.regard.support.TestData;
import org.regard.support.TestData.TestAgent;
import org.regard.support.WebSession;
import org.regard.support.WebSession.Page;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

/** Pages defend the browser: strict headers, and no form is accepted without its CSRF token. */
@IntegrationTest
class PageSecurityIntegrationTest {
    @LocalServerPort
    int port;
    @Autowired
    TestData data;

    WebSession session;
    TestAgent agent;

    @BeforeEach
    void setUp() {
        session = WebSession.anonymous(port);
        agent = data.agent(Role.AGENT, data.team("pages"));
    }

    @Test
    void pagesAllowNoInlineScriptNoSniffingAndNoFraming() {
        Page login = session.get("/login");

        assertThat(login.status()).isEqualTo(200);
        assertStrictHeaders(login);
    }

    @Test
    void signedInPagesCarryTheSameHeaders() {
        session.signIn(agent.email(), agent.password());

        Page page = session.get("/login");

        assertThat(page.body()).contains("/logout");
        assertStrictHeaders(page);
    }

    @Test
    void signingOutWithoutTheCsrfTokenIsForbiddenAndKeepsTheSession() {
        assertThat(session.signIn(agent.email(), agent.password()).location()).endsWith("/inbox");

        Page forged = session.postAsIs("/logout");

        assertThat(forged.status()).isEqualTo(403);
        assertThat(session.get("/").location()).as("still signed in").endsWith("/inbox");
    }

    @Test
    void signingOutWithTheCsrfTokenWorks() {
        session.signIn(agent.email(), agent.password());
        String token = session.get("/login").csrfToken();

        Page logout = session.postAsIs("/logout", "_csrf", token);

        assertThat(logout.status()).isEqualTo(302);
        assertThat(logout.location()).endsWith("/login?logout");
        assertThat(session.get("/").location()).as("signed out").endsWith("/login");
    }

    @Test
    void theLoginFormWithoutTheCsrfTokenIsForbidden() {
        session.get("/login");

        Page forged = session.postAsIs("/login", "username", agent.email(), "password", agent.password());

        assertThat(forged.status()).isEqualTo(403);
        assertThat(session.get("/").location()).as("not signed in").endsWith("/login");
    }

    @Test
    void aFormWithAForgedCsrfTokenIsForbidden() {
        session.signIn(agent.email(), agent.password());

        Page forged = session.postAsIs("/logout", "_csrf", TestData.unique("forged"));

        assertThat(forged.status()).isEqualTo(403);
    }

    private static void assertStrictHeaders(Page page) {
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
