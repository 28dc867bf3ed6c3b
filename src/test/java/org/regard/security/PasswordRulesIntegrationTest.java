package org.regard.security;

import org.junit.jupiter.api.Test;
import org.regard.accounts.AgentAdministration;
import org.regard.accounts.Role;
import org.regard.api.ApiClient;
import org.regard.audit.AuditAction;
import org.regard.audit.AuditEntry;
import org.regard.audit.AuditLog;
import org.regard.support.IntegrationTest;
import org.regard.support.TestData;
import org.regard.support.WebSession;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.regard.api.ApiClient.basic;

/**
 * The password rules wherever a password is set (the profile, the admin's agent form, the use cases), passwords
 * longer than bcrypt's 72 bytes, and what a password change ends.
 */
@IntegrationTest
class PasswordRulesIntegrationTest {
    /** 60 characters, 180 bytes in UTF-8: far over bcrypt's 72-byte limit. */
    static final String LONG_VIETNAMESE = "Mật khẩu dài của tôi có nhiều chữ cái tiếng Việt và dấu thanh!";

    @LocalServerPort
    int port;
    @Autowired
    TestData data;
    @Autowired
    AgentAdministration administration;
    @Autowired
    AuditLog audit;

    @Test
    void aPasswordOverSeventyTwoBytesIsAcceptedAndSignsIn() {
        var agent = data.agent(Role.AGENT, data.team("rules"));
        WebSession session = WebSession.signedIn(port, agent.email(), agent.password());

        var changed = session.post("/profile/password", "currentPassword", agent.password(),
                "newPassword", LONG_VIETNAMESE, "confirmPassword", LONG_VIETNAMESE);

        assertThat(changed.status()).isEqualTo(302);
        assertThat(WebSession.anonymousFrom(port, TestData.clientAddress()).signIn(agent.email(), LONG_VIETNAMESE).location())
                .endsWith("/inbox");
        assertThat(WebSession.anonymousFrom(port, TestData.clientAddress())
                .signIn(agent.email(), LONG_VIETNAMESE.substring(0, 40)).location()).as("not cut to 72 bytes").endsWith("/login?error");
    }

    @Test
    void aVeryLongTypedPasswordIsAnOrdinaryFailureNotAServerError() {
        var agent = data.agent(Role.AGENT, data.team("rules"));
        String huge = "x".repeat(5_000);

        assertThat(WebSession.anonymousFrom(port, TestData.clientAddress()).signIn(agent.email(), huge).location())
                .endsWith("/login?error");
        assertThat(new ApiClient(port, TestData.clientAddress()).get("/api/v1/tickets").auth(basic(agent.email(), huge))
                .send().status()).isEqualTo(401);
        WebSession session = WebSession.signedIn(port, agent.email(), agent.password());
        var tooLong = session.post("/profile/password", "currentPassword", huge, "newPassword", huge, "confirmPassword", huge);
        assertThat(tooLong.status()).isEqualTo(400);
        assertThat(tooLong.body()).contains("id=\"profile-new-password-error\"", "at most 128 characters");
    }

    @Test
    void commonRepeatedAndPersonalPasswordsAreRefusedOnTheProfile() {
        var agent = data.agent(Role.AGENT, data.team("rules"));
        WebSession session = WebSession.signedIn(port, agent.email(), agent.password());
        String localPart = agent.email().substring(0, agent.email().indexOf('@'));

        for (String weak : List.of("aaaaaaaaaa", "1234567890", "qwertyuiop", "password123", "Regard2024!", localPart + "2024")) {
            var refused = session.post("/profile/password", "currentPassword", agent.password(),
                    "newPassword", weak, "confirmPassword", weak);
            assertThat(refused.status()).as(weak).isEqualTo(400);
            assertThat(refused.body()).as(weak).contains("id=\"profile-new-password-error\"").doesNotContain("value=\"" + weak);
        }
        assertThat(WebSession.anonymousFrom(port, TestData.clientAddress()).signIn(agent.email(), agent.password()).location())
                .as("the old password still works").endsWith("/inbox");
    }

    @Test
    void theAdminCannotGiveANewAgentACommonPassword() {
        var admin = data.agent(Role.ADMIN, data.team("rules"));
        WebSession session = WebSession.signedIn(port, admin.email(), admin.password());
        String email = TestData.unique("weak") + "@regard.test";

        var refused = session.post("/admin/agents", "email", email, "displayName", "Weak Password",
                "password", "aaaaaaaaaaaa", "role", "AGENT");

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body()).contains("id=\"agent-password-error\"", "too easy to guess");
        assertThat(data.accounts().agentByEmail(email)).isEmpty();
        assertThatThrownBy(() -> administration.create(new AgentAdministration.NewAgent(email, "Weak", "qwertyuiop123",
                Role.AGENT, null, List.of(), java.util.Set.of()))).isInstanceOf(AgentAdministration.WeakPassword.class);
    }

    @Test
    void changingThePasswordEndsTheOtherSessionsKeepsThisOneAndSaysSo() {
        var agent = data.agent(Role.AGENT, data.team("rules"));
        WebSession here = WebSession.signedIn(port, agent.email(), agent.password());
        WebSession elsewhere = WebSession.signedIn(port, agent.email(), agent.password());
        String token = data.apiToken(agent);
        String next = "a-fresh-passphrase-for-rules";

        var changed = here.post("/profile/password", "currentPassword", agent.password(), "newPassword", next,
                "confirmPassword", next);

        assertThat(changed.status()).isEqualTo(302);
        assertThat(here.get("/profile").body()).contains("Your other sessions were signed out");
        assertThat(here.get("/inbox").status()).as("this session continues").isEqualTo(200);
        assertThat(elsewhere.get("/inbox").location()).as("the other session ended").endsWith("/login");
        assertThat(new ApiClient(port).get("/api/v1/tickets").auth(ApiClient.bearer(token)).send().status())
                .as("API tokens are separate credentials and keep working").isEqualTo(200);

        List<AuditEntry> mine = audit.newest(null, 200).stream().filter(e -> Long.valueOf(agent.id()).equals(e.actorId())).toList();
        assertThat(mine).extracting(AuditEntry::action).contains(AuditAction.PASSWORD_CHANGED, AuditAction.SIGN_OUT_EVERYWHERE);
        assertThat(mine).allSatisfy(e -> assertThat(String.valueOf(e.details())).doesNotContain(next));
    }

    @Test
    void anAdminSetsANewPasswordForAnAgentWhoIsThenSignedOutEverywhere() {
        var team = data.team("rules");
        var admin = data.agent(Role.ADMIN, team);
        var agent = data.agent(Role.AGENT, team);
        WebSession adminSession = WebSession.signedIn(port, admin.email(), admin.password());
        WebSession agentSession = WebSession.signedIn(port, agent.email(), agent.password());
        String next = "the-admin-chose-this-for-you";

        var weak = adminSession.post("/admin/agents/" + agent.id() + "/password", "newPassword", "qwerty123456");
        assertThat(weak.status()).isEqualTo(400);
        assertThat(weak.body()).contains("id=\"agent-new-password-error\"", "too easy to guess").doesNotContain("qwerty123456");
        assertThat(agentSession.get("/inbox").status()).as("nothing changed yet").isEqualTo(200);

        assertThat(agentSession.post("/admin/agents/" + agent.id() + "/password", "newPassword", next).status())
                .as("an agent may not").isEqualTo(403);
        assertThat(adminSession.post("/admin/agents/" + admin.id() + "/password", "newPassword", next).status())
                .as("nor an admin for themselves, without their current password").isEqualTo(400);

        var set = adminSession.post("/admin/agents/" + agent.id() + "/password", "newPassword", next);

        assertThat(set.status()).isEqualTo(302);
        assertThat(agentSession.get("/inbox").location()).as("signed out").endsWith("/login");
        assertThat(WebSession.anonymousFrom(port, TestData.clientAddress()).signIn(agent.email(), next).location()).endsWith("/inbox");
        assertThat(audit.newest(null, 50)).anySatisfy(e -> {
            assertThat(e.action()).isEqualTo(AuditAction.PASSWORD_CHANGED);
            assertThat(e.actorId()).isEqualTo(admin.id());
            assertThat(e.targetId()).isEqualTo(String.valueOf(agent.id()));
        });
    }
}
