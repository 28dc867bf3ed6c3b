package org.regard.security;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.regard.accounts.Role;
import org.regard.api.ApiClient;
import org.regard.support.IntegrationTest;
import org.regard.support.TestData;
import org.regard.support.TestData.TestAgent;
import org.regard.support.WebSession;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.MessageSource;

import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.regard.api.ApiClient.basic;

/** Guessing passwords stops after five tries: the address is locked, even for the right password. */
@IntegrationTest
class LoginThrottleIntegrationTest {
    private static final int ALLOWED_FAILURES = 5;

    @LocalServerPort
    int port;
    @Autowired
    TestData data;
    @Autowired
    MessageSource messages;

    TestAgent agent;

    @BeforeEach
    void setUp() {
        agent = data.agent(Role.AGENT, data.team("throttle"));
    }

    @Test
    void theRightPasswordSignsInWhenNothingFailedBefore() {
        assertThat(WebSession.anonymous(port).signIn(agent.email(), agent.password()).location()).endsWith("/inbox");
    }

    @Test
    void afterFiveFailedSignInsTheFormRefusesEvenTheRightPassword() {
        for (int i = 0; i < ALLOWED_FAILURES; i++) {
            assertThat(WebSession.anonymous(port).signIn(agent.email(), "wrong-password-" + i).location()).endsWith("/login?error");
        }

        WebSession session = WebSession.anonymous(port);
        var attempt = session.signIn(agent.email(), agent.password());

        assertThat(attempt.location()).endsWith("/login?error");
        assertThat(session.get("/").location()).as("not signed in").endsWith("/login");
        assertThat(session.get("/login?error").body()).as("the page says why")
                .contains(messages.getMessage("login.locked", null, Locale.ENGLISH));
    }

    @Test
    void failuresWithDifferentLetterCaseCountForTheSameAddress() {
        for (int i = 0; i < ALLOWED_FAILURES; i++) {
            WebSession.anonymous(port).signIn(i % 2 == 0 ? agent.email().toUpperCase() : agent.email(), "wrong-password");
        }

        assertThat(WebSession.anonymous(port).signIn(agent.email(), agent.password()).location()).endsWith("/login?error");
    }

    @Test
    void afterFiveFailedBasicCallsTheApiRefusesEvenTheRightPassword() {
        ApiClient api = new ApiClient(port);
        for (int i = 0; i < ALLOWED_FAILURES; i++) {
            assertThat(api.get("/api/v1/tickets").auth(basic(agent.email(), "wrong-password-" + i)).send().status()).isEqualTo(401);
        }

        var reply = api.get("/api/v1/tickets").auth(basic(agent.email(), agent.password())).send();

        assertThat(reply.status()).isEqualTo(401);
        assertThat(reply.contentType()).startsWith("application/problem+json");
        assertThat(reply.json().get("detail").asString()).contains("Too many failed sign-ins");
    }

    @Test
    void aLockedAddressDoesNotLockAnotherAgent() {
        TestAgent other = data.agent(Role.AGENT, data.team("throttle"));
        for (int i = 0; i < ALLOWED_FAILURES; i++) {
            WebSession.anonymous(port).signIn(agent.email(), "wrong-password");
        }

        assertThat(WebSession.anonymous(port).signIn(other.email(), other.password()).location()).endsWith("/inbox");
    }
}
