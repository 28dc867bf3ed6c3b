package org.regard.tickets;

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
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.regard.api.ApiClient.bearer;

/**
 * Touch budgets end to end: who sets them, what the ticket's touches say, the flag for a team lead and its view, the
 * root cause, and the migration's backfill of hand-offs and reopenings from a stored history.
 */
@IntegrationTest
class TouchBudgetIntegrationTest {
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

    record Desk(TeamView team, TestAgent lead, TestAgent agent, TestAgent colleague, long category) {
    }

    private ApiClient api() {
        return new ApiClient(port);
    }

    private Desk desk() {
        TeamView team = data.team("budget-desk");
        return new Desk(team, data.agent(Role.LEAD, team), data.agent(Role.AGENT, team), data.agent(Role.AGENT, team),
                categories.create(TestData.unique("Orders")).id());
    }

    private long ticket(Desk desk) {
        long customer = data.customer("Budget Customer").id();
        return tickets.open(TicketFixtures.aNewTicket().forCustomer(customer).inTeam(desk.team().id())
                .inCategory(desk.category()).command(), Actor.SYSTEM).ticketId();
    }

    private JsonNode read(long ticket, TestAgent as) {
        ApiClient.Reply reply = api().get("/api/v1/tickets/" + ticket).auth(bearer(data.apiToken(as))).send();
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        return reply.json();
    }

    @Test
    void leadsAndAdminsSetBudgetsPlainAgentsAreRefused() {
        Desk desk = desk();
        String path = "/api/v1/touch-budgets/categories/" + desk.category();
        ApiClient.Reply refused = api().put(path).auth(bearer(data.apiToken(desk.agent())))
                .json(Map.of("expectedTouches", 2, "alarmTouches", 6)).send();
        assertThat(refused.status()).isEqualTo(403);
        assertThat(api().put("/api/v1/touch-budgets/default").auth(bearer(data.apiToken(desk.agent())))
                .json(Map.of("expectedTouches", 2, "alarmTouches", 6)).send().status()).isEqualTo(403);
        assertThat(categories.category(desk.category()).orElseThrow().expectedTouches()).as("nothing changed").isNull();

        ApiClient.Reply bad = api().put(path).auth(bearer(data.apiToken(desk.lead())))
                .json(Map.of("expectedTouches", 4, "alarmTouches", 4)).send();
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.body()).contains("alarmTouches");

        ApiClient.Reply set = api().put(path).auth(bearer(data.apiToken(desk.lead())))
                .json(Map.of("expectedTouches", 2, "alarmTouches", 6)).send();
        assertThat(set.status()).as(set.body()).isEqualTo(200);
        assertThat(set.json().get("alarmTouches").asInt()).isEqualTo(6);

        TestAgent admin = data.agent(Role.ADMIN, desk.team());
        ApiClient.Reply patched = api().patch("/api/v1/categories/" + desk.category()).auth(bearer(data.apiToken(admin)))
                .json(Map.of("expectedTouches", 3, "alarmTouches", 7)).send();
        assertThat(patched.status()).as(patched.body()).isEqualTo(200);
        assertThat(patched.json().get("expectedTouches").asInt()).isEqualTo(3);
        assertThat(jdbc.sql("select count(*) from audit_entry where target_type = 'category' and target_id = ? and details like '%touch budget%'")
                .param(String.valueOf(desk.category())).query(Integer.class).single()).isEqualTo(2);

        Map<String, Object> none = new HashMap<>();
        none.put("expectedTouches", null);
        none.put("alarmTouches", null);
        Categories.DefaultBudget before = categories.defaultBudget();
        try {
            ApiClient.Reply defaults = api().put("/api/v1/touch-budgets/default").auth(bearer(data.apiToken(admin)))
                    .json(Map.of("expectedTouches", 3, "alarmTouches", 9)).send();
            assertThat(defaults.status()).as(defaults.body()).isEqualTo(200);
            JsonNode all = api().get("/api/v1/touch-budgets").auth(bearer(data.apiToken(desk.agent()))).send().json();
            assertThat(all.get("defaultBudget").get("alarmTouches").asInt()).isEqualTo(9);
        } finally {
            categories.defaultBudget(before.expectedTouches(), before.alarmTouches());
        }
    }

    @Test
    void touchesReachingTheAlarmFlagTheTicketForItsLeadWhoNotesTheRootCause() {
        Desk desk = desk();
        categories.budget(desk.category(), 2, 3);
        long ticket = ticket(desk);
        JsonNode first = read(ticket, desk.agent()).get("touches");
        assertThat(first.get("total").asInt()).isEqualTo(1);
        assertThat(first.get("expected").asInt()).isEqualTo(2);
        assertThat(first.get("alarm").asInt()).isEqualTo(3);
        assertThat(first.get("state").asString()).isEqualTo("within");

        tickets.customerWrote(ticket, "Still nothing.", Channel.EMAIL, null);
        tickets.customerWrote(ticket, "Hello?", Channel.EMAIL, null);
        JsonNode flagged = read(ticket, desk.agent());
        assertThat(flagged.get("touches").get("state").asString()).isEqualTo("alarm");
        assertThat(flagged.get("flag").asString()).isEqualTo("alarm");
        assertThat(flagged.get("status").asString()).as("a flag changes no status").isNotIn("resolved", "closed");
        assertThat(flagged.get("rootCause").isNull()).isTrue();

        String flaggedList = "/api/v1/tickets?view=flagged&limit=200";
        assertThat(api().get(flaggedList).auth(bearer(data.apiToken(desk.lead()))).send().body()).contains("\"id\":" + ticket + ",");
        WebSession leadPage = WebSession.signedIn(port, desk.lead().email(), desk.lead().password());
        WebSession agentPage = WebSession.signedIn(port, desk.agent().email(), desk.agent().password());
        assertThat(agentPage.get("/inbox?view=FLAGGED").status()).as("the flagged view is a lead's").isEqualTo(403);
        WebSession.Page inbox = leadPage.get("/inbox?view=FLAGGED");
        assertThat(inbox.status()).isEqualTo(200);
        assertThat(inbox.body()).contains("/tickets/" + ticket).contains("badge flagged");

        WebSession.Page touches = agentPage.get("/tickets/" + ticket + "/touches");
        assertThat(touches.status()).isEqualTo(200);
        assertThat(touches.body()).contains("3 touches — expected 2, alarm at 3").doesNotContain("id=\"root-cause-form\"");
        assertThat(agentPage.post("/tickets/" + ticket + "/root-cause", "rootCause", "policy").status()).isEqualTo(403);
        assertThat(api().put("/api/v1/tickets/" + ticket + "/root-cause").auth(bearer(data.apiToken(desk.agent())))
                .json(Map.of("rootCause", "policy")).send().status()).isEqualTo(403);
        ApiClient.Reply unknown = api().put("/api/v1/tickets/" + ticket + "/root-cause").auth(bearer(data.apiToken(desk.lead())))
                .json(Map.of("rootCause", "the moon")).send();
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.body()).contains("rootCause");
        assertThat(read(ticket, desk.agent()).get("rootCause").isNull()).isTrue();

        assertThat(leadPage.post("/tickets/" + ticket + "/root-cause", "rootCause", "missing_information").status()).isEqualTo(302);
        assertThat(read(ticket, desk.agent()).get("rootCause").asString()).isEqualTo("missing_information");
        assertThat(api().get(flaggedList).auth(bearer(data.apiToken(desk.lead()))).send().body())
                .as("a noted cause answers the flag").doesNotContain("\"id\":" + ticket + ",");
        assertThat(jdbc.sql("select count(*) from audit_entry where action = 'ROOT_CAUSE_NOTED' and target_id = ?")
                .param(String.valueOf(ticket)).query(Integer.class).single()).isEqualTo(1);
    }

    @Test
    void handOffsAndReopeningsAreCountedByTheWritePath() {
        Desk desk = desk();
        long ticket = ticket(desk);
        String token = data.apiToken(desk.lead());
        assertThat(api().patch("/api/v1/tickets/" + ticket).auth(bearer(token)).json(Map.of("assignee", desk.agent().id())).send().status()).isEqualTo(200);
        assertThat(api().patch("/api/v1/tickets/" + ticket).auth(bearer(token)).json(Map.of("assignee", desk.colleague().id())).send().status()).isEqualTo(200);
        assertThat(api().patch("/api/v1/tickets/" + ticket).auth(bearer(token)).json(Map.of("status", "resolved")).send().status()).isEqualTo(200);
        tickets.customerWrote(ticket, "It broke again.", Channel.EMAIL, null);
        JsonNode touches = read(ticket, desk.agent()).get("touches");
        assertThat(touches.get("handoffs").asInt()).as("the first assignment is none").isEqualTo(1);
        assertThat(touches.get("reopenings").asInt()).isEqualTo(1);
        assertThat(touches.get("expected").isNull()).as("no budget").isTrue();
        assertThat(touches.get("state").asString()).isEqualTo("within");
    }

    @Test
    void theMigrationCountsTheHistoryAlreadyStored() throws Exception {
        Desk desk = desk();
        long ticket = ticket(desk);
        Timestamp t1 = Timestamp.from(Instant.parse("2025-01-01T10:00:00Z"));
        Timestamp t2 = Timestamp.from(Instant.parse("2025-01-01T11:00:00Z"));
        Timestamp t3 = Timestamp.from(Instant.parse("2025-01-01T12:00:00Z"));
        Timestamp t4 = Timestamp.from(Instant.parse("2025-01-01T13:00:00Z"));
        String insert = "insert into ticket_change (ticket_id, actor_agent_id, changed_at, field, old_value, new_value) values (?, null, ?, ?, ?, ?)";
        jdbc.sql(insert).params(ticket, t1, "assignee", null, String.valueOf(desk.agent().id())).update();
        jdbc.sql(insert).params(ticket, t2, "team", "1", String.valueOf(desk.team().id())).update();
        jdbc.sql(insert).params(ticket, t2, "assignee", String.valueOf(desk.agent().id()), null).update();
        jdbc.sql(insert).params(ticket, t3, "status", "OPEN", "RESOLVED").update();
        jdbc.sql(insert).params(ticket, t4, "status", "RESOLVED", "OPEN").update();
        jdbc.sql("update ticket set handoffs = 0, reopenings = 0 where id = ?").param(ticket).update();

        String migration = new ClassPathResource("db/migration/common/V13_1_1__touch_budgets.sql").getContentAsString(StandardCharsets.UTF_8);
        String backfill = migration.substring(migration.indexOf("update ticket set")).strip();
        backfill = backfill.endsWith(";") ? backfill.substring(0, backfill.length() - 1) : backfill;
        jdbc.sql(backfill + " where ticket.id = " + ticket).update();

        JsonNode touches = read(ticket, desk.agent()).get("touches");
        assertThat(touches.get("handoffs").asInt()).as("one action with a team move and a release").isEqualTo(1);
        assertThat(touches.get("reopenings").asInt()).isEqualTo(1);
    }

    @Test
    void theBudgetsPageIsForLeadsWhoKeepTheirTeamsRootCauses() {
        Desk desk = desk();
        WebSession agentPage = WebSession.signedIn(port, desk.agent().email(), desk.agent().password());
        assertThat(agentPage.get("/touch-budgets").status()).isEqualTo(403);
        assertThat(agentPage.post("/touch-budgets/categories/" + desk.category(), "expectedTouches", "2", "alarmTouches", "5").status())
                .isEqualTo(403);
        assertThat(categories.category(desk.category()).orElseThrow().expectedTouches()).isNull();

        WebSession leadPage = WebSession.signedIn(port, desk.lead().email(), desk.lead().password());
        WebSession.Page page = leadPage.get("/touch-budgets");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("Default pair", "Unclear answer");
        assertThat(leadPage.post("/touch-budgets/categories/" + desk.category(), "expectedTouches", "2", "alarmTouches", "5").status())
                .isEqualTo(302);
        assertThat(categories.category(desk.category()).orElseThrow().alarmTouches()).isEqualTo(5);
        assertThat(leadPage.post("/touch-budgets/root-causes/" + desk.team().id(), "causesText", "Carrier delay\nWrong address\n\n").status())
                .isEqualTo(302);
        ApiClient.Reply causes = api().get("/api/v1/root-causes/" + desk.team().id()).auth(bearer(data.apiToken(desk.agent()))).send();
        assertThat(causes.json().get("causes").valueStream().map(JsonNode::asString).toList()).containsExactly("Carrier delay", "Wrong address");
        assertThat(api().put("/api/v1/root-causes/" + desk.team().id()).auth(bearer(data.apiToken(desk.agent())))
                .json(Map.of("causes", java.util.List.of("Anything"))).send().status()).isEqualTo(403);
    }
}
