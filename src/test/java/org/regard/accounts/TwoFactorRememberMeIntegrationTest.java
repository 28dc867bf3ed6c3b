package org.regard.accounts;

import org.junit.jupiter.api.Test;
import org.regard.RegardApplication;
import org.regard.support.IntegrationTest;
import org.regard.support.TestData;
import org.regard.support.TestData.TestAgent;
import org.regard.support.WebSession;
import org.regard.support.WebSession.Page;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;

import java.time.Clock;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With "remember me" turned on by the operator (a second node of the same database, started with it), the
 * remember-me cookie never stands in for the second factor.
 */
@IntegrationTest
class TwoFactorRememberMeIntegrationTest {
    @Autowired
    Environment env;
    @Autowired
    TestData data;
    @Autowired
    TwoFactor twoFactor;
    @Autowired
    Clock clock;

    @Test
    void aRememberMeCookieNeitherSkipsTheCodeNorOutlivesEnrolment() {
        TestAgent agent = data.agent(Role.AGENT, data.team("remember"));
        try (ConfigurableApplicationContext node = new SpringApplicationBuilder(RegardApplication.class)
                .profiles("test")
                .properties("server.port=0", "spring.datasource.url=" + env.getProperty("spring.datasource.url"),
                        "spring.datasource.username=" + env.getProperty("spring.datasource.username"),
                        "regard.security.remember-me=true", "regard.security.remember-me-key=a key for this test")
                .run()) {
            int port = node.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
            String cookie = rememberMeCookie(signInRemembered(port, agent)).orElseThrow(() ->
                    new AssertionError("an agent without a second factor is remembered"));
            assertThat(withCookie(port, cookie).get("/inbox").status()).as("the cookie signs in").isEqualTo(200);

            var enrolment = twoFactor.enrolment(agent.id(), agent.email()).orElseThrow();
            TestAuthenticator app = new TestAuthenticator(enrolment.key(), clock);
            twoFactor.confirm(agent.id(), agent.email(), app.nextCode(), null).orElseThrow();

            Page withOldCookie = withCookie(port, cookie).get("/inbox");
            assertThat(withOldCookie.status()).isEqualTo(302);
            assertThat(withOldCookie.redirectPath()).as("a cookie from before enrolment").isEqualTo("/login");
            Page password = signInRemembered(port, agent);
            assertThat(password.redirectPath()).isEqualTo("/login/two-factor");
            assertThat(rememberMeCookie(password)).as("no cookie for the password step alone").isEmpty();
        }
    }

    private static Page signInRemembered(int port, TestAgent agent) {
        WebSession session = WebSession.anonymous(port);
        Page login = session.get("/login");
        return session.postAsIs("/login", "username", agent.email(), "password", agent.password(), "remember-me", "on",
                "_csrf", login.csrfToken());
    }

    private static WebSession withCookie(int port, String cookie) {
        return WebSession.anonymous(port).header("Cookie", "remember-me=" + cookie);
    }

    /** The value of a remember-me cookie the answer sets (not one it cancels). */
    private static Optional<String> rememberMeCookie(Page answer) {
        return answer.headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith("remember-me=") && !c.contains("Max-Age=0"))
                .map(c -> c.substring("remember-me=".length(), c.indexOf(';') < 0 ? c.length() : c.indexOf(';')))
                .filter(v -> !v.isEmpty())
                .findFirst();
    }
}
