package org.regard.security;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.regard.accounts.Role;
import org.regard.support.IntegrationTest;
import org.regard.support.TestData;
import org.regard.support.WebSession;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a sign-in leaves in the shared session store: never a typed password, never the failed authentication, and
 * no session at all for a visitor who only looks at the sign-in page.
 */
@IntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class SignInSessionIntegrationTest {
    static final String LAST_EXCEPTION = "SPRING_SECURITY_LAST_EXCEPTION";

    @LocalServerPort
    int port;
    @Autowired
    TestData data;
    @Autowired
    JdbcClient jdbc;

    @Test
    void aFailedSignInLeavesNeitherThePasswordNorTheFailureInTheSessionStoreOrTheLog(CapturedOutput output) {
        var agent = data.agent(Role.AGENT, data.team("secrets"));
        String typed = "typed-secret-" + UUID.randomUUID();
        WebSession visitor = WebSession.anonymousFrom(port, TestData.clientAddress());

        assertThat(visitor.signIn(agent.email(), typed).location()).contains("/login?error");
        assertThat(visitor.get("/login?error").body()).contains("Wrong email or password");

        assertNoTraceOf(typed);
        assertThat(output.getAll()).doesNotContain(typed);
    }

    @Test
    void failedSignInsWhileThrottledLeaveNoPasswordEither(CapturedOutput output) {
        var agent = data.agent(Role.AGENT, data.team("secrets"));
        String address = TestData.clientAddress();
        String typed = "typed-secret-" + UUID.randomUUID();
        for (int i = 0; i < 8; i++) {
            WebSession.anonymousFrom(port, address).signIn(agent.email(), typed + i);
        }
        WebSession visitor = WebSession.anonymousFrom(port, address);
        visitor.signIn(agent.email(), typed);

        assertNoTraceOf(typed);
        assertThat(output.getAll()).doesNotContain(typed);
    }

    @Test
    void aSuccessfulSignInKeepsNoPasswordInTheSession() {
        var agent = data.agent(Role.AGENT, data.team("secrets"));
        WebSession.signedIn(port, agent.email(), agent.password()).get("/inbox");

        assertNoTraceOf(agent.password());
    }

    @Test
    void theUpgradeRemovesFailuresThatEarlierVersionsKeptInSessions() throws Exception {
        String id = UUID.randomUUID().toString();
        jdbc.sql("""
                insert into spring_session (primary_id, session_id, creation_time, last_access_time, max_inactive_interval,
                    expiry_time) values (?, ?, 0, 0, 60, 4102444800000)""").params(id, UUID.randomUUID().toString()).update();
        jdbc.sql("insert into spring_session_attributes (session_primary_id, attribute_name, attribute_bytes) values (?, ?, ?)")
                .params(id, LAST_EXCEPTION, "an old failed sign-in".getBytes(StandardCharsets.UTF_8)).update();
        jdbc.sql("insert into spring_session_attributes (session_primary_id, attribute_name, attribute_bytes) values (?, ?, ?)")
                .params(id, "kept", new byte[]{1}).update();

        String migration = new ClassPathResource("db/migration/common/V10_1_2__forget_failed_sign_ins.sql")
                .getContentAsString(StandardCharsets.UTF_8);
        for (String statement : migration.replaceAll("(?m)^--.*$", "").split(";")) {
            if (!statement.isBlank()) {
                jdbc.sql(statement).update();
            }
        }

        assertThat(jdbc.sql("select attribute_name from spring_session_attributes where session_primary_id = ?").param(id)
                .query(String.class).list()).containsExactly("kept");
    }

    @Test
    void lookingAtTheSignInPageAndStaticFilesStoresNoSession() {
        long before = System.currentTimeMillis();
        WebSession visitor = WebSession.anonymousFrom(port, TestData.clientAddress());

        assertThat(visitor.get("/login").status()).isEqualTo(200);
        assertThat(visitor.get("/login").status()).isEqualTo(200);
        assertThat(visitor.get("/css/regard.css").status()).isEqualTo(200);
        assertThat(visitor.get("/favicon.ico").status()).isIn(200, 404);
        assertThat(visitor.get("/login?error").status()).isEqualTo(200);

        assertThat(sessionRowsSince(before)).as("spring_session rows created").isZero();
    }

    @Test
    void anonymousRequestsForProtectedPagesStoreNoSessionAndSigningInStillReturnsToThePageAsked() {
        var agent = data.agent(Role.AGENT, data.team("secrets"));
        long before = System.currentTimeMillis();
        WebSession visitor = WebSession.anonymousFrom(port, TestData.clientAddress());

        assertThat(visitor.get("/no/such/page").location()).endsWith("/login");
        assertThat(visitor.htmxGet("/inbox").status()).isIn(302, 401, 403);
        assertThat(visitor.get("/profile").location()).endsWith("/login");

        assertThat(sessionRowsSince(before)).as("spring_session rows created").isZero();
        assertThat(visitor.signIn(agent.email(), agent.password()).location()).contains("/profile");
    }

    @Test
    void theSignInFormStillNeedsItsCsrfTokenAndWorksWithoutASessionBeforehand() {
        var agent = data.agent(Role.AGENT, data.team("secrets"));
        WebSession visitor = WebSession.anonymousFrom(port, TestData.clientAddress());
        visitor.get("/login");

        var forged = visitor.postAsIs("/login", "username", agent.email(), "password", agent.password(), "_csrf", "forged");
        assertThat(forged.status()).isEqualTo(403);

        assertThat(visitor.signIn(agent.email(), agent.password()).location()).endsWith("/inbox");
        assertThat(visitor.get("/inbox").status()).isEqualTo(200);
        assertThat(visitor.post("/profile/language", "locale", "fr").status()).isEqualTo(302);
    }

    private void assertNoTraceOf(String password) {
        byte[] needle = password.getBytes(StandardCharsets.UTF_8);
        List<byte[]> stored = jdbc.sql("select attribute_bytes from spring_session_attributes").query(byte[].class).list();
        assertThat(stored.stream().filter(bytes -> contains(bytes, needle)).count()).as("session attributes holding the password")
                .isZero();
        assertThat(jdbc.sql("select count(*) from spring_session_attributes where attribute_name = ?").param(LAST_EXCEPTION)
                .query(Long.class).single()).isZero();
    }

    private long sessionRowsSince(long millis) {
        return jdbc.sql("select count(*) from spring_session where creation_time >= ?").param(millis).query(Long.class).single();
    }

    private static boolean contains(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }
}
