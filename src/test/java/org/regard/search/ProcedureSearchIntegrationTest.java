package org.regard.search;

import org.junit.jupiter.api.Test;
import org.regard.accounts.Role;
import org.regard.accounts.TeamView;
import org.regard.api.ApiClient;
import org.regard.support.IntegrationTest;
import org.regard.support.TestData;
import org.regard.support.TestData.TestAgent;
import org.regard.support.WebSession;
import org.regard.tickets.Categories;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.regard.api.ApiClient.bearer;

/** The search box and the search API find procedures, for every agent, by any of their texts in any language. */
@IntegrationTest
class ProcedureSearchIntegrationTest {
    @LocalServerPort
    int port;
    @Autowired
    TestData data;
    @Autowired
    Categories categories;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ProcedureBackfill backfill;

    private static String word() {
        StringBuilder w = new StringBuilder("pq");
        for (int i = 0; i < 8; i++) {
            w.append((char) ('a' + ThreadLocalRandom.current().nextInt(26)));
        }
        return w.toString();
    }

    private ApiClient api() {
        return new ApiClient(port);
    }

    private Map<String, Object> body(long team, long category, String title, String frTitle, String when, String step) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("team", team);
        body.put("categories", List.of(category));
        body.put("sourceLanguage", "en");
        body.put("titles", Map.of("en", title, "fr", frTitle));
        body.put("appliesWhen", Map.of("de", when));
        body.put("steps", List.of(Map.of("texts", Map.of("en", step, "vi", "Kiểm tra đơn hàng"))));
        return body;
    }

    private List<JsonNode> hits(String token, String q, String type) {
        var found = api().get("/api/v1/search?q=" + URLEncoder.encode(q, StandardCharsets.UTF_8) + (type == null ? "" : "&type=" + type))
                .auth(bearer(token)).send();
        assertThat(found.status()).as(found.body()).isEqualTo(200);
        List<JsonNode> hits = new ArrayList<>();
        found.json().get("hits").forEach(hits::add);
        return hits;
    }

    private List<Long> procedureHits(String token, String q) {
        return hits(token, q, null).stream().filter(h -> h.get("type").asString().equals("procedure"))
                .map(h -> h.get("id").asLong()).toList();
    }

    @Test
    void everyAgentFindsAProcedureByItsTextsInAnyLanguageUntilItChangesOrRetires() {
        TeamView team = data.team("psearch");
        TestAgent lead = data.agent(Role.LEAD, team);
        TestAgent stranger = data.agent(Role.AGENT, data.team("psearch-other"));
        String agentToken = data.apiToken(stranger);
        String title = word();
        String fr = word();
        String when = word();
        String step = word();
        long category = categories.create(TestData.unique("Returns")).id();
        var created = api().post("/api/v1/procedures").auth(bearer(data.apiToken(lead)))
                .json(body(team.id(), category, "Refund " + title, "Remboursement " + fr + " rapide",
                        "Wenn die Rückerstattung " + when + " verlangt wird", "Check the order " + step)).send();
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        long id = created.json().get("id").asLong();

        // an agent of another team finds it by its title, the French title, the German "when" and a step
        for (String q : List.of(title, fr, when, step, "RUCKERSTATTUNG " + when, "remboursement " + fr)) {
            assertThat(procedureHits(agentToken, q)).as(q).containsExactly(id);
        }
        JsonNode hit = hits(agentToken, title, "procedure").getFirst();
        assertThat(hit.get("title").asString()).isEqualTo("Refund " + title);
        assertThat(hit.get("ticketId").isNull()).isTrue();
        assertThat(hit.get("teamId").asLong()).isEqualTo(team.id());
        assertThat(hits(agentToken, title, "ticket")).isEmpty();

        // the search page links the hit to the procedure's page
        WebSession page = WebSession.signedIn(port, stranger.email(), stranger.password());
        var results = page.get("/search?q=" + step);
        assertThat(results.status()).isEqualTo(200);
        assertThat(results.body()).contains("id=\"hit-procedure-" + id + "\"", "href=\"/procedures/" + id + "\"");

        // a new version replaces the document: its old words no longer find it
        String next = word();
        Map<String, Object> version = body(team.id(), category, "Refund " + title, "Remboursement " + fr, "Wenn", "Call " + next);
        version.remove("team");
        var published = api().post("/api/v1/procedures/" + id + "/versions").auth(bearer(data.apiToken(lead))).json(version).send();
        assertThat(published.status()).as(published.body()).isEqualTo(201);
        assertThat(procedureHits(agentToken, next)).containsExactly(id);
        assertThat(procedureHits(agentToken, step)).isEmpty();

        // retired: no longer offered
        assertThat(api().post("/api/v1/procedures/" + id + "/retire").auth(bearer(data.apiToken(lead))).send().status()).isEqualTo(200);
        assertThat(procedureHits(agentToken, title)).isEmpty();
    }

    @Test
    void proceduresPublishedBeforeSearchFoundThemAreIndexedAfterStart() {
        TeamView team = data.team("pbackfill");
        TestAgent lead = data.agent(Role.LEAD, team);
        String title = word();
        long category = categories.create(TestData.unique("Backfill")).id();
        var created = api().post("/api/v1/procedures").auth(bearer(data.apiToken(lead)))
                .json(body(team.id(), category, "Old " + title, "Ancienne", "Wenn", "Step")).send();
        long id = created.json().get("id").asLong();
        jdbc.sql("delete from search_document where kind = 'PROCEDURE' and ref_id = ?").param(id).update();
        String token = data.apiToken(data.agent(Role.AGENT, team));
        assertThat(procedureHits(token, title)).isEmpty();
        backfill.indexMissing();
        assertThat(procedureHits(token, title)).containsExactly(id);
        backfill.indexMissing();
        assertThat(jdbc.sql("select count(*) from search_document where kind = 'PROCEDURE' and ref_id = ?").param(id)
                .query(Long.class).single()).isEqualTo(1);
    }
}
