package org.regard.security;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.regard.accounts.Role;
import org.regard.api.ApiClient;
import org.regard.audit.AuditAction;
import org.regard.audit.AuditEntry;
import org.regard.audit.AuditLog;
import org.regard.support.IntegrationTest;
import org.regard.support.Eventually;
import org.regard.support.TestData;
import org.regard.support.TestData.TestAgent;
import org.regard.support.WebSession;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.MessageSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.regard.api.ApiClient.basic;

/**
 * Guessing passwords is slowed down per client address and per account name, known or not, with the same answers
 * for both; the owner of an account under attack still signs in from an address that has not failed.
 */
@IntegrationTest
class LoginThrottleIntegrationTest {
    /** Failures within the window that cost no waiting (regard.security.sign-in-failures-before-delay). */
    private static final int FREE_FAILURES = 5;

    @LocalServerPort
    int port;
    @Autowired
    TestData data;
    @Autowired
    MessageSource messages;
    @Autowired
    AuditLog audit;

    TestAgent agent;

    @BeforeEach
    void setUp() {
        agent = data.agent(Role.AGENT, data.team("throttle"));
    }

    @Test
    void theRightPasswordSignsInWhenNothingFailedBefore() {
        assertThat(WebSession.anonymousFrom(port, TestData.clientAddress()).signIn(agent.email(), agent.password()).location())
                .endsWith("/inbox");
    }

    @Test
    void afterFiveFailuresTheNextAttemptFromThatAddressMustWaitThenTheRightPasswordWorks() throws Exception {
        String guesser = TestData.clientAddress();
        for (int i = 0; i < FREE_FAILURES; i++) {
            assertThat(WebSession.anonymousFrom(port, guesser).signIn(agent.email(), "wrong-password-" + i).location())
                    .endsWith("/login?error");
        }

        WebSession session = WebSession.anonymousFrom(port, guesser);
        assertThat(session.signIn(agent.email(), agent.password()).location()).as("too soon").endsWith("/login?wait");
        assertThat(session.get("/inbox").location()).as("not signed in").endsWith("/login");
        assertThat(session.get("/login?wait").body()).as("the page says why")
                .contains(messages.getMessage("login.wait", null, Locale.ENGLISH));

        // the first delay is one second; a refused attempt is not counted as a failure, so asking again does not prolong it
        Eventually.until(() -> WebSession.anonymousFrom(port, guesser).signIn(agent.email(), agent.password()).location()
                .endsWith("/inbox"), "the owner slowed down, not locked out, to sign in");
    }

    @Test
    void theOwnerSignsInFromAnAddressWithoutFailuresWhileTheAccountIsUnderAttack() {
        for (int address = 0; address < 3; address++) {
            String guesser = TestData.clientAddress();
            for (int i = 0; i < FREE_FAILURES + 2; i++) {
                WebSession.anonymousFrom(port, guesser).signIn(agent.email(), "wrong-password-" + i);
            }
        }

        assertThat(WebSession.anonymousFrom(port, TestData.clientAddress()).signIn(agent.email(), agent.password()).location())
                .endsWith("/inbox");
    }

    @Test
    void guessesForOneAccountFromManyAddressesAreSlowedDownForThoseAddresses() {
        List<String> guessers = new ArrayList<>();
        for (int i = 0; i < FREE_FAILURES + 1; i++) {
            String guesser = TestData.clientAddress();
            guessers.add(guesser);
            WebSession.anonymousFrom(port, guesser).signIn(agent.email(), "wrong-password-" + i);
        }

        assertThat(WebSession.anonymousFrom(port, guessers.getFirst()).signIn(agent.email(), agent.password()).location())
                .as("an address that already failed waits for the account's delay").endsWith("/login?wait");
    }

    @Test
    void knownAndUnknownAccountsGetTheSameAnswers() {
        String unknown = TestData.unique("nobody") + "@regard.test";
        assertThat(answers(agent.email())).isEqualTo(answers(unknown));
    }

    private List<String> answers(String email) {
        String guesser = TestData.clientAddress();
        List<String> seen = new ArrayList<>();
        for (int i = 0; i < FREE_FAILURES + 1; i++) {
            WebSession session = WebSession.anonymousFrom(port, guesser);
            String location = session.signIn(email, "wrong-password-" + i).location();
            seen.add(location + " " + session.get(location.substring(location.indexOf("/login"))).find("role=\"alert\">([^<]*)<").orElse(""));
        }
        var api = new ApiClient(port, TestData.clientAddress()).get("/api/v1/tickets").auth(basic(email, "wrong")).send();
        seen.add(api.status() + " " + api.json().get("detail").asString());
        return seen;
    }

    @Test
    void failuresWithDifferentLetterCaseCountForTheSameAccount() {
        String guesser = TestData.clientAddress();
        for (int i = 0; i < FREE_FAILURES; i++) {
            WebSession.anonymousFrom(port, TestData.clientAddress())
                    .signIn(i % 2 == 0 ? agent.email().toUpperCase(Locale.ROOT) : agent.email(), "wrong-password");
        }
        WebSession.anonymousFrom(port, guesser).signIn(agent.email(), "wrong-password");

        assertThat(WebSession.anonymousFrom(port, guesser).signIn(agent.email().toUpperCase(Locale.ROOT), agent.password())
                .location()).endsWith("/login?wait");
    }

    @Test
    void theApiSaysWhenToTryAgainWithoutLockingTheAccount() {
        String guesser = TestData.clientAddress();
        ApiClient api = new ApiClient(port, guesser);
        for (int i = 0; i < FREE_FAILURES; i++) {
            assertThat(api.get("/api/v1/tickets").auth(basic(agent.email(), "wrong-password-" + i)).send().status()).isEqualTo(401);
        }

        var reply = api.get("/api/v1/tickets").auth(basic(agent.email(), agent.password())).send();

        assertThat(reply.status()).isEqualTo(429);
        assertThat(reply.contentType()).startsWith("application/problem+json");
        assertThat(reply.header("Retry-After")).hasValue("1");
        assertThat(reply.json().get("detail").asString()).contains("Too many failed sign-ins");
        assertThat(new ApiClient(port, TestData.clientAddress()).get("/api/v1/tickets")
                .auth(basic(agent.email(), agent.password())).send().status()).as("from elsewhere").isEqualTo(200);
    }

    @Test
    void signInsAndFailuresAreAuditedWithTheTypedNameAndTheAddressButNeverThePassword() {
        String address = TestData.clientAddress();
        String typed = "typed-" + TestData.unique("secret");
        WebSession.anonymousFrom(port, address).signIn(agent.email().toUpperCase(Locale.ROOT), typed);
        WebSession.anonymousFrom(port, address).signIn(agent.email(), agent.password());

        List<AuditEntry> mine = audit.newest(null, 200).stream().filter(e -> address.equals(e.clientAddress())).toList();
        assertThat(mine).extracting(AuditEntry::action).containsExactly(AuditAction.SIGN_IN, AuditAction.SIGN_IN_FAILED);
        assertThat(mine.get(1).actor()).isEqualTo(agent.email().toUpperCase(Locale.ROOT));
        assertThat(mine.get(1).actorId()).isNull();
        assertThat(mine.get(0).actorId()).isEqualTo(agent.id());
        assertThat(mine).allSatisfy(e -> assertThat(String.valueOf(e.details())).doesNotContain(typed));
    }
}
