package org.regard.review;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.regard.accounts.Role;
import org.regard.accounts.TeamView;
import org.regard.api.ApiClient;
import org.regard.customers.Customers;
import org.regard.support.IntegrationTest;
import org.regard.support.StatementLedger;
import org.regard.support.TestData;
import org.regard.support.TestData.TestAgent;
import org.regard.support.WebSession;
import org.regard.tickets.Categories;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.regard.api.ApiClient.bearer;

/**
 * Review rules over the API and the admin pages, with their denials, and the evaluation against stored rules. Every
 * rule made here is deleted afterwards, so that no other test's reply is held by it.
 */
@IntegrationTest
class ReviewRulesIntegrationTest {
    @LocalServerPort
    int port;
    @Autowired
    TestData data;
    @Autowired
    Categories categories;
    @Autowired
    Customers customers;
    @Autowired
    ReviewRuleEvaluation evaluation;
    @Autowired
    JdbcClient jdbc;

    private final List<Long> made = new ArrayList<>();

    @AfterEach
    void deleteRules() {
        made.forEach(id -> jdbc.sql("delete from review_rule where id = ?").param(id).update());
    }

    private ApiClient api() {
        return new ApiClient(port);
    }

    private String admin() {
        return bearer(data.apiToken(data.agent(Role.ADMIN)));
    }

    private long count() {
        return jdbc.sql("select count(*) from review_rule").query(Long.class).single();
    }

    private long audited(long id) {
        return jdbc.sql("select count(*) from audit_entry where action = 'SETTINGS_CHANGED' and target_type = 'review_rule' and target_id = ?")
                .param(String.valueOf(id)).query(Long.class).single();
    }

    private JsonNode create(String token, Map<String, Object> body) {
        var created = api().post("/api/v1/review-rules").auth(token).json(body).send();
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        made.add(created.json().get("id").asLong());
        return created.json();
    }

    private static Map<String, Object> body(Object... pairs) {
        Map<String, Object> body = new HashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            body.put((String) pairs[i], pairs[i + 1]);
        }
        return body;
    }

    @Test
    void anAdministratorCreatesReadsReplacesAndDeletesRulesEachChangeAudited() {
        String token = admin();
        TeamView team = data.team("rules");
        JsonNode words = create(token, body("kind", "words", "words", List.of(" Refund ", "", "money  back", "REFUND"), "team", team.id()));
        long id = words.get("id").asLong();
        assertThat(words.get("kind").asString()).isEqualTo("words");
        assertThat(words.get("words").toString()).isEqualTo("[\"Refund\",\"money back\"]");
        assertThat(words.get("team").asLong()).isEqualTo(team.id());
        assertThat(words.get("active").asBoolean()).isTrue();
        assertThat(words.get("target").isNull()).isTrue();
        var got = api().get("/api/v1/review-rules/" + id).auth(token).send();
        assertThat(got.status()).isEqualTo(200);
        assertThat(got.json().get("words").size()).isEqualTo(2);
        var list = api().get("/api/v1/review-rules").auth(token).send();
        assertThat(list.status()).isEqualTo(200);
        List<Long> ids = new ArrayList<>();
        list.json().forEach(r -> ids.add(r.get("id").asLong()));
        assertThat(ids).contains(id);

        long category = categories.create(TestData.unique("Legal")).id();
        var replaced = api().put("/api/v1/review-rules/" + id).auth(token)
                .json(body("kind", "category", "target", category, "active", false)).send();
        assertThat(replaced.status()).as(replaced.body()).isEqualTo(200);
        assertThat(replaced.json().get("kind").asString()).isEqualTo("category");
        assertThat(replaced.json().get("target").asLong()).isEqualTo(category);
        assertThat(replaced.json().get("words").size()).isZero();
        assertThat(replaced.json().get("team").isNull()).isTrue();
        assertThat(replaced.json().get("active").asBoolean()).isFalse();

        var deleted = api().delete("/api/v1/review-rules/" + id).auth(token).send();
        assertThat(deleted.status()).isEqualTo(204);
        assertThat(api().get("/api/v1/review-rules/" + id).auth(token).send().status()).isEqualTo(404);
        assertThat(api().delete("/api/v1/review-rules/" + id).auth(token).send().status()).isEqualTo(404);
        assertThat(audited(id)).isEqualTo(3);
        assertThat(jdbc.sql("select details from audit_entry where target_type = 'review_rule' and target_id = ? order by id")
                .param(String.valueOf(id)).query(String.class).list().getFirst())
                .contains("created review rule words “Refund, money back” for team");
    }

    @Test
    void customerAndOrganizationRulesNameExistingOnes() {
        String token = admin();
        Customers.CustomerView member = customers.create(new Customers.NewCustomer("Org Member",
                List.of(TestData.unique("member") + "@example.test"), "en", TestData.unique("Org"), null, null));
        long organization = member.organizationId();
        JsonNode org = create(token, body("kind", "organization", "target", organization, "team", data.team("org").id()));
        assertThat(org.get("target").asLong()).isEqualTo(organization);
        JsonNode customer = create(token, body("kind", "customer", "target", member.id(), "team", data.team("cust").id()));
        assertThat(customer.get("kind").asString()).isEqualTo("customer");
    }

    @Test
    void badInputIsAFieldErrorAndChangesNothing() {
        String token = admin();
        long before = count();
        long unknown = 999_999_999L;
        Map<Map<String, Object>, String> cases = Map.of(
                body("kind", "weather", "words", List.of("x")), "kind",
                body("words", List.of("x")), "kind",
                body("kind", "category"), "target",
                body("kind", "category", "target", unknown), "target",
                body("kind", "customer", "target", unknown), "target",
                body("kind", "organization", "target", unknown), "target",
                body("kind", "words", "words", List.of(" ")), "words",
                body("kind", "words", "words", List.of("ok", "x".repeat(ReviewRules.MAX_WORD + 1))), "words[1]",
                body("kind", "words", "words", List.of("refund"), "team", unknown), "team");
        cases.forEach((input, field) -> {
            var refused = api().post("/api/v1/review-rules").auth(token).json(input).send();
            assertThat(refused.status()).as(input + " " + refused.body()).isEqualTo(400);
            assertThat(refused.contentType()).startsWith("application/problem+json");
            assertThat(refused.json().get("errors").get(0).get("field").asString()).as(input.toString()).isEqualTo(field);
        });
        assertThat(count()).isEqualTo(before);

        JsonNode rule = create(token, body("kind", "words", "words", List.of("lawsuit"), "team", data.team("bad").id()));
        long id = rule.get("id").asLong();
        var refused = api().put("/api/v1/review-rules/" + id).auth(token).json(body("kind", "words", "words", List.of())).send();
        assertThat(refused.status()).isEqualTo(400);
        assertThat(api().get("/api/v1/review-rules/" + id).auth(token).send().json().get("words").get(0).asString()).isEqualTo("lawsuit");
        assertThat(audited(id)).isEqualTo(1);
        assertThat(api().put("/api/v1/review-rules/" + unknown).auth(token).json(body("kind", "words", "words", List.of("x")))
                .send().status()).isEqualTo(404);
    }

    @Test
    void agentsAndLeadsAreRefusedEverywhere() {
        TeamView team = data.team("denied");
        JsonNode rule = create(admin(), body("kind", "words", "words", List.of("lawsuit"), "team", team.id()));
        long id = rule.get("id").asLong();
        long before = count();
        for (Role role : List.of(Role.AGENT, Role.LEAD)) {
            TestAgent agent = data.agent(role, team);
            String token = bearer(data.apiToken(agent));
            assertThat(api().get("/api/v1/review-rules").auth(token).send().status()).as(role.name()).isEqualTo(403);
            assertThat(api().get("/api/v1/review-rules/" + id).auth(token).send().status()).isEqualTo(403);
            assertThat(api().post("/api/v1/review-rules").auth(token).json(body("kind", "words", "words", List.of("x"))).send()
                    .status()).isEqualTo(403);
            assertThat(api().put("/api/v1/review-rules/" + id).auth(token).json(body("kind", "words", "words", List.of("x"))).send()
                    .status()).isEqualTo(403);
            assertThat(api().delete("/api/v1/review-rules/" + id).auth(token).send().status()).isEqualTo(403);

            WebSession session = WebSession.signedIn(port, agent.email(), agent.password());
            assertThat(session.get("/admin/review-rules").status()).isEqualTo(403);
            assertThat(session.get("/admin/review-rules/new").status()).isEqualTo(403);
            assertThat(session.post("/admin/review-rules", "kind", "words", "words", "x").status()).isEqualTo(403);
            assertThat(session.post("/admin/review-rules/" + id + "/delete").status()).isEqualTo(403);
            assertThat(session.post("/admin/review-rules/" + id + "/active", "active", "false").status()).isEqualTo(403);
        }
        assertThat(count()).isEqualTo(before);
        assertThat(api().get("/api/v1/review-rules/" + id).auth(admin()).send().json().get("active").asBoolean()).isTrue();
        assertThat(api().get("/api/v1/review-rules").send().status()).as("signed out").isEqualTo(401);
    }

    @Test
    void theAdminPagesListCreateRefuseEditSwitchOffAndDelete() {
        TestAgent admin = data.agent(Role.ADMIN);
        TeamView team = data.team("pages");
        long category = categories.create(TestData.unique("Disputes")).id();
        WebSession session = WebSession.signedIn(port, admin.email(), admin.password());
        var list = session.get("/admin/review-rules");
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.body()).contains("id=\"tab-review-rules\"", "id=\"review-rule-new\"");
        var form = session.get("/admin/review-rules/new");
        assertThat(form.status()).isEqualTo(200);
        assertThat(form.body()).contains("id=\"review-rule-form\"", "name=\"_csrf\"", "for=\"review-rule-words\"");

        long before = count();
        var refused = session.post("/admin/review-rules", "kind", "category", "category", "", "team", String.valueOf(team.id()),
                "words", "kept text", "active", "true");
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body()).contains("Choose a category.", "kept text");
        assertThat(count()).isEqualTo(before);

        var created = session.post("/admin/review-rules", "kind", "words", "words", "chargeback\nhoàn tiền", "team",
                String.valueOf(team.id()), "active", "true", "category", String.valueOf(category));
        assertThat(created.status()).isEqualTo(302);
        long id = jdbc.sql("select max(id) from review_rule").query(Long.class).single();
        made.add(id);
        var after = session.get("/admin/review-rules");
        assertThat(after.body()).contains("Review rule " + id + " created.", "id=\"review-rule-" + id + "\"",
                "chargeback, hoàn tiền");

        var edit = session.get("/admin/review-rules/" + id);
        assertThat(edit.status()).isEqualTo(200);
        assertThat(edit.body()).contains("chargeback\nhoàn tiền");
        var saved = session.post("/admin/review-rules/" + id, "kind", "category", "category", String.valueOf(category),
                "team", "", "active", "true");
        assertThat(saved.status()).isEqualTo(302);
        assertThat(session.get("/admin/review-rules").body()).contains("Review rule " + id + " saved.");
        ReviewRule rule = jdbc.sql("select kind, target_id, team_id from review_rule where id = ?").param(id)
                .query((rs, n) -> new ReviewRule(id, ReviewRuleKind.valueOf(rs.getString(1)), rs.getObject(2, Long.class),
                        List.of(), rs.getObject(3, Long.class), true, null, null, null, null)).single();
        assertThat(rule.kind()).isEqualTo(ReviewRuleKind.CATEGORY);
        assertThat(rule.targetId()).isEqualTo(category);
        assertThat(rule.teamId()).isNull();

        assertThat(session.post("/admin/review-rules/" + id + "/active", "active", "false").status()).isEqualTo(302);
        assertThat(session.get("/admin/review-rules").body()).contains("Review rule " + id + " switched off.");
        assertThat(jdbc.sql("select active from review_rule where id = ?").param(id).query(Boolean.class).single()).isFalse();
        assertThat(session.post("/admin/review-rules/" + id + "/delete").status()).isEqualTo(302);
        assertThat(jdbc.sql("select count(*) from review_rule where id = ?").param(id).query(Long.class).single()).isZero();
        assertThat(session.get("/admin/review-rules/" + id).status()).isEqualTo(404);
        assertThat(audited(id)).isEqualTo(4);
    }

    @Test
    void thePagesSpeakFrench() {
        TestAgent admin = data.agent(Role.ADMIN, "fr");
        WebSession session = WebSession.signedIn(port, admin.email(), admin.password());
        assertThat(session.get("/admin/review-rules").body()).contains("Règles de relecture");
        var refused = session.post("/admin/review-rules", "kind", "words", "words", "");
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body()).contains("Saisissez au moins un mot ou une expression.");
    }

    @Test
    void theEvaluationReadsTheStoredRulesInOneStatement() throws Exception {
        String token = admin();
        TeamView team = data.team("eval");
        TeamView other = data.team("eval-other");
        long category = categories.create(TestData.unique("Chargebacks")).id();
        Customers.CustomerView member = customers.create(new Customers.NewCustomer("Eval Member",
                List.of(TestData.unique("eval") + "@example.test"), "en", TestData.unique("EvalOrg"), null, null));
        create(token, body("kind", "category", "target", category, "team", team.id()));
        create(token, body("kind", "words", "words", List.of("Rückerstattung", "luật sư"), "team", team.id()));
        create(token, body("kind", "words", "words", List.of("zz-never"), "team", team.id(), "active", false));
        create(token, body("kind", "customer", "target", member.id(), "team", other.id()));
        HoldFacts reply = new HoldFacts(1, team.id(), category, member.id(), 2,
                "Die RUECKERSTATTUNG kommt; mon LUAT SU aussi. zz-never");

        List<List<String>> reasons = new ArrayList<>();
        StatementLedger.Tally tally = StatementLedger.count(() -> reasons.add(evaluation.reasons(reply)));
        assertThat(reasons.getFirst()).containsExactly("category", "words:Rückerstattung,luật sư");
        assertThat(tally.statements()).as(tally.toString()).isEqualTo(1);

        create(token, body("kind", "organization", "target", member.organizationId(), "team", team.id()));
        reasons.clear();
        tally = StatementLedger.count(() -> reasons.add(evaluation.reasons(reply)));
        assertThat(reasons.getFirst()).containsExactly("category", "organization", "words:Rückerstattung,luật sư");
        assertThat(tally.statements()).as("the organization asked once more").isEqualTo(2);

        HoldFacts otherTeam = new HoldFacts(1, other.id(), category, member.id(), 2, "Rückerstattung");
        assertThat(evaluation.reasons(otherTeam)).containsExactly("customer");
    }
}
