package org.regard.accounts.web;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.regard.accounts.Accounts;
import org.regard.accounts.Role;
import org.regard.accounts.TeamView;
import org.regard.support.IntegrationTest;
import org.regard.support.TestData;
import org.regard.support.WebSession;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

@IntegrationTest
class AgentAdminPagesIntegrationTest {
    @LocalServerPort
    int port;
    @Autowired
    TestData data;
    @Autowired
    Accounts accounts;
    @Autowired
    org.regard.audit.AuditLog audit;
    @Autowired
    org.regard.accounts.AgentAdministration administration;
    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    TestData.TestAgent admin;
    WebSession adminSession;

    @BeforeEach
    void signInAsAdmin() {
        admin = data.agent(Role.ADMIN);
        adminSession = WebSession.signedIn(port, admin.email(), admin.password());
    }

    @Test
    void aPlainAgentIsRefusedTheAgentPagesEvenWithAValidForm() {
        var plain = data.agent(Role.AGENT);
        var session = WebSession.signedIn(port, plain.email(), plain.password());
        String email = TestData.unique("intruder") + "@regard.test";

        assertThat(session.post("/profile/language", "locale", "en").status())
                .as("the session's CSRF token is accepted elsewhere").isEqualTo(302);
        assertThat(session.get("/admin/agents").status()).isEqualTo(403);
        assertThat(session.get("/admin/agents/" + admin.id()).status()).isEqualTo(403);
        assertThat(session.post("/admin/agents", "email", email, "displayName", "Intruder",
                "password", "long-enough-password", "role", "ADMIN").status()).isEqualTo(403);
        assertThat(session.post("/admin/agents/" + admin.id() + "/deactivate").status()).isEqualTo(403);

        assertThat(accounts.agentByEmail(email)).isEmpty();
        assertThat(accounts.agent(admin.id()).orElseThrow().active()).isTrue();
    }

    @Test
    void anAdminCreatesAnAgentWhoCanThenSignIn() {
        TeamView team = data.team("billing");
        String email = TestData.unique("new-agent") + "@regard.test";

        assertThat(adminSession.get("/admin/agents/new").body()).contains("id=\"agent-team-" + team.id() + "\"");
        var created = adminSession.post("/admin/agents",
                "email", email, "displayName", "Đặng Thị Lan", "password", "a-long-first-password",
                "role", "AGENT", "locale", "vi", "languages", "vi", "languages", "en", "otherLanguages", "fr, es",
                "teamIds", String.valueOf(team.id()));

        assertThat(created.status()).isEqualTo(302);
        assertThat(created.location()).endsWith("/admin/agents");
        var agent = accounts.agentByEmail(email).orElseThrow();
        assertThat(agent.displayName()).isEqualTo("Đặng Thị Lan");
        assertThat(agent.role()).isEqualTo(Role.AGENT);
        assertThat(agent.locale()).isEqualTo("vi");
        assertThat(agent.languages()).containsExactly("vi", "en", "fr", "es");
        assertThat(agent.teamIds()).containsExactly(team.id());
        assertThat(adminSession.get("/admin/agents").body()).contains("id=\"agent-row-" + agent.id() + "\"", "Đặng Thị Lan");

        var signIn = WebSession.anonymous(port).signIn(email, "a-long-first-password");
        assertThat(signIn.status()).isEqualTo(302);
        assertThat(signIn.location()).doesNotContain("error");
    }

    @Test
    void aShortPasswordAndATakenEmailAreFieldErrorsAndTheInputIsKept() {
        String email = TestData.unique("short") + "@regard.test";

        var shortPassword = adminSession.post("/admin/agents", "email", email, "displayName", "Karl Short",
                "password", "too-short", "role", "AGENT");
        var takenEmail = adminSession.post("/admin/agents", "email", admin.email(), "displayName", "Second Admin",
                "password", "long-enough-password", "role", "ADMIN");

        assertThat(shortPassword.status()).isEqualTo(400);
        assertThat(shortPassword.body()).contains("id=\"agent-password-error\"",
                "The password must have at least 10 characters.", "value=\"" + email + "\"", "value=\"Karl Short\"");
        assertThat(shortPassword.body()).as("the password is not sent back").doesNotContain("too-short");
        assertThat(takenEmail.status()).isEqualTo(400);
        assertThat(takenEmail.body()).contains("id=\"agent-email-error\"", "An agent with this email address already exists.",
                "value=\"Second Admin\"");
        assertThat(accounts.agentByEmail(email)).isEmpty();
    }

    @Test
    void anAdminChangesAnAgentsNameRoleLanguagesAndTeamsButNotTheirOwnRole() {
        TeamView first = data.team("first");
        TeamView second = data.team("second");
        var agent = data.agent(Role.AGENT, first);
        var agentSession = WebSession.signedIn(port, agent.email(), agent.password());

        var saved = adminSession.post("/admin/agents/" + agent.id(), "displayName", "Renamed Agent", "role", "ADMIN",
                "languages", "de", "otherLanguages", "", "teamIds", String.valueOf(second.id()));
        var ownRole = adminSession.post("/admin/agents/" + admin.id(), "displayName", "Still Admin", "role", "AGENT");

        assertThat(saved.status()).isEqualTo(302);
        var changed = accounts.agent(agent.id()).orElseThrow();
        assertThat(changed.displayName()).isEqualTo("Renamed Agent");
        assertThat(changed.role()).isEqualTo(Role.ADMIN);
        assertThat(changed.languages()).containsExactly("de");
        assertThat(changed.teamIds()).isEqualTo(Set.of(second.id()));
        assertThat(agentSession.get("/customers").location()).as("a new role needs a new sign-in").endsWith("/login");
        assertThat(ownRole.status()).isEqualTo(400);
        assertThat(ownRole.body()).contains("id=\"agent-role-error\"", "You cannot change your own role");
        assertThat(accounts.agent(admin.id()).orElseThrow().role()).isEqualTo(Role.ADMIN);
    }

    @Test
    void aDeactivatedAgentIsSignedOutAndCannotSignInUntilReactivated() {
        var agent = data.agent(Role.AGENT);
        var agentSession = WebSession.signedIn(port, agent.email(), agent.password());

        var deactivated = adminSession.post("/admin/agents/" + agent.id() + "/deactivate");

        assertThat(deactivated.status()).isEqualTo(302);
        assertThat(accounts.agent(agent.id()).orElseThrow().active()).isFalse();
        var afterwards = agentSession.get("/customers");
        assertThat(afterwards.status()).as("the open session has ended").isEqualTo(302);
        assertThat(afterwards.location()).endsWith("/login");
        var refused = WebSession.anonymous(port).signIn(agent.email(), agent.password());
        assertThat(refused.location()).endsWith("/login?error");

        adminSession.post("/admin/agents/" + agent.id() + "/activate");

        var welcome = WebSession.anonymous(port).signIn(agent.email(), agent.password());
        assertThat(welcome.location()).doesNotContain("error");
    }

    @Test
    void anAdminCannotDeactivateThemselves() {
        var page = adminSession.get("/admin/agents/" + admin.id());
        assertThat(page.body()).doesNotContain("id=\"agent-deactivate\"");

        var refused = adminSession.post("/admin/agents/" + admin.id() + "/deactivate");

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body()).contains("id=\"agent-error\"", "You cannot deactivate your own account.");
        assertThat(accounts.agent(admin.id()).orElseThrow().active()).isTrue();
    }

    @Test
    void anUnknownAgentIsNotFound() {
        assertThat(adminSession.get("/admin/agents/987654321").status()).isEqualTo(404);
        assertThat(adminSession.post("/admin/agents/987654321/deactivate").status()).isEqualTo(404);
    }

    @Test
    void anAdminMakesAnAgentATeamLeadOnProbationWhoReviewsAndTheChangeIsAudited() {
        TeamView team = data.team("leads");
        var agent = data.agent(Role.AGENT, team);
        var form = adminSession.get("/admin/agents/" + agent.id()).body();
        assertThat(form).contains("id=\"agent-role-lead\"", "Team lead", "id=\"agent-probation\"", "id=\"agent-reviewer\"");
        assertThat(WebSession.signedIn(port, admin.email(), admin.password(), "vi").get("/admin/agents/" + agent.id()).body())
                .contains("Trưởng nhóm", "Thử việc đến ngày");

        var saved = adminSession.post("/admin/agents/" + agent.id(), "displayName", "Lead Agent", "role", "LEAD",
                "languages", "en", "teamIds", String.valueOf(team.id()), "probationUntil", "2027-02-28", "reviewer", "true");
        var badDate = adminSession.post("/admin/agents/" + agent.id(), "displayName", "Lead Agent", "role", "LEAD",
                "probationUntil", "soon");

        assertThat(saved.status()).isEqualTo(302);
        var lead = accounts.agent(agent.id()).orElseThrow();
        assertThat(lead.role()).isEqualTo(Role.LEAD);
        assertThat(lead.probationUntil()).isEqualTo(java.time.LocalDate.of(2027, 2, 28));
        assertThat(lead.reviewer()).isTrue();
        assertThat(adminSession.get("/admin/agents").body()).contains("Team lead", "Reviewer", "On probation until 2027-02-28");
        assertThat(adminSession.get("/admin/agents/" + agent.id()).body()).contains("value=\"2027-02-28\"");
        assertThat(badDate.status()).isEqualTo(400);
        assertThat(badDate.body()).contains("id=\"agent-probation-error\"");
        assertThat(audit.newest(new org.regard.audit.AuditFilter(null, admin.id(), null, null), null, 5))
                .extracting(org.regard.audit.AuditEntry::action)
                .contains(org.regard.audit.AuditAction.ROLE_CHANGED, org.regard.audit.AuditAction.AGENT_CHANGED);

        var leadSession = WebSession.signedIn(port, agent.email(), agent.password());
        for (String page : java.util.List.of("/admin/agents", "/admin/teams", "/admin/categories", "/admin/mailboxes", "/admin/audit")) {
            assertThat(leadSession.get(page).status()).as(page).isEqualTo(403);
        }
        assertThat(leadSession.post("/admin/categories", "name", TestData.unique("Lead's")).status()).isEqualTo(403);
        assertThat(leadSession.get("/inbox").status()).as("a lead works tickets like an agent").isEqualTo(200);
    }

    @Test
    void theLastActiveAdministratorCannotBeDeactivatedOnThePage() {
        var other = data.agent(Role.ADMIN);
        // every other administrator leaves for the length of the test
        java.util.List<Long> others = jdbc.sql("select id from agent where role = 'ADMIN' and active and id not in (?, ?)")
                .params(admin.id(), other.id()).query(Long.class).list();
        jdbc.sql("update agent set active = false where id in (:ids)").param("ids", others).update();
        try {
            assertThat(adminSession.post("/admin/agents/" + other.id() + "/deactivate").status())
                    .as("another administrator remains").isEqualTo(302);

            var last = adminSession.post("/admin/agents/" + admin.id() + "/deactivate");

            assertThat(last.status()).isEqualTo(409);
            assertThat(last.body()).contains("id=\"agent-error\"", "This is the last active administrator");
            assertThat(accounts.agent(admin.id()).orElseThrow().active()).isTrue();
            assertThat(administrationRefusesLastAdmin()).as("not even Regard itself demotes the last one").isTrue();
        } finally {
            jdbc.sql("update agent set active = true where id in (:ids)").param("ids", others).update();
            jdbc.sql("update agent set active = true where id = ?").param(other.id()).update();
        }
    }

    private boolean administrationRefusesLastAdmin() {
        try {
            administration.change(null, admin.id(), new org.regard.accounts.AgentChanges(null, null, Role.AGENT,
                    null, null, null, null, null));
            return false;
        } catch (org.regard.accounts.AgentAdministration.LastAdmin expected) {
            return accounts.agent(admin.id()).orElseThrow().role() == Role.ADMIN;
        }
    }
}
