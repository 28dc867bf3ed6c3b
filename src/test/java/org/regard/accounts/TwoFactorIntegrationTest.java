package org.regard.accounts;

import org.junit.jupiter.api.Test;
import org.regard.api.ApiClient;
import org.regard.audit.AuditAction;
import org.regard.audit.AuditEntry;
import org.regard.audit.AuditLog;
import org.regard.support.IntegrationTest;
import org.regard.support.TestData;
import org.regard.support.TestData.TestAgent;
import org.regard.support.WebSession;
import org.regard.support.WebSession.Page;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.Clock;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.regard.api.ApiClient.basic;
import static org.regard.api.ApiClient.bearer;

/**
 * Two-factor sign-in through the pages, as agents and admins use it: enrolment, the second step after the password,
 * the replay guard, recovery codes, the throttle on wrong codes, the admin's requirement, and what stays closed
 * between the password and the code.
 */
@IntegrationTest
class TwoFactorIntegrationTest {
    private static final Pattern KEY = Pattern.compile("id=\"two-factor-key\"[^>]*>([A-Z2-7 ]+)<");
    private static final Pattern RECOVERY_CODE = Pattern.compile("<li><code>([a-z2-7]{4}-[a-z2-7]{4}-[a-z2-7]{4}-[a-z2-7]{4})</code></li>");

    @LocalServerPort
    int port;
    @Autowired
    TestData data;
    @Autowired
    Clock clock;
    @Autowired
    AuditLog audit;
    @Autowired
    TwoFactorPolicy policy;
    @Autowired
    TwoFactor twoFactor;
    @Autowired
    JdbcClient jdbc;

    /** An agent who turned two-factor sign-in on through their profile page, with their app and recovery codes. */
    record Enrolled(TestAgent agent, String key, TestAuthenticator app, List<String> recoveryCodes) {
    }

    @Test
    void anAgentEnrolsOnTheProfilePageAndTheKeyIsStoredSealed() {
        Enrolled enrolled = enrolThroughProfile(data.agent(Role.AGENT, data.team("totp")));

        assertThat(enrolled.recoveryCodes()).hasSize(10).doesNotHaveDuplicates();
        assertThat(twoFactor.isEnabled(enrolled.agent().id())).isTrue();
        String stored = jdbc.sql("select secret from agent_two_factor where agent_id = ?").param(enrolled.agent().id())
                .query(String.class).single();
        assertThat(stored).startsWith("v1:").doesNotContain(enrolled.key());
        List<String> hashes = jdbc.sql("select code_hash from two_factor_recovery_code where agent_id = ?")
                .param(enrolled.agent().id()).query(String.class).list();
        assertThat(hashes).hasSize(10).noneMatch(h -> enrolled.recoveryCodes().stream().anyMatch(c -> h.contains(c.replace("-", ""))));
        assertThat(entries(enrolled.agent().id(), AuditAction.TWO_FACTOR_ENABLED)).hasSize(1);
    }

    @Test
    void enrolmentNeedsTheRightCode() {
        TestAgent agent = data.agent(Role.AGENT, data.team("totp"));
        WebSession session = WebSession.signedIn(port, agent.email(), agent.password());
        Page page = session.get("/profile/two-factor");
        TestAuthenticator app = new TestAuthenticator(find(KEY, page), clock);

        Page wrong = session.post("/profile/two-factor", "code", app.wrongCode());

        assertThat(wrong.status()).isEqualTo(400);
        assertThat(wrong.body()).contains("id=\"two-factor-code-error\"");
        assertThat(twoFactor.isEnabled(agent.id())).isFalse();
        assertThat(find(KEY, session.get("/profile/two-factor"))).as("reloading keeps the key already scanned").isEqualTo(find(KEY, page));
    }

    @Test
    void afterThePasswordNothingOpensUntilTheCodeIsRight() {
        Enrolled enrolled = enrolThroughProfile(data.agent(Role.AGENT, data.team("totp")));
        String token = data.apiToken(enrolled.agent());
        WebSession session = WebSession.anonymous(port);

        int signInsBefore = entries(enrolled.agent().id(), AuditAction.SIGN_IN).size();
        Page password = session.signIn(enrolled.agent().email(), enrolled.agent().password());

        assertThat(password.redirectPath()).isEqualTo("/login/two-factor");
        assertThat(entries(enrolled.agent().id(), AuditAction.SIGN_IN)).as("the password alone is no sign-in")
                .hasSize(signInsBefore);
        for (String path : List.of("/inbox", "/profile", "/customers", "/tickets/new", "/profile/two-factor", "/admin/agents")) {
            Page closed = session.get(path);
            assertThat(closed.status()).as(path).isEqualTo(302);
            assertThat(closed.redirectPath()).as(path).isEqualTo("/login");
        }
        assertThat(session.get("/api/v1/tickets").status()).as("the API with the session's cookie").isEqualTo(401);
        assertThat(new ApiClient(port).get("/api/v1/tickets").auth(basic(enrolled.agent().email(), enrolled.agent().password()))
                .send().status()).as("HTTP Basic is the password alone").isEqualTo(401);
        assertThat(new ApiClient(port).get("/api/v1/tickets").auth(bearer(token)).send().status())
                .as("an API token is a second secret of its own").isEqualTo(200);

        Page codePage = session.get("/login/two-factor");
        assertThat(codePage.status()).isEqualTo(200);
        Page wrong = session.post("/login/two-factor", "code", enrolled.app().wrongCode());
        assertThat(wrong.status()).isEqualTo(400);
        assertThat(session.get("/inbox").redirectPath()).as("still not signed in").isEqualTo("/login");
        assertThat(entries(enrolled.agent().id(), AuditAction.SIGN_IN_FAILED)).hasSize(1)
                .allSatisfy(e -> assertThat(e.details()).contains("two-factor").doesNotContain(enrolled.app().wrongCode()));

        Page right = session.post("/login/two-factor", "code", enrolled.app().nextCode());

        assertThat(right.redirectPath()).isEqualTo("/inbox");
        assertThat(session.get("/inbox").status()).isEqualTo(200);
        assertThat(session.get("/login/two-factor").redirectPath()).as("the second step is over").isEqualTo("/login");
        assertThat(entries(enrolled.agent().id(), AuditAction.SIGN_IN)).hasSize(signInsBefore + 1)
                .anySatisfy(e -> assertThat(e.details()).contains("second factor"));
    }

    @Test
    void aCodeSignsInOnceOnly() {
        Enrolled enrolled = enrolThroughProfile(data.agent(Role.AGENT, data.team("totp")));
        String code = enrolled.app().nextCode();
        assertThat(signInWith(enrolled, code).redirectPath()).isEqualTo("/inbox");

        WebSession again = passwordStep(enrolled);
        Page replay = again.post("/login/two-factor", "code", code);

        assertThat(replay.status()).isEqualTo(400);
        assertThat(again.get("/inbox").redirectPath()).isEqualTo("/login");
    }

    @Test
    void aRecoveryCodeSignsInOnceInsteadOfACode() {
        Enrolled enrolled = enrolThroughProfile(data.agent(Role.AGENT, data.team("totp")));
        String recovery = enrolled.recoveryCodes().get(3);

        WebSession first = passwordStep(enrolled);
        assertThat(first.post("/login/two-factor", "code", recovery.toUpperCase()).redirectPath()).isEqualTo("/inbox");
        assertThat(first.get("/profile").body()).contains(">On. Recovery codes left: 9.<");
        assertThat(entries(enrolled.agent().id(), AuditAction.TWO_FACTOR_RECOVERY_USED)).hasSize(1)
                .allSatisfy(e -> assertThat(e.details()).doesNotContain(recovery));

        WebSession second = passwordStep(enrolled);
        assertThat(second.post("/login/two-factor", "code", recovery).status()).isEqualTo(400);
        assertThat(second.post("/login/two-factor", "code", enrolled.recoveryCodes().get(4)).redirectPath()).isEqualTo("/inbox");
    }

    @Test
    void threeWrongCodesSendTheSignInBackToThePassword() {
        Enrolled enrolled = enrolThroughProfile(data.agent(Role.AGENT, data.team("totp")));
        WebSession session = passwordStep(enrolled);

        assertThat(session.post("/login/two-factor", "code", "000000").status()).isIn(400, 302);
        assertThat(session.post("/login/two-factor", "code", "abcd-efgh-ijkl-mnop").status()).isEqualTo(400);
        Page third = session.post("/login/two-factor", "code", enrolled.app().wrongCode());

        assertThat(third.location()).endsWith("/login?code-failed");
        assertThat(session.get("/login?code-failed").body()).contains("id=\"login-code-failed\"");
        Page fourth = session.post("/login/two-factor", "code", enrolled.app().nextCode());
        assertThat(fourth.redirectPath()).as("even the right code needs the password again").isEqualTo("/login");
        assertThat(session.get("/inbox").redirectPath()).isEqualTo("/login");
        assertThat(entries(enrolled.agent().id(), AuditAction.SIGN_IN_FAILED)).hasSizeGreaterThanOrEqualTo(2);
    }

    @Test
    void wrongCodesAddUpAcrossSignInsUntilEvenTheRightCodeIsNotChecked() {
        Enrolled enrolled = enrolThroughProfile(data.agent(Role.AGENT, data.team("totp")));
        WebSession first = passwordStep(enrolled);
        for (int i = 0; i < 3; i++) {
            first.post("/login/two-factor", "code", enrolled.app().wrongCode());
        }
        WebSession second = passwordStep(enrolled);
        assertThat(second.post("/login/two-factor", "code", enrolled.app().wrongCode()).status()).isEqualTo(400);
        assertThat(second.post("/login/two-factor", "code", enrolled.app().wrongCode()).status()).isEqualTo(400);

        Page right = second.post("/login/two-factor", "code", enrolled.app().nextCode());

        assertThat(right.location()).as("five wrong codes within the lockout").endsWith("/login?code-failed");
        assertThat(second.get("/inbox").redirectPath()).isEqualTo("/login");
        assertThat(passwordStep(enrolled).post("/login/two-factor", "code", enrolled.recoveryCodes().get(0)).location())
                .as("a recovery code neither").endsWith("/login?code-failed");
        assertThat(entries(enrolled.agent().id(), AuditAction.SIGN_IN_FAILED)).hasSize(7);
    }

    @Test
    void anAgentTurnsItOffWithTheirPasswordButNotWithAWrongOne() {
        Enrolled enrolled = enrolThroughProfile(data.agent(Role.AGENT, data.team("totp")));
        WebSession session = signedInWithCode(enrolled);

        session.get("/profile");
        assertThat(session.post("/profile/two-factor/disable", "proof", "not-my-password").redirectPath()).isEqualTo("/profile");
        assertThat(twoFactor.isEnabled(enrolled.agent().id())).isTrue();
        assertThat(session.post("/profile/two-factor/disable", "proof", enrolled.agent().password()).redirectPath()).isEqualTo("/profile");

        assertThat(twoFactor.isEnabled(enrolled.agent().id())).isFalse();
        assertThat(entries(enrolled.agent().id(), AuditAction.TWO_FACTOR_DISABLED)).hasSize(1);
        assertThat(WebSession.anonymous(port).signIn(enrolled.agent().email(), enrolled.agent().password()).redirectPath())
                .isEqualTo("/inbox");
    }

    @Test
    void newRecoveryCodesReplaceTheOldOnesAfterACode() {
        Enrolled enrolled = enrolThroughProfile(data.agent(Role.AGENT, data.team("totp")));
        WebSession session = signedInWithCode(enrolled);
        session.get("/profile");

        Page fresh = session.post("/profile/two-factor/recovery-codes", "code", enrolled.app().nextCode());

        List<String> codes = all(RECOVERY_CODE, fresh);
        assertThat(codes).hasSize(10).doesNotContainAnyElementsOf(enrolled.recoveryCodes());
        assertThat(passwordStep(enrolled).post("/login/two-factor", "code", enrolled.recoveryCodes().get(0)).status()).isEqualTo(400);
        assertThat(passwordStep(enrolled).post("/login/two-factor", "code", codes.get(0)).redirectPath()).isEqualTo("/inbox");
    }

    @Test
    void anAgentWhoMustUseItIsSentToEnrolmentAndCanDoNothingElse() {
        Enrolled admin = enrolThroughProfile(data.agent(Role.ADMIN, data.team("totp")));
        TestAgent agent = data.agent(Role.AGENT, data.team("totp"));
        WebSession adminPages = signedInWithCode(admin);
        adminPages.get("/admin/security");
        try {
            assertThat(adminPages.post("/admin/security", "requirement", "EVERYONE").redirectPath()).isEqualTo("/admin/security");
            assertThat(entries(null, AuditAction.SETTINGS_CHANGED)).anySatisfy(e -> {
                assertThat(e.actorId()).isEqualTo(admin.agent().id());
                assertThat(e.details()).contains("everyone");
            });

            WebSession session = WebSession.anonymous(port);
            assertThat(session.signIn(agent.email(), agent.password()).redirectPath()).isEqualTo("/login/two-factor/enrol");
            for (String path : List.of("/inbox", "/profile", "/profile/two-factor", "/login/two-factor")) {
                assertThat(session.get(path).redirectPath()).as(path).isEqualTo("/login");
            }
            assertThat(new ApiClient(port).get("/api/v1/tickets").auth(basic(agent.email(), agent.password())).send().status())
                    .isEqualTo(401);
            Page enrol = session.get("/login/two-factor/enrol");
            assertThat(enrol.body()).contains("id=\"two-factor-required\"");
            TestAuthenticator app = new TestAuthenticator(find(KEY, enrol), clock);
            assertThat(session.post("/login/two-factor/enrol", "code", app.wrongCode()).status()).isEqualTo(400);

            Page done = session.post("/login/two-factor/enrol", "code", app.nextCode());

            assertThat(done.status()).isEqualTo(200);
            assertThat(all(RECOVERY_CODE, done)).hasSize(10);
            assertThat(session.get("/inbox").status()).isEqualTo(200);
            assertThat(twoFactor.isEnabled(agent.id())).isTrue();
            session.get("/profile");
            assertThat(session.post("/profile/two-factor/disable", "proof", agent.password()).redirectPath()).isEqualTo("/profile");
            assertThat(twoFactor.isEnabled(agent.id())).as("required: it cannot be turned off").isTrue();
        } finally {
            policy.change(TwoFactorRequirement.NOBODY, admin.agent().principal(), null);
        }
    }

    @Test
    void anAdminWithoutASecondFactorCannotRequireOneOfAdmins() {
        TestAgent admin = data.agent(Role.ADMIN, data.team("totp"));
        WebSession session = WebSession.signedIn(port, admin.email(), admin.password());
        session.get("/admin/security");

        Page refused = session.post("/admin/security", "requirement", "ADMINS");

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body()).contains("id=\"security-error\"");
        assertThat(policy.requirement()).isEqualTo(TwoFactorRequirement.NOBODY);
    }

    @Test
    void aPlainAgentCanNeitherChangeTheRequirementNorResetAnothersSecondFactor() {
        Enrolled other = enrolThroughProfile(data.agent(Role.AGENT, data.team("totp")));
        TestAgent agent = data.agent(Role.AGENT, data.team("totp"));
        WebSession session = WebSession.signedIn(port, agent.email(), agent.password());
        session.get("/profile");

        assertThat(session.get("/admin/security").status()).isEqualTo(403);
        assertThat(session.post("/admin/security", "requirement", "EVERYONE").status()).isEqualTo(403);
        assertThat(session.post("/admin/agents/" + other.agent().id() + "/two-factor/reset").status()).isEqualTo(403);

        assertThat(policy.requirement()).isEqualTo(TwoFactorRequirement.NOBODY);
        assertThat(twoFactor.isEnabled(other.agent().id())).isTrue();
        assertThat(entries(null, AuditAction.SETTINGS_CHANGED)).noneMatch(e -> e.actorId() != null && e.actorId() == agent.id());
    }

    @Test
    void anAdminResetsAnAgentsSecondFactorAndTheAgentSignsInWithThePasswordAgain() {
        Enrolled enrolled = enrolThroughProfile(data.agent(Role.AGENT, data.team("totp")));
        WebSession agentSession = signedInWithCode(enrolled);
        TestAgent admin = data.agent(Role.ADMIN, data.team("totp"));
        WebSession adminSession = WebSession.signedIn(port, admin.email(), admin.password());
        assertThat(adminSession.get("/admin/agents/" + enrolled.agent().id()).body()).contains("id=\"agent-two-factor-reset\"");

        Page reset = adminSession.post("/admin/agents/" + enrolled.agent().id() + "/two-factor/reset");

        assertThat(reset.redirectPath()).isEqualTo("/admin/agents/" + enrolled.agent().id());
        assertThat(twoFactor.isEnabled(enrolled.agent().id())).isFalse();
        assertThat(entries(enrolled.agent().id(), AuditAction.TWO_FACTOR_DISABLED))
                .singleElement().satisfies(e -> assertThat(e.actorId()).isEqualTo(admin.id()));
        assertThat(agentSession.get("/inbox").redirectPath()).as("the agent's sessions ended").isEqualTo("/login");
        assertThat(WebSession.anonymous(port).signIn(enrolled.agent().email(), enrolled.agent().password()).redirectPath())
                .isEqualTo("/inbox");
    }

    private Enrolled enrolThroughProfile(TestAgent agent) {
        WebSession session = WebSession.signedIn(port, agent.email(), agent.password());
        assertThat(session.get("/profile").body()).contains("href=\"/profile/two-factor\"");
        Page enrol = session.get("/profile/two-factor");
        assertThat(enrol.status()).isEqualTo(200);
        assertThat(enrol.body()).contains("otpauth://totp/Regard:").contains("src=\"data:image/svg+xml;base64,");
        String key = find(KEY, enrol);
        TestAuthenticator app = new TestAuthenticator(key, clock);
        Page done = session.post("/profile/two-factor", "code", app.nextCode());
        assertThat(done.status()).isEqualTo(200);
        return new Enrolled(agent, key, app, all(RECOVERY_CODE, done));
    }

    private WebSession passwordStep(Enrolled enrolled) {
        WebSession session = WebSession.anonymous(port);
        assertThat(session.signIn(enrolled.agent().email(), enrolled.agent().password()).redirectPath()).isEqualTo("/login/two-factor");
        assertThat(session.get("/login/two-factor").status()).isEqualTo(200);
        return session;
    }

    private Page signInWith(Enrolled enrolled, String code) {
        return passwordStep(enrolled).post("/login/two-factor", "code", code);
    }

    private WebSession signedInWithCode(Enrolled enrolled) {
        WebSession session = passwordStep(enrolled);
        assertThat(session.post("/login/two-factor", "code", enrolled.app().nextCode()).redirectPath()).isEqualTo("/inbox");
        return session;
    }

    /** The audit entries of this action about this agent (or about anything, for null), newest first. */
    private List<AuditEntry> entries(Long agentId, AuditAction action) {
        return audit.newest(null, 1000).stream().filter(e -> e.action() == action)
                .filter(e -> agentId == null || String.valueOf(agentId).equals(e.targetId())).toList();
    }

    private static String find(Pattern pattern, Page page) {
        Matcher m = pattern.matcher(page.body());
        assertThat(m.find()).as("%s in the page", pattern).isTrue();
        return m.group(1).replace(" ", "");
    }

    private static List<String> all(Pattern pattern, Page page) {
        Matcher m = pattern.matcher(page.body());
        List<String> found = new java.util.ArrayList<>();
        while (m.find()) {
            found.add(m.group(1));
        }
        return found;
    }
}
