package org.regard.procedures;

import org.junit.jupiter.api.Test;
import org.regard.accounts.Actor;
import org.regard.accounts.Role;
import org.regard.accounts.TeamView;
import org.regard.api.ApiClient;
import org.regard.support.IntegrationTest;
import org.regard.support.TestData;
import org.regard.support.TestData.TestAgent;
import org.regard.support.TicketFixtures;
import org.regard.support.WebSession;
import org.regard.tickets.Categories;
import org.regard.tickets.Tickets;
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

/** Moving open tickets that follow an older version of a procedure to the current one, over real HTTP. */
@IntegrationTest
class ProcedureMovesIntegrationTest {
    @LocalServerPort
    int port;
    @Autowired
    TestData data;
    @Autowired
    Categories categories;
    @Autowired
    Tickets tickets;
    @Autowired
    JdbcClient jdbc;

    /** A team, its lead and agent, a category whose procedure has version 1: check (s1), call (s2), refund (s3). */
    record Desk(TeamView team, TestAgent lead, TestAgent agent, long category, long procedure) {
    }

    private Desk desk() {
        TeamView team = data.team("moves");
        TestAgent lead = data.agent(Role.LEAD, team);
        TestAgent agent = data.agent(Role.AGENT, team);
        long category = categories.create(TestData.unique("Returns")).id();
        Map<String, Object> body = body(category, step(null, "Check the order"), step(null, "Call the customer"),
                step(null, "Refund the amount"));
        body.put("team", team.id());
        var created = api().post("/api/v1/procedures").auth(bearer(data.apiToken(lead))).json(body).send();
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return new Desk(team, lead, agent, category, created.json().get("id").asLong());
    }

    /** Version 2: keeps s1 and s3, drops s2 (the call), adds a step. */
    private void publishSecond(Desk desk) {
        Map<String, Object> next = body(desk.category(), step("s1", "Check the order"), step("s3", "Refund the amount"),
                step(null, "Thank the customer"));
        next.put("basedOn", 1);
        var published = api().post("/api/v1/procedures/" + desk.procedure() + "/versions").auth(bearer(data.apiToken(desk.lead())))
                .json(next).send();
        assertThat(published.status()).as(published.body()).isEqualTo(201);
    }

    /** A ticket of the desk's category that has shown its checklist (so it follows the current version). */
    private long ticket(Desk desk) {
        long customer = data.customer("Moved Customer").id();
        long id = tickets.open(TicketFixtures.aNewTicket().forCustomer(customer).inTeam(desk.team().id())
                .inCategory(desk.category()).command(), Actor.SYSTEM).ticketId();
        assertThat(checklist(desk, id).get("version").asInt()).isPositive();
        return id;
    }

    private JsonNode checklist(Desk desk, long ticket) {
        var got = api().get("/api/v1/tickets/" + ticket + "/checklist").auth(bearer(data.apiToken(desk.agent()))).send();
        assertThat(got.status()).as(got.body()).isEqualTo(200);
        return got.json();
    }

    @Test
    void theLeadSeesTheTicketOnTheOldVersionAndMovesItKeepingTheStepsStillThere() {
        Desk desk = desk();
        long ticket = ticket(desk);
        WebSession agent = WebSession.signedIn(port, desk.agent().email(), desk.agent().password());
        assertThat(agent.post("/tickets/" + ticket + "/checklist/steps/s1", "done", "true").status()).isEqualTo(302);
        assertThat(agent.post("/tickets/" + ticket + "/checklist/steps/s2", "done", "true").status()).isEqualTo(302);
        publishSecond(desk);
        long current = ticket(desk);

        WebSession lead = WebSession.signedIn(port, desk.lead().email(), desk.lead().password());
        var page = lead.get("/procedures/" + desk.procedure());
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("id=\"procedure-moves\"", "id=\"procedure-behind-" + ticket + "\"",
                "href=\"/tickets/" + ticket + "\"", "Move to version 2", "id=\"procedure-move-all\"", "name=\"_csrf\"");
        // a ticket already on version 2 is not listed
        assertThat(page.body()).doesNotContain("id=\"procedure-behind-" + current + "\"");
        assertThat(page.find("id=\"procedure-behind-" + ticket + "\"([\\s\\S]*?)</tr>").orElseThrow()).contains("Version 1");

        var moved = lead.post("/procedures/" + desk.procedure() + "/moves", "ticket", String.valueOf(ticket));
        assertThat(moved.status()).isEqualTo(302);
        assertThat(moved.redirectPath()).isEqualTo("/procedures/" + desk.procedure());
        var after = lead.get("/procedures/" + desk.procedure());
        assertThat(after.body()).contains("1 ticket moved to version 2.").doesNotContain("id=\"procedure-moves\"");

        JsonNode list = checklist(desk, ticket);
        assertThat(list.get("version").asInt()).isEqualTo(2);
        List<String> keys = new ArrayList<>();
        list.get("steps").forEach(s -> keys.add(s.get("key").asString()));
        assertThat(keys).containsExactly("s1", "s3", "s4");
        assertThat(list.get("steps").get(0).get("done").asBoolean()).isTrue();
        assertThat(list.get("steps").get(1).get("done").asBoolean()).isFalse();
        // the page's checklist says the same
        var fragment = agent.htmxGet("/tickets/" + ticket + "/checklist");
        assertThat(tag(fragment.body(), "checklist-done-s1")).contains("checked");
        assertThat(fragment.body()).doesNotContain("Call the customer");
        // the tick of the dropped step stays as history; the move is recorded
        assertThat(jdbc.sql("select count(*) from ticket_step_mark where ticket_id = ? and step_key = 's2'").param(ticket)
                .query(Long.class).single()).isEqualTo(1);
        Map<String, Object> move = jdbc.sql("select from_version, to_version, moved_by from ticket_procedure_move where ticket_id = ?")
                .param(ticket).query().singleRow();
        assertThat(move.values().stream().map(v -> ((Number) v).longValue()).toList())
                .containsExactly(1L, 2L, desk.lead().id());
        assertThat(jdbc.sql("select count(*) from audit_entry where target_type = 'procedure' and target_id = ? and details like ?")
                .params(String.valueOf(desk.procedure()), "moved 1 ticket to version 2%").query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void moveAllMovesEveryOpenTicketOnAnOlderVersionButNotResolvedOnes() {
        Desk desk = desk();
        long first = ticket(desk);
        long second = ticket(desk);
        long resolved = ticket(desk);
        var patched = api().patch("/api/v1/tickets/" + resolved).auth(bearer(data.apiToken(desk.agent())))
                .json(Map.of("status", "resolved")).send();
        assertThat(patched.status()).as(patched.body()).isEqualTo(200);
        publishSecond(desk);

        // a French-speaking lead of the team
        TestAgent french = data.agent(Role.LEAD, "fr", desk.team());
        WebSession lead = WebSession.signedIn(port, french.email(), french.password(), "fr");
        var page = lead.get("/procedures/" + desk.procedure());
        assertThat(page.body()).contains("Tickets sur une ancienne version", "Passer les 2 à la version 2");
        assertThat(page.body()).contains("id=\"procedure-behind-" + first + "\"", "id=\"procedure-behind-" + second + "\"")
                .doesNotContain("id=\"procedure-behind-" + resolved + "\"");
        var moved = lead.post("/procedures/" + desk.procedure() + "/moves");
        assertThat(moved.status()).isEqualTo(302);
        assertThat(lead.get("/procedures/" + desk.procedure()).body()).contains("2 tickets passés à la version 2.");
        assertThat(pinned(first)).isEqualTo(2);
        assertThat(pinned(second)).isEqualTo(2);
        assertThat(pinned(resolved)).isEqualTo(1);
    }

    @Test
    void aPlainAgentNeitherSeesTheSectionNorMoves() {
        Desk desk = desk();
        long ticket = ticket(desk);
        publishSecond(desk);
        WebSession agent = WebSession.signedIn(port, desk.agent().email(), desk.agent().password());
        var page = agent.get("/procedures/" + desk.procedure());
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).doesNotContain("procedure-moves").doesNotContain("procedure-behind-");
        assertThat(agent.post("/procedures/" + desk.procedure() + "/moves").status()).isEqualTo(403);
        assertThat(agent.post("/procedures/" + desk.procedure() + "/moves", "ticket", String.valueOf(ticket)).status()).isEqualTo(403);
        var api = api().post("/api/v1/procedures/" + desk.procedure() + "/moves").auth(bearer(data.apiToken(desk.agent())))
                .json(Map.of()).send();
        assertThat(api.status()).isEqualTo(403);
        assertThat(api.contentType()).startsWith("application/problem+json");
        assertThat(pinned(ticket)).isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from ticket_procedure_move where ticket_id = ?").param(ticket)
                .query(Long.class).single()).isZero();
    }

    @Test
    void theApiMovesTheNamedTicketsOrAllAndSaysWhich() {
        Desk desk = desk();
        long first = ticket(desk);
        long second = ticket(desk);
        long third = ticket(desk);
        publishSecond(desk);
        String token = bearer(data.apiToken(desk.lead()));
        String path = "/api/v1/procedures/" + desk.procedure() + "/moves";

        var named = api().post(path).auth(token).json(Map.of("tickets", List.of(first, 999_999_999L))).send();
        assertThat(named.status()).as(named.body()).isEqualTo(200);
        assertThat(ids(named.json().get("moved"))).containsExactly(first);
        assertThat(named.json().get("toVersion").asInt()).isEqualTo(2);
        assertThat(pinned(second)).isEqualTo(1);

        var all = api().post(path).auth(token).json(Map.of()).send();
        assertThat(all.status()).as(all.body()).isEqualTo(200);
        assertThat(ids(all.json().get("moved"))).containsExactly(second, third);

        var again = api().post(path).auth(bearer(data.apiToken(data.agent(Role.ADMIN)))).send();
        assertThat(again.status()).as(again.body()).isEqualTo(200);
        assertThat(ids(again.json().get("moved"))).isEmpty();
        assertThat(api().post("/api/v1/procedures/999999999/moves").auth(token).json(Map.of()).send().status()).isEqualTo(404);
    }

    private ApiClient api() {
        return new ApiClient(port);
    }

    private int pinned(long ticket) {
        return jdbc.sql("select version_no from ticket_procedure where ticket_id = ?").param(ticket).query(Integer.class).single();
    }

    private static List<Long> ids(JsonNode array) {
        List<Long> ids = new ArrayList<>();
        array.forEach(n -> ids.add(n.asLong()));
        return ids;
    }

    /** The opening tag of the element of this id. */
    private static String tag(String html, String id) {
        int at = html.indexOf("id=\"" + id + "\"");
        assertThat(at).as("element " + id).isNotNegative();
        return html.substring(html.lastIndexOf('<', at), html.indexOf('>', at) + 1);
    }

    private static Map<String, Object> body(long category, Map<String, Object>... steps) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("categories", List.of(category));
        body.put("sourceLanguage", "en");
        body.put("titles", Map.of("en", TestData.unique("Returns procedure")));
        body.put("steps", List.of(steps));
        return body;
    }

    private static Map<String, Object> step(String key, String text) {
        Map<String, Object> step = new LinkedHashMap<>();
        if (key != null) {
            step.put("key", key);
        }
        step.put("texts", Map.of("en", text));
        step.put("required", false);
        step.put("afterPrevious", false);
        return step;
    }
}
