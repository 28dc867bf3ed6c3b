package org.regard.api;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.regard.accounts.Accounts;
import org.regard.accounts.Role;
import org.regard.accounts.TeamView;
import org.regard.audit.AuditAction;
import org.regard.audit.AuditEntry;
import org.regard.audit.AuditFilter;
import org.regard.audit.AuditLog;
import org.regard.support.IntegrationTest;
import org.regard.support.TestData;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.regard.api.ApiClient.basic;
import static org.regard.api.ApiClient.bearer;

/** Agents, teams and categories over the API: administrators only, validated, audited with the change. */
@IntegrationTest
class AdministrationApiIntegrationTest {
    @LocalServerPort
    int port;
    @Autowired
    TestData data;
    @Autowired
    Accounts accounts;
    @Autowired
    AuditLog audit;
    @Autowired
    JdbcClient jdbc;

    ApiClient api;
    TestData.TestAgent admin;
    String adminToken;

    @BeforeEach
    void setUp() {
        api = new ApiClient(port);
        admin = data.agent(Role.ADMIN);
        adminToken = data.apiToken(admin);
    }

    @Test
    void anAdminCreatesReadsAndChangesAnAgentPartially() {
        TeamView support = data.team("support");
        TeamView billing = data.team("billing");
        String email = TestData.unique("lan") + "@regard.test";
        Map<String, Object> body = new HashMap<>(Map.of("email", email.toUpperCase(), "name", "Đặng Thị Lan",
                "password", "a-long-first-password", "role", "lead", "teams", List.of(support.id()),
                "languages", List.of("vi", "en"), "probationUntil", "2027-01-31", "reviewer", true));

        var created = api.post("/api/v1/agents").auth(bearer(adminToken)).json(body).send();

        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        JsonNode agent = created.json();
        long id = agent.get("id").asLong();
        assertThat(created.header("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/api/v1/agents/" + id));
        assertThat(agent.get("email").asString()).isEqualTo(email);
        assertThat(agent.get("role").asString()).isEqualTo("lead");
        assertThat(agent.get("teams")).extracting(JsonNode::asLong).containsExactly(support.id());
        assertThat(agent.get("languages")).extracting(JsonNode::asString).containsExactly("vi", "en");
        assertThat(agent.get("probationUntil").asString()).isEqualTo("2027-01-31");
        assertThat(agent.get("reviewer").asBoolean()).isTrue();
        assertThat(agent.get("active").asBoolean()).isTrue();
        assertThat(created.body()).as("the password is never returned").doesNotContain("password", "a-long-first-password");
        assertThat(api.get("/api/v1/tickets").auth(basic(email, "a-long-first-password")).send().status())
                .as("the new agent signs in with the password").isEqualTo(200);

        Map<String, Object> changes = new HashMap<>();
        changes.put("name", "Lan Đặng");
        changes.put("probationUntil", null);
        changes.put("teams", List.of(billing.id()));
        var changed = api.patch("/api/v1/agents/" + id).auth(bearer(adminToken)).json(changes).send();

        assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
        assertThat(changed.json().get("name").asString()).isEqualTo("Lan Đặng");
        assertThat(changed.json().get("probationUntil").isNull()).as("null ends the probation").isTrue();
        assertThat(changed.json().get("teams")).extracting(JsonNode::asLong).containsExactly(billing.id());
        assertThat(changed.json().get("role").asString()).as("fields left out keep their value").isEqualTo("lead");
        assertThat(changed.json().get("languages")).extracting(JsonNode::asString).containsExactly("vi", "en");
        assertThat(changed.json().get("reviewer").asBoolean()).isTrue();

        var read = api.get("/api/v1/agents/" + id).auth(bearer(adminToken)).send();
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.json().get("name").asString()).isEqualTo("Lan Đặng");
        assertThat(api.get("/api/v1/agents").auth(bearer(adminToken)).send().json())
                .extracting(a -> a.get("id").asLong()).contains(id, admin.id());

        List<AuditEntry> entries = audit.newest(new AuditFilter(null, admin.id(), null, null), null, 20);
        assertThat(entries).extracting(AuditEntry::action)
                .contains(AuditAction.AGENT_CREATED, AuditAction.AGENT_CHANGED, AuditAction.TEAMS_CHANGED);
        AuditEntry teams = entries.stream().filter(e -> e.action() == AuditAction.TEAMS_CHANGED).findFirst().orElseThrow();
        assertThat(teams.actor()).isEqualTo(admin.email());
        assertThat(teams.targetType()).isEqualTo("agent");
        assertThat(teams.targetId()).isEqualTo(String.valueOf(id));
        assertThat(teams.details()).contains(support.name() + " → " + billing.name());
        assertThat(teams.clientAddress()).isEqualTo("127.0.0.1");
        assertThat(entries).filteredOn(e -> e.action() == AuditAction.AGENT_CHANGED).first()
                .satisfies(e -> assertThat(e.details()).contains("name: Đặng Thị Lan → Lan Đặng", "probation until: 2027-01-31 → none"));
    }

    @Test
    void aRoleChangeIsAuditedAndTakesEffectOnTheNextCall() {
        var agent = data.agent(Role.AGENT);
        String agentToken = data.apiToken(agent);
        assertThat(api.get("/api/v1/teams").auth(bearer(agentToken)).send().status()).isEqualTo(403);

        var promoted = api.patch("/api/v1/agents/" + agent.id()).auth(bearer(adminToken)).json(Map.of("role", "admin")).send();

        assertThat(promoted.status()).as(promoted.toString()).isEqualTo(200);
        assertThat(api.get("/api/v1/teams").auth(bearer(agentToken)).send().status()).isEqualTo(200);
        assertThat(audit.newest(new AuditFilter(AuditAction.ROLE_CHANGED, admin.id(), null, null), null, 5))
                .singleElement().satisfies(e -> {
                    assertThat(e.targetId()).isEqualTo(String.valueOf(agent.id()));
                    assertThat(e.details()).endsWith("agent → admin");
                });
    }

    @Test
    void agentsLeadsAndStrangersAreRefusedEveryAdministrationCall() {
        TeamView team = data.team("refused");
        String agentToken = data.apiToken(data.agent(Role.AGENT, team));
        String leadToken = data.apiToken(data.agent(Role.LEAD, team));
        long categoryId = api.post("/api/v1/categories").auth(bearer(adminToken))
                .json(Map.of("name", TestData.unique("Refunds"))).send().json().get("id").asLong();
        String email = TestData.unique("intruder") + "@regard.test";
        Map<String, Object> newAgent = Map.of("email", email, "name", "Intruder", "password", "long-enough-password", "role", "admin");

        for (String token : List.of(agentToken, leadToken)) {
            for (var call : List.of(api.get("/api/v1/agents"), api.get("/api/v1/agents/" + admin.id()),
                    api.post("/api/v1/agents").json(newAgent),
                    api.patch("/api/v1/agents/" + admin.id()).json(Map.of("active", false)),
                    api.get("/api/v1/teams"), api.post("/api/v1/teams").json(Map.of("name", TestData.unique("Mine"))),
                    api.patch("/api/v1/teams/" + team.id()).json(Map.of("name", "Taken over")),
                    api.get("/api/v1/categories"), api.post("/api/v1/categories").json(Map.of("name", TestData.unique("Mine"))),
                    api.patch("/api/v1/categories/" + categoryId).json(Map.of("active", false)),
                    api.get("/api/v1/audit"))) {
                var reply = call.auth(bearer(token)).send();
                assertThat(reply.status()).as(reply.toString()).isEqualTo(403);
                assertThat(reply.contentType()).startsWith("application/problem+json");
            }
        }
        for (String path : List.of("/api/v1/agents", "/api/v1/teams", "/api/v1/categories", "/api/v1/audit")) {
            var anonymous = api.get(path).send();
            assertThat(anonymous.status()).as(path).isEqualTo(401);
            assertThat(anonymous.contentType()).startsWith("application/problem+json");
        }
        assertThat(api.post("/api/v1/agents").json(newAgent).send().status()).isEqualTo(401);

        assertThat(accounts.agentByEmail(email)).isEmpty();
        assertThat(accounts.agent(admin.id()).orElseThrow().active()).isTrue();
        assertThat(accounts.team(team.id()).orElseThrow().name()).isEqualTo(team.name());
    }

    @Test
    void badInputIsA400NamingTheFieldAndUnknownIdsA404() {
        String email = TestData.unique("bad") + "@regard.test";
        Map<String, Object> good = Map.of("email", email, "name", "Karl", "password", "long-enough-password");

        assertField(api.post("/api/v1/agents").auth(bearer(adminToken)).json(Map.of("name", "Karl", "password", "long-enough-password")).send(), "email");
        assertField(api.post("/api/v1/agents").auth(bearer(adminToken)).json(with(good, "email", "not-an-address")).send(), "email");
        var shortPassword = api.post("/api/v1/agents").auth(bearer(adminToken)).json(with(good, "password", "too-short")).send();
        assertField(shortPassword, "password");
        assertThat(shortPassword.body()).contains("at least 10 characters").doesNotContain("too-short");
        assertField(api.post("/api/v1/agents").auth(bearer(adminToken)).json(with(good, "role", "boss")).send(), "role");
        assertField(api.post("/api/v1/agents").auth(bearer(adminToken)).json(with(good, "teams", List.of(Long.MAX_VALUE))).send(), "teams");
        assertField(api.post("/api/v1/agents").auth(bearer(adminToken)).json(with(good, "languages", List.of("English"))).send(), "languages[0]");
        assertField(api.post("/api/v1/agents").auth(bearer(adminToken)).json(with(good, "probationUntil", "next week")).send(), "probationUntil");
        assertThat(accounts.agentByEmail(email)).isEmpty();

        Map<String, Object> nullName = new HashMap<>();
        nullName.put("name", null);
        assertField(api.patch("/api/v1/agents/" + admin.id()).auth(bearer(adminToken)).json(nullName).send(), "name");
        assertField(api.patch("/api/v1/agents/" + admin.id()).auth(bearer(adminToken)).json(Map.of("name", " ")).send(), "name");
        assertField(api.patch("/api/v1/agents/" + admin.id()).auth(bearer(adminToken)).json(Map.of("password", "new-long-password")).send(), "password");
        assertField(api.patch("/api/v1/agents/" + admin.id()).auth(bearer(adminToken)).json(Map.of("nickname", "Boss")).send(), "nickname");
        assertField(api.post("/api/v1/teams").auth(bearer(adminToken)).json(Map.of("name", "")).send(), "name");
        assertField(api.post("/api/v1/teams").auth(bearer(adminToken)).json(Map.of("name", TestData.unique("T"), "members", List.of(Long.MAX_VALUE))).send(), "members");
        assertField(api.post("/api/v1/categories").auth(bearer(adminToken)).json(Map.of("name", "x".repeat(101))).send(), "name");

        for (String path : List.of("/api/v1/agents/", "/api/v1/teams/", "/api/v1/categories/")) {
            var missing = api.get(path + Long.MAX_VALUE).auth(bearer(adminToken)).send();
            assertThat(missing.status()).as(path).isEqualTo(404);
            assertThat(missing.contentType()).startsWith("application/problem+json");
            assertThat(api.patch(path + Long.MAX_VALUE).auth(bearer(adminToken)).json(Map.of("name", "Nobody")).send().status())
                    .as(path).isEqualTo(404);
        }
    }

    @Test
    void aTakenAddressOrNameIsA409WithAClearMessage() {
        TeamView team = data.team("taken");
        var other = data.agent(Role.AGENT);
        String category = TestData.unique("Billing");
        assertThat(api.post("/api/v1/categories").auth(bearer(adminToken)).json(Map.of("name", category)).send().status()).isEqualTo(201);

        var email = api.post("/api/v1/agents").auth(bearer(adminToken))
                .json(Map.of("email", other.email(), "name", "Twin", "password", "long-enough-password")).send();
        var changedEmail = api.patch("/api/v1/agents/" + admin.id()).auth(bearer(adminToken)).json(Map.of("email", other.email())).send();
        var teamName = api.post("/api/v1/teams").auth(bearer(adminToken)).json(Map.of("name", team.name())).send();
        var categoryName = api.post("/api/v1/categories").auth(bearer(adminToken)).json(Map.of("name", category)).send();

        assertThat(email.status()).isEqualTo(409);
        assertThat(email.json().get("detail").asString()).isEqualTo("An agent with the email " + other.email() + " already exists.");
        assertThat(email.json().get("errors").get(0).get("field").asString()).isEqualTo("email");
        assertThat(changedEmail.status()).isEqualTo(409);
        assertThat(teamName.status()).isEqualTo(409);
        assertThat(teamName.json().get("detail").asString()).isEqualTo("A team named " + team.name() + " already exists.");
        assertThat(categoryName.status()).isEqualTo(409);
        assertThat(categoryName.json().get("detail").asString()).isEqualTo("A category named " + category + " already exists.");
        assertThat(accounts.agent(admin.id()).orElseThrow().email()).isEqualTo(admin.email());
    }

    @Test
    void theLastActiveAdministratorCanNeitherBeDemotedNorDeactivated() {
        var second = data.agent(Role.ADMIN);
        assertThat(api.patch("/api/v1/agents/" + admin.id()).auth(bearer(adminToken)).json(Map.of("role", "lead")).send().status())
                .as("while another admin exists, one's own role is still refused").isEqualTo(409);
        // every other administrator leaves for the length of the test
        List<Long> others = jdbc.sql("select id from agent where role = 'ADMIN' and active and id <> ?").param(admin.id())
                .query(Long.class).list();
        jdbc.sql("update agent set active = false where id in (:ids)").param("ids", others).update();
        try {
            var demoted = api.patch("/api/v1/agents/" + admin.id()).auth(bearer(adminToken)).json(Map.of("role", "agent")).send();
            var deactivated = api.patch("/api/v1/agents/" + admin.id()).auth(bearer(adminToken)).json(Map.of("active", false)).send();

            assertThat(demoted.status()).as(demoted.toString()).isEqualTo(409);
            assertThat(demoted.json().get("title").asString()).isEqualTo("Last administrator");
            assertThat(demoted.json().get("detail").asString()).contains("last active administrator");
            assertThat(deactivated.status()).isEqualTo(409);
            assertThat(deactivated.json().get("title").asString()).isEqualTo("Last administrator");
            var me = accounts.agent(admin.id()).orElseThrow();
            assertThat(me.role()).isEqualTo(Role.ADMIN);
            assertThat(me.active()).isTrue();
        } finally {
            jdbc.sql("update agent set active = true where id in (:ids)").param("ids", others).update();
        }
        var demoteSecond = api.patch("/api/v1/agents/" + second.id()).auth(bearer(adminToken)).json(Map.of("role", "lead")).send();
        assertThat(demoteSecond.status()).as("another admin remains").isEqualTo(200);
    }

    @Test
    void teamsAreCreatedRenamedAndStaffed() {
        var ana = data.agent(Role.AGENT);
        var bao = data.agent(Role.AGENT);
        String name = TestData.unique("Hà Nội");

        var created = api.post("/api/v1/teams").auth(bearer(adminToken)).json(Map.of("name", name, "members", List.of(ana.id()))).send();

        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        long id = created.json().get("id").asLong();
        assertThat(created.json().get("members")).extracting(JsonNode::asLong).containsExactly(ana.id());
        assertThat(accounts.agent(ana.id()).orElseThrow().teamIds()).contains(id);

        var staffed = api.patch("/api/v1/teams/" + id).auth(bearer(adminToken)).json(Map.of("members", List.of(bao.id()))).send();
        assertThat(staffed.status()).as(staffed.toString()).isEqualTo(200);
        assertThat(staffed.json().get("name").asString()).isEqualTo(name);
        assertThat(staffed.json().get("members")).extracting(JsonNode::asLong).containsExactly(bao.id());
        assertThat(accounts.agent(ana.id()).orElseThrow().teamIds()).doesNotContain(id);
        assertThat(accounts.agent(bao.id()).orElseThrow().teamIds()).contains(id);

        var renamed = api.patch("/api/v1/teams/" + id).auth(bearer(adminToken)).json(Map.of("name", name + " 2")).send();
        assertThat(renamed.json().get("members")).extracting(JsonNode::asLong).containsExactly(bao.id());
        assertThat(api.get("/api/v1/teams/" + id).auth(bearer(adminToken)).send().json().get("name").asString()).isEqualTo(name + " 2");

        List<AuditEntry> entries = audit.newest(new AuditFilter(null, admin.id(), null, null), null, 10);
        assertThat(entries).extracting(AuditEntry::action)
                .containsSubsequence(AuditAction.TEAM_CHANGED, AuditAction.TEAM_CHANGED, AuditAction.TEAM_CREATED);
        assertThat(entries.get(1).details()).contains("members added: " + bao.email(), "members removed: " + ana.email());
        assertThat(entries.get(0).details()).contains("name: " + name + " → " + name + " 2");
    }

    @Test
    void categoriesAreCreatedRenamedRetiredAndReinstated() {
        String name = TestData.unique("Livraison");
        var created = api.post("/api/v1/categories").auth(bearer(adminToken)).json(Map.of("name", name)).send();
        assertThat(created.status()).isEqualTo(201);
        long id = created.json().get("id").asLong();
        assertThat(created.json().get("active").asBoolean()).isTrue();

        var changed = api.patch("/api/v1/categories/" + id).auth(bearer(adminToken))
                .json(Map.of("name", name + " express", "active", false)).send();
        assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
        assertThat(changed.json().get("name").asString()).isEqualTo(name + " express");
        assertThat(changed.json().get("active").asBoolean()).isFalse();
        assertThat(api.get("/api/v1/categories").auth(bearer(adminToken)).send().json())
                .anySatisfy(c -> assertThat(c.get("id").asLong()).isEqualTo(id));
        assertThat(api.patch("/api/v1/categories/" + id).auth(bearer(adminToken)).json(Map.of("active", true)).send()
                .json().get("active").asBoolean()).isTrue();

        assertThat(audit.newest(new AuditFilter(null, admin.id(), null, null), null, 10)).extracting(AuditEntry::details)
                .containsSubsequence(name + " express: reinstated", name + " express: retired",
                        "name: " + name + " → " + name + " express", name);
    }

    @Test
    void theAuditLogIsReadPageByPage() {
        for (int i = 0; i < 3; i++) {
            api.post("/api/v1/categories").auth(bearer(adminToken)).json(Map.of("name", TestData.unique("Paged"))).send();
        }
        var first = api.get("/api/v1/audit?actorId=" + admin.id() + "&action=CATEGORY_CREATED&limit=2").auth(bearer(adminToken)).send();
        assertThat(first.status()).as(first.toString()).isEqualTo(200);
        assertThat(first.json().get("entries")).hasSize(2);
        var second = api.get("/api/v1/audit?actorId=" + admin.id() + "&action=CATEGORY_CREATED&limit=2&cursor="
                + first.json().get("nextCursor").asLong()).auth(bearer(adminToken)).send();
        assertThat(second.json().get("entries")).hasSize(1);
        assertThat(second.json().get("nextCursor").isNull()).isTrue();
        assertThat(second.json().get("entries").get(0).get("id").asLong())
                .isLessThan(first.json().get("entries").get(1).get("id").asLong());
        assertThat(second.json().get("entries").get(0).get("actor").asString()).isEqualTo(admin.email());
        assertField(api.get("/api/v1/audit?action=NOTHING").auth(bearer(adminToken)).send(), "action");
        assertField(api.get("/api/v1/audit?cursor=abc").auth(bearer(adminToken)).send(), "cursor");
        assertThat(api.get("/api/v1/audit?limit=0").auth(bearer(adminToken)).send().status()).isEqualTo(400);
    }

    private static Map<String, Object> with(Map<String, Object> base, String key, Object value) {
        Map<String, Object> copy = new HashMap<>(base);
        copy.put(key, value);
        return copy;
    }

    private static void assertField(ApiClient.Reply reply, String field) {
        assertThat(reply.status()).as(reply.toString()).isEqualTo(400);
        assertThat(reply.contentType()).startsWith("application/problem+json");
        assertThat(reply.json().get("errors")).as(reply.toString()).extracting(e -> e.get("field").asString()).contains(field);
    }
}
