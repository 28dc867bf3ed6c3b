package org.regard.procedures;

import org.junit.jupiter.api.Test;
import org.regard.accounts.Role;
import org.regard.accounts.TeamView;
import org.regard.api.ApiClient;
import org.regard.support.IntegrationTest;
import org.regard.support.TestData;
import org.regard.support.TestData.TestAgent;
import org.regard.support.WebSession;
import org.regard.tickets.Categories;
import org.regard.tickets.ReplyTemplates;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.regard.api.ApiClient.bearer;

/** The team's manual over real HTTP: who writes it, versions and their step keys, reading it in one's language. */
@IntegrationTest
class ProceduresIntegrationTest {
    @LocalServerPort
    int port;
    @Autowired
    TestData data;
    @Autowired
    Categories categories;
    @Autowired
    ReplyTemplates templates;
    @Autowired
    JdbcClient jdbc;

    @Test
    void aLeadPublishesForTheirTeamAndTheNextVersionKeepsTheStepKeys() {
        TeamView team = data.team("proc");
        TestAgent lead = data.agent(Role.LEAD, team);
        long category = categories.create(TestData.unique("Refunds")).id();
        long template = templates.create(new ReplyTemplates.TemplateChanges(TestData.unique("Refund done"), null, "en",
                Map.of("en", "Your refund is on its way.")), data.agent(Role.ADMIN).principal()).id();
        ApiClient api = new ApiClient(port);
        String token = bearer(data.apiToken(lead));

        Map<String, Object> check = step(null, "Check the order", true);
        Map<String, Object> refund = step(null, "Refund the amount", true);
        refund.put("template", template);
        refund.put("fieldType", "number");
        refund.put("fieldLabels", Map.of("en", "Amount refunded"));
        var created = api.post("/api/v1/procedures").auth(token).json(body(team.id(), List.of(category), check, refund)).send();

        assertThat(created.status()).as(created.body()).isEqualTo(201);
        long id = created.json().get("id").asLong();
        assertThat(created.header("Location")).hasValue("/api/v1/procedures/" + id);
        JsonNode first = created.json().get("current");
        assertThat(first.get("number").asInt()).isEqualTo(1);
        assertThat(keys(first)).containsExactly("s1", "s2");
        assertThat(first.get("steps").get(1).get("template").asLong()).isEqualTo(template);
        assertThat(first.get("steps").get(1).get("fieldType").asString()).isEqualTo("number");
        assertThat(first.get("publishedBy").asLong()).isEqualTo(lead.id());

        // version 2: the refund first, the check second, a new step between them, by their keys
        Map<String, Object> refundAgain = step("s2", "Refund the amount in full", true);
        Map<String, Object> ask = step(null, "Ask whether a voucher would do", false);
        Map<String, Object> checkAgain = step("s1", "Check the order", true);
        Map<String, Object> next = body(null, List.of(category), refundAgain, ask, checkAgain);
        next.put("basedOn", 1);
        var published = api.post("/api/v1/procedures/" + id + "/versions").auth(token).json(next).send();

        assertThat(published.status()).as(published.body()).isEqualTo(201);
        assertThat(published.header("Location")).hasValue("/api/v1/procedures/" + id + "/versions/2");
        assertThat(published.json().get("number").asInt()).isEqualTo(2);
        assertThat(keys(published.json())).containsExactly("s2", "s3", "s1");
        var procedure = api.get("/api/v1/procedures/" + id).auth(token).send().json();
        assertThat(procedure.get("versions")).extracting(v -> v.get("number").asInt()).containsExactly(1, 2);
        assertThat(procedure.get("current").get("number").asInt()).isEqualTo(2);
        // version 1 is as it was published
        var old = api.get("/api/v1/procedures/" + id + "/versions/1").auth(token).send();
        assertThat(old.status()).isEqualTo(200);
        assertThat(old.json().get("steps").get(1).get("texts").get("en").asString()).isEqualTo("Refund the amount");
        assertThat(keys(old.json())).containsExactly("s1", "s2");
        // a third version sent from version 1 is refused: someone published meanwhile
        assertThat(api.post("/api/v1/procedures/" + id + "/versions").auth(token).json(next).send().status()).isEqualTo(409);
        assertThat(jdbc.sql("select count(*) from audit_entry where target_type = 'procedure' and target_id = ?")
                .param(String.valueOf(id)).query(Long.class).single()).isEqualTo(2);
    }

    @Test
    void onlyAdministratorsAndTheTeamsLeadsWriteWhileEveryAgentReads() {
        TeamView team = data.team("proc");
        TeamView other = data.team("proc");
        TestAgent lead = data.agent(Role.LEAD, team);
        TestAgent agent = data.agent(Role.AGENT, team);
        TestAgent admin = data.agent(Role.ADMIN);
        long category = categories.create(TestData.unique("Returns")).id();
        ApiClient api = new ApiClient(port);

        var forOther = api.post("/api/v1/procedures").auth(bearer(data.apiToken(lead)))
                .json(body(other.id(), List.of(category), step(null, "Do it", true))).send();
        assertThat(forOther.status()).as(forOther.body()).isEqualTo(403);
        assertThat(forOther.contentType()).startsWith("application/problem+json");
        String agentToken = bearer(data.apiToken(agent));
        assertThat(api.post("/api/v1/procedures").auth(agentToken)
                .json(body(team.id(), List.of(category), step(null, "Do it", true))).send().status()).isEqualTo(403);

        var byAdmin = api.post("/api/v1/procedures").auth(bearer(data.apiToken(admin)))
                .json(body(other.id(), List.of(category), step(null, "Do it", true))).send();
        assertThat(byAdmin.status()).as(byAdmin.body()).isEqualTo(201);
        long id = byAdmin.json().get("id").asLong();
        assertThat(api.post("/api/v1/procedures/" + id + "/versions").auth(agentToken)
                .json(body(null, List.of(category), step("s1", "Do it now", true))).send().status()).isEqualTo(403);
        assertThat(api.post("/api/v1/procedures/" + id + "/versions").auth(bearer(data.apiToken(lead)))
                .json(body(null, List.of(category), step("s1", "Do it now", true))).send().status()).isEqualTo(403);
        assertThat(api.get("/api/v1/procedures/" + id).auth(agentToken).send().status()).isEqualTo(200);
        assertThat(api.get("/api/v1/procedures").auth(agentToken).send().json())
                .extracting(p -> p.get("id").asLong()).contains(id);
        assertThat(api.get("/api/v1/procedures/" + Long.MAX_VALUE).auth(agentToken).send().status()).isEqualTo(404);
        assertThat(api.get("/api/v1/procedures/" + id + "/versions/9").auth(agentToken).send().status()).isEqualTo(404);
        // nobody signed in reads nothing
        assertThat(api.get("/api/v1/procedures/" + id).send().status()).isEqualTo(401);
        var anonymous = WebSession.anonymous(port).get("/procedures/" + id);
        assertThat(anonymous.status()).isEqualTo(302);
        assertThat(anonymous.location()).contains("/login");

        // the pages: the agent reads, sees no way to write, and is refused if they try
        WebSession session = WebSession.signedIn(port, agent.email(), agent.password());
        var page = session.get("/procedures/" + id);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("Do it").doesNotContain("procedure-edit");
        assertThat(session.get("/procedures").body()).contains("href=\"/procedures\"").doesNotContain("procedure-new");
        assertThat(session.get("/procedures/new").status()).isEqualTo(403);
        assertThat(session.get("/procedures/" + id + "/edit").status()).isEqualTo(403);
        assertThat(session.post("/procedures", formFields(team.id(), category, "Mine")).status()).isEqualTo(403);
        assertThat(session.post("/procedures/" + id, formFields(team.id(), category, "Mine")).status()).isEqualTo(403);
        // the lead of another team sees no edit link on this procedure and cannot open its form
        WebSession leadSession = WebSession.signedIn(port, lead.email(), lead.password());
        assertThat(leadSession.get("/procedures/" + id).body()).doesNotContain("procedure-edit");
        assertThat(leadSession.get("/procedures/" + id + "/edit").status()).isEqualTo(403);
    }

    @Test
    void badInputIsRefusedNamingTheField() {
        TeamView team = data.team("proc");
        TestAgent lead = data.agent(Role.LEAD, team);
        long category = categories.create(TestData.unique("Exchanges")).id();
        ApiClient api = new ApiClient(port);
        String token = bearer(data.apiToken(lead));

        assertThat(refusedField(api, token, body(team.id(), List.of(category)))).isEqualTo("steps");
        assertThat(refusedField(api, token, body(team.id(), List.of(Long.MAX_VALUE), step(null, "A", true)))).isEqualTo("categories");
        assertThat(refusedField(api, token, body(team.id(), List.of(), step(null, "A", true)))).isEqualTo("categories");
        Map<String, Object> withTemplate = step(null, "A", true);
        withTemplate.put("template", Long.MAX_VALUE);
        assertThat(refusedField(api, token, body(team.id(), List.of(category), withTemplate))).isEqualTo("steps[0].template");
        Map<String, Object> withType = step(null, "A", true);
        withType.put("fieldType", "colour");
        withType.put("fieldLabels", Map.of("en", "Colour"));
        assertThat(refusedField(api, token, body(team.id(), List.of(category), withType))).isEqualTo("steps[0].fieldType");
        Map<String, Object> spanish = body(team.id(), List.of(category), step(null, "A", true));
        spanish.put("titles", Map.of("en", "Exchange", "es", "Cambio"));
        assertThat(refusedField(api, token, spanish)).isEqualTo("titles");
        Map<String, Object> longTitle = body(team.id(), List.of(category), step(null, "A", true));
        longTitle.put("titles", Map.of("en", "T".repeat(201)));
        assertThat(refusedField(api, token, longTitle)).isEqualTo("titles.en");
        assertThat(refusedField(api, token, body(team.id(), List.of(category), step(null, "x".repeat(2001), true))))
                .isEqualTo("steps[0].texts.en");
        List<Map<String, Object>> many = new ArrayList<>();
        for (int i = 0; i < 51; i++) {
            many.add(step(null, "Step " + i, true));
        }
        Map<String, Object> tooMany = body(team.id(), List.of(category));
        tooMany.put("steps", many);
        assertThat(refusedField(api, token, tooMany)).isEqualTo("steps");
        // nothing was kept of all this
        assertThat(jdbc.sql("select count(*) from team_procedure where team_id = ?").param(team.id()).query(Long.class).single()).isZero();

        var created = api.post("/api/v1/procedures").auth(token).json(body(team.id(), List.of(category), step(null, "A", true))).send();
        long id = created.json().get("id").asLong();
        var unknownKey = api.post("/api/v1/procedures/" + id + "/versions").auth(token)
                .json(body(null, List.of(category), step("s7", "A", true))).send();
        assertThat(unknownKey.status()).isEqualTo(400);
        assertThat(unknownKey.json().get("errors").get(0).get("field").asString()).isEqualTo("steps[0].key");
    }

    @Test
    void aCategoryHasAtMostOneProcedurePerTeam() {
        TeamView team = data.team("proc");
        TeamView other = data.team("proc");
        TestAgent admin = data.agent(Role.ADMIN);
        long category = categories.create(TestData.unique("Damaged")).id();
        long free = categories.create(TestData.unique("Lost")).id();
        ApiClient api = new ApiClient(port);
        String token = bearer(data.apiToken(admin));
        var first = api.post("/api/v1/procedures").auth(token).json(body(team.id(), List.of(category), step(null, "A", true))).send();
        assertThat(first.status()).isEqualTo(201);

        var clash = api.post("/api/v1/procedures").auth(token).json(body(team.id(), List.of(free, category), step(null, "B", true))).send();
        assertThat(clash.status()).as(clash.body()).isEqualTo(409);
        assertThat(clash.json().get("errors").get(0).get("field").asString()).isEqualTo("categories");
        // another team may have its own procedure for the category
        assertThat(api.post("/api/v1/procedures").auth(token).json(body(other.id(), List.of(category), step(null, "C", true)))
                .send().status()).isEqualTo(201);
        // a second procedure of the team for another category, which then tries to take the first one's
        var second = api.post("/api/v1/procedures").auth(token).json(body(team.id(), List.of(free), step(null, "D", true))).send();
        assertThat(second.status()).isEqualTo(201);
        var taking = api.post("/api/v1/procedures/" + second.json().get("id").asLong() + "/versions").auth(token)
                .json(body(null, List.of(free, category), step("s1", "D", true))).send();
        assertThat(taking.status()).isEqualTo(409);

        // on the page, the form comes back with the clash beside the categories
        TestAgent lead = data.agent(Role.LEAD, team);
        WebSession session = WebSession.signedIn(port, lead.email(), lead.password());
        session.get("/procedures/new");
        var refused = session.post("/procedures", formFields(team.id(), category, "Broken parcel"));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body()).contains("already has a procedure of this team").contains("value=\"Broken parcel\"");
    }

    @Test
    void aLeadWritesThroughTheFormAndAFrenchAgentReadsItWithTheFallbackMarked() {
        TeamView team = data.team("proc");
        TestAgent lead = data.agent(Role.LEAD, team);
        TestAgent french = data.agent(Role.AGENT, "fr", team);
        long category = categories.create(TestData.unique("Delivery")).id();
        WebSession session = WebSession.signedIn(port, lead.email(), lead.password());
        assertThat(session.get("/procedures").body()).contains("procedure-new");
        assertThat(session.get("/procedures/new").status()).isEqualTo(200);

        // no steps at all: the form comes back with what was typed
        var empty = session.post("/procedures", "team", String.valueOf(team.id()), "sourceLanguage", "en", "gate", "block",
                "categories", String.valueOf(category), "title_en", "Late delivery", "title_fr", "Livraison en retard",
                "stepCount", "1", "step0_text_en", "", "step0_required", "on");
        assertThat(empty.status()).isEqualTo(400);
        assertThat(empty.body()).contains("Write at least one step.").contains("value=\"Late delivery\"")
                .contains("value=\"Livraison en retard\"");
        // more step blocks without script: the form again, as typed, with three more blocks
        var more = session.post("/procedures", "team", String.valueOf(team.id()), "sourceLanguage", "en", "title_en", "Late delivery",
                "stepCount", "2", "step0_text_en", "Kept", "more", "1");
        assertThat(more.status()).isEqualTo(200);
        assertThat(more.body()).contains("step-block-4").doesNotContain("step-block-5").contains(">Kept</textarea>");

        // a blank block between two steps is left out
        var created = session.post("/procedures", "team", String.valueOf(team.id()), "sourceLanguage", "en", "gate", "block",
                "categories", String.valueOf(category), "title_en", "Late delivery", "title_fr", "Livraison en retard",
                "when_en", "The parcel is late.", "stepCount", "3",
                "step0_text_en", "Look up the tracking number", "step0_text_fr", "Chercher le numéro de suivi", "step0_required", "on",
                "step0_fieldType", "text", "step0_label_en", "Tracking number", "step0_label_fr", "Numéro de suivi",
                "step1_text_en", "", "step1_required", "on",
                "step2_text_en", "Tell the customer when it arrives", "step2_after", "on");
        assertThat(created.status()).as(created.body()).isEqualTo(302);
        String path = created.redirectPath();
        assertThat(path).matches("/procedures/\\d+");
        var shown = session.get(path);
        assertThat(shown.body()).contains("Version 1 published.").contains("procedure-edit")
                .contains("Look up the tracking number").contains("Tell the customer when it arrives");
        assertThat(shown.count("<li id=\"step-s")).isEqualTo(2);

        WebSession reader = WebSession.signedIn(port, french.email(), french.password(), "fr");
        var page = reader.get(path);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("Livraison en retard").contains("Chercher le numéro de suivi")
                .contains("Numéro de suivi")
                // the second step and "when it applies" have no French text: shown in English, and said so
                .contains("Tell the customer when it arrives").contains("The parcel is late.")
                .contains("Affiché en anglais : pas encore de texte en français.")
                .contains("Obligatoire").contains("Seulement après l’étape précédente").contains("empêche la clôture");
        assertThat(page.count("Affiché en anglais")).isEqualTo(2);
        assertThat(reader.get("/procedures").body()).contains("Livraison en retard").contains("Procédures");

        // the lead publishes version 2 through the edit form; the step keys stay
        var edit = session.get(path + "/edit");
        assertThat(edit.status()).isEqualTo(200);
        assertThat(edit.body()).contains("value=\"s1\"").contains("value=\"s2\"");
        var second = session.post(path, "basedOn", "1", "sourceLanguage", "en", "gate", "warn",
                "categories", String.valueOf(category), "title_en", "Late delivery", "stepCount", "3",
                "step0_key", "s2", "step0_text_en", "Tell the customer when it arrives",
                "step1_key", "s1", "step1_text_en", "Look up the tracking number again", "step1_required", "on",
                "step2_text_en", "Offer a discount");
        assertThat(second.status()).as(second.body()).isEqualTo(302);
        var v2 = session.get(path).body();
        assertThat(v2).contains("id=\"step-s2\"").contains("id=\"step-s1\"").contains("id=\"step-s3\"")
                .contains("Look up the tracking number again");
        assertThat(v2.indexOf("id=\"step-s2\"")).isLessThan(v2.indexOf("id=\"step-s1\""));
        var v1 = session.get(path + "?version=1");
        assertThat(v1.body()).contains("You are reading version 1").contains(">Look up the tracking number<")
                .doesNotContain("Offer a discount");
    }

    private static String refusedField(ApiClient api, String token, Map<String, Object> body) {
        var reply = api.post("/api/v1/procedures").auth(token).json(body).send();
        assertThat(reply.status()).as(reply.body()).isEqualTo(400);
        assertThat(reply.contentType()).startsWith("application/problem+json");
        return reply.json().get("errors").get(0).get("field").asString();
    }

    private static List<String> keys(JsonNode version) {
        List<String> keys = new ArrayList<>();
        version.get("steps").forEach(s -> keys.add(s.get("key").asString()));
        return keys;
    }

    @SafeVarargs
    private static Map<String, Object> body(Long team, List<Long> categories, Map<String, Object>... steps) {
        Map<String, Object> body = new LinkedHashMap<>();
        if (team != null) {
            body.put("team", team);
        }
        body.put("categories", categories);
        body.put("sourceLanguage", "en");
        body.put("gate", "warn");
        body.put("titles", Map.of("en", TestData.unique("Procedure")));
        body.put("steps", List.of(steps));
        return body;
    }

    private static Map<String, Object> step(String key, String text, boolean required) {
        Map<String, Object> step = new LinkedHashMap<>();
        if (key != null) {
            step.put("key", key);
        }
        step.put("texts", Map.of("en", text));
        step.put("required", required);
        return step;
    }

    private static String[] formFields(long team, long category, String title) {
        return new String[]{"team", String.valueOf(team), "sourceLanguage", "en", "gate", "warn", "categories",
                String.valueOf(category), "title_en", title, "stepCount", "1", "step0_text_en", "Do it", "step0_required", "on"};
    }
}
