package org.regard.gestures;

import org.junit.jupiter.api.Test;
import org.regard.accounts.Actor;
import org.regard.accounts.Role;
import org.regard.accounts.TeamView;
import org.regard.api.ApiClient;
import org.regard.support.Eventually;
import org.regard.support.IntegrationTest;
import org.regard.support.StatementLedger;
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

import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.regard.api.ApiClient.bearer;

/** Gestures over real HTTP: recording within the limit, bad input, double submits, limits and who may set them, reads, sums. */
@IntegrationTest
class GestureIntegrationTest {
    @LocalServerPort
    int port;
    @Autowired
    TestData data;
    @Autowired
    Tickets tickets;
    @Autowired
    Categories categories;
    @Autowired
    JdbcClient jdbc;

    /** A team with its lead and agent, a ticket in it (with a category) and its customer. */
    record Desk(TeamView team, TestAgent lead, TestAgent agent, long customer, long ticket, long category) {
    }

    private Desk desk() {
        TeamView team = data.team("gest");
        TestAgent lead = data.agent(Role.LEAD, team);
        TestAgent agent = data.agent(Role.AGENT, team);
        long customer = data.customer("Gesture Customer").id();
        long category = categories.create(TestData.unique("Late parcels")).id();
        long ticket = tickets.open(TicketFixtures.aNewTicket().forCustomer(customer).inTeam(team.id()).inCategory(category).command(),
                Actor.SYSTEM).ticketId();
        return new Desk(team, lead, agent, customer, ticket, category);
    }

    private ApiClient api() {
        return new ApiClient(port);
    }

    private ApiClient.Reply setLimit(TestAgent who, Long team, Long agent, String kind, String perGesture, String perMonth) {
        Map<String, Object> body = new HashMap<>();
        body.put("team", team);
        body.put("agent", agent);
        body.put("kind", kind);
        body.put("currency", "EUR");
        body.put("perGesture", perGesture == null ? null : new java.math.BigDecimal(perGesture));
        body.put("perMonth", perMonth == null ? null : new java.math.BigDecimal(perMonth));
        return api().put("/api/v1/gesture-limits").auth(bearer(data.apiToken(who))).json(body).send();
    }

    private ApiClient.Reply grant(TestAgent who, long ticket, String kind, Object amount, String currency, String key) {
        Map<String, Object> body = new HashMap<>();
        body.put("kind", kind);
        body.put("amount", amount);
        body.put("currency", currency);
        body.put("reason", "Parcel arrived late");
        var call = api().post("/api/v1/tickets/" + ticket + "/gestures").auth(bearer(data.apiToken(who))).json(body);
        if (key != null) {
            call = call.header("Idempotency-Key", key);
        }
        return call.send();
    }

    private long gestures(long ticket) {
        return jdbc.sql("select count(*) from gesture where ticket_id = ?").param(ticket).query(Long.class).single();
    }

    @Test
    void aGestureWithinTheLimitStandsAtOnceAndARepeatedRequestRecordsItOnce() {
        Desk desk = desk();
        var limit = setLimit(desk.lead(), desk.team().id(), null, "voucher", "20.00", "50.00");
        assertThat(limit.status()).as(limit.body()).isEqualTo(200);
        assertThat(limit.json().get("perMonth").decimalValue()).isEqualByComparingTo("50");

        var first = grant(desk.agent(), desk.ticket(), "voucher", 15, "eur", "double-1");
        assertThat(first.status()).as(first.body()).isEqualTo(201);
        JsonNode g = first.json();
        assertThat(g.get("state").asString()).isEqualTo("standing");
        assertThat(g.get("amount").decimalValue()).isEqualByComparingTo("15.00");
        assertThat(g.get("currency").asString()).isEqualTo("EUR");
        assertThat(g.get("customer").asLong()).isEqualTo(desk.customer());
        assertThat(g.get("team").asLong()).isEqualTo(desk.team().id());
        assertThat(g.get("category").asLong()).isEqualTo(desk.category());
        assertThat(g.get("agent").asLong()).isEqualTo(desk.agent().id());
        assertThat(g.get("heldBecause").isNull()).isTrue();

        var again = grant(desk.agent(), desk.ticket(), "voucher", 15, "EUR", "double-1");
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().get("id").asLong()).isEqualTo(g.get("id").asLong());
        assertThat(gestures(desk.ticket())).isEqualTo(1);

        // the ticket's and the customer's lists
        var ofTicket = api().get("/api/v1/tickets/" + desk.ticket() + "/gestures").auth(bearer(data.apiToken(desk.lead()))).send();
        assertThat(ofTicket.json().size()).isEqualTo(1);
        var ofCustomer = api().get("/api/v1/customers/" + desk.customer() + "/gestures").auth(bearer(data.apiToken(desk.agent()))).send();
        assertThat(ofCustomer.status()).isEqualTo(200);
        assertThat(ofCustomer.json().get(0).get("kind").asString()).isEqualTo("voucher");
        // an agent of another team sees none of them, and may not read the ticket's
        TestAgent stranger = data.agent(Role.AGENT, data.team("other"));
        assertThat(api().get("/api/v1/customers/" + desk.customer() + "/gestures").auth(bearer(data.apiToken(stranger))).send()
                .json().size()).isZero();
        assertThat(api().get("/api/v1/tickets/" + desk.ticket() + "/gestures").auth(bearer(data.apiToken(stranger))).send()
                .status()).isEqualTo(403);
        assertThat(api().get("/api/v1/customers/999999999/gestures").auth(bearer(data.apiToken(desk.agent()))).send()
                .status()).isEqualTo(404);
    }

    @Test
    void badAmountsAndCurrenciesAreRefusedWithTheFieldNamedAndNothingIsRecorded() {
        Desk desk = desk();
        setLimit(desk.lead(), desk.team().id(), null, "voucher", "20.00", null);
        record Case(String kind, Object amount, String currency, String field) {
        }
        for (Case c : new Case[]{new Case("voucher", -5, "EUR", "amount"), new Case("voucher", 0, "EUR", "amount"),
                new Case("refund", "-0.01", "EUR", "amount"), new Case("voucher", 5, "EUX", "currency"),
                new Case("voucher", 5, null, "currency"), new Case("voucher", "1.005", "EUR", "amount"),
                new Case("hug", 5, "EUR", "kind")}) {
            var refused = grant(desk.agent(), desk.ticket(), c.kind(), c.amount(), c.currency(), null);
            assertThat(refused.status()).as(c + " " + refused.body()).isEqualTo(400);
            assertThat(refused.contentType()).startsWith("application/problem+json");
            assertThat(refused.json().get("errors").get(0).get("field").asString()).as(c.toString()).isEqualTo(c.field());
        }
        var text = grant(desk.agent(), desk.ticket(), "voucher", "ten", "EUR", null);
        assertThat(text.status()).isEqualTo(400);
        assertThat(gestures(desk.ticket())).isZero();
        // a replacement costs nothing, and may say so
        setLimit(desk.lead(), desk.team().id(), null, "replacement", "0", null);
        assertThat(grant(desk.agent(), desk.ticket(), "replacement", 0, "EUR", null).status()).isEqualTo(201);
    }

    @Test
    void onlyAgentsWhoMayWorkOnTheTicketRecordAGesture() {
        Desk desk = desk();
        TestAgent stranger = data.agent(Role.AGENT, data.team("other"));
        var refused = grant(stranger, desk.ticket(), "voucher", 5, "EUR", null);
        assertThat(refused.status()).isEqualTo(403);
        assertThat(grant(desk.agent(), 999999999L, "voucher", 5, "EUR", null).status()).isEqualTo(404);
        assertThat(gestures(desk.ticket())).isZero();
        WebSession session = WebSession.signedIn(port, stranger.email(), stranger.password());
        assertThat(session.htmxGet("/tickets/" + desk.ticket() + "/gestures").status()).isEqualTo(403);
        assertThat(session.post("/tickets/" + desk.ticket() + "/gestures", "kind", "voucher", "amount", "5",
                "currency", "EUR", "reason", "x").status()).isEqualTo(403);
        assertThat(gestures(desk.ticket())).isZero();
    }

    @Test
    void plainAgentsCannotChangeLimitsAndLeadsOnlyForTheirTeamsAndTheirAgents() {
        Desk desk = desk();
        TeamView other = data.team("other");
        TestAgent otherLead = data.agent(Role.LEAD, other);
        TestAgent outsider = data.agent(Role.AGENT, other);

        assertThat(setLimit(desk.agent(), desk.team().id(), null, "voucher", "1000", null).status()).isEqualTo(403);
        assertThat(setLimit(desk.agent(), null, desk.agent().id(), "voucher", "1000", null).status()).isEqualTo(403);
        assertThat(setLimit(otherLead, desk.team().id(), null, "voucher", "10", null).status()).isEqualTo(403);
        assertThat(setLimit(desk.lead(), null, outsider.id(), "voucher", "10", null).status()).isEqualTo(403);
        assertThat(jdbc.sql("select count(*) from gesture_limit where team_id = ? or agent_id in (?, ?)")
                .params(desk.team().id(), desk.agent().id(), outsider.id()).query(Long.class).single()).isZero();

        var own = setLimit(desk.lead(), null, desk.agent().id(), "refund", "30", "100");
        assertThat(own.status()).as(own.body()).isEqualTo(200);
        long id = own.json().get("id").asLong();
        assertThat(api().delete("/api/v1/gesture-limits/" + id).auth(bearer(data.apiToken(desk.agent()))).send().status()).isEqualTo(403);
        assertThat(api().delete("/api/v1/gesture-limits/" + id).auth(bearer(data.apiToken(otherLead))).send().status()).isEqualTo(403);
        assertThat(jdbc.sql("select count(*) from gesture_limit where id = ?").param(id).query(Long.class).single()).isEqualTo(1);

        // what each may see
        assertThat(api().get("/api/v1/gesture-limits").auth(bearer(data.apiToken(desk.agent()))).send().body()).contains("\"id\":" + id);
        assertThat(api().get("/api/v1/gesture-limits").auth(bearer(data.apiToken(otherLead))).send().body()).doesNotContain("\"id\":" + id + ",");

        // bad limits: field named, nothing changed
        var below = setLimit(desk.lead(), desk.team().id(), null, "voucher", "30", "10");
        assertThat(below.status()).isEqualTo(400);
        assertThat(below.json().get("errors").get(0).get("field").asString()).isEqualTo("perMonth");
        assertThat(setLimit(desk.lead(), desk.team().id(), desk.agent().id(), "voucher", "30", null).status()).isEqualTo(400);
        assertThat(setLimit(desk.lead(), desk.team().id(), null, "voucher", "-1", null).status()).isEqualTo(400);

        assertThat(api().delete("/api/v1/gesture-limits/" + id).auth(bearer(data.apiToken(desk.lead()))).send().status()).isEqualTo(204);
        assertThat(api().delete("/api/v1/gesture-limits/" + id).auth(bearer(data.apiToken(desk.lead()))).send().status()).isEqualTo(404);
        assertThat(jdbc.sql("select count(*) from audit_entry where target_type = 'gesture-limit' and target_id = ?")
                .param(String.valueOf(id)).query(Long.class).single()).isEqualTo(2);

        // the page: leads and administrators only
        WebSession agentSession = WebSession.signedIn(port, desk.agent().email(), desk.agent().password());
        assertThat(agentSession.get("/gestures/limits").status()).isEqualTo(403);
        assertThat(agentSession.post("/gestures/limits", "owner", "team:" + desk.team().id(), "kind", "voucher",
                "currency", "EUR", "perGesture", "500").status()).isEqualTo(403);
        WebSession leadSession = WebSession.signedIn(port, desk.lead().email(), desk.lead().password(), "fr");
        var page = leadSession.get("/gestures/limits");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("Limites des gestes commerciaux", "agent:" + desk.agent().id(), "team:" + desk.team().id());
        var saved = leadSession.post("/gestures/limits", "owner", "team:" + desk.team().id(), "kind", "voucher",
                "currency", "EUR", "perGesture", "25", "perMonth", "");
        assertThat(saved.status()).isEqualTo(302);
        var wrong = leadSession.post("/gestures/limits", "owner", "team:" + desk.team().id(), "kind", "voucher",
                "currency", "EUX", "perGesture", "25");
        assertThat(wrong.status()).isEqualTo(400);
        assertThat(wrong.body()).contains("id=\"limit-error\"", "EUR, USD ou VND");
        assertThat(jdbc.sql("select per_gesture from gesture_limit where team_id = ? and kind = 'voucher'")
                .param(desk.team().id()).query(java.math.BigDecimal.class).single()).isEqualByComparingTo("25");
    }

    @Test
    void theTicketsFragmentShowsTheAllowanceAndItsFormRecordsOnceOnADoubleSubmit() {
        Desk desk = desk();
        setLimit(desk.lead(), desk.team().id(), null, "voucher", "20.00", "50.00");
        WebSession session = WebSession.signedIn(port, desk.agent().email(), desk.agent().password());
        var page = session.get("/tickets/" + desk.ticket());
        assertThat(page.body()).contains("id=\"ticket-gestures\"", "hx-get=\"/tickets/" + desk.ticket() + "/gestures\"")
                .contains("hx-get=\"/customers/" + desk.customer() + "/gestures\"");

        var fragment = session.htmxGet("/tickets/" + desk.ticket() + "/gestures");
        assertThat(fragment.status()).isEqualTo(200);
        assertThat(fragment.body()).contains("id=\"gesture-form\"", "name=\"_csrf\"", "gesture-allowance-voucher",
                "up to 20.00 EUR", "50.00 EUR left this month", "value=\"EUR\"");
        String key = "key-" + desk.ticket();
        String[] fields = {"kind", "voucher", "amount", "12,50", "currency", "EUR", "reason", "Late parcel", "submissionKey", key};
        var granted = session.htmxPost("/tickets/" + desk.ticket() + "/gestures", fields);
        assertThat(granted.status()).isEqualTo(200);
        assertThat(granted.body()).contains("Gesture granted.", "12.50 EUR", "Granted", "37.50 EUR left this month");
        var twice = session.post("/tickets/" + desk.ticket() + "/gestures", fields);
        assertThat(twice.status()).isEqualTo(302);
        assertThat(gestures(desk.ticket())).isEqualTo(1);

        var refused = session.htmxPost("/tickets/" + desk.ticket() + "/gestures", "kind", "voucher", "amount", "-3",
                "currency", "EUR", "reason", "x", "submissionKey", "other");
        assertThat(refused.body()).contains("id=\"gesture-error\"", "Enter an amount above zero.", "value=\"-3\"");
        assertThat(gestures(desk.ticket())).isEqualTo(1);

        // the person card's list
        var card = session.htmxGet("/customers/" + desk.customer() + "/gestures");
        String month = DateTimeFormatter.ofPattern("LLLL yyyy", Locale.ENGLISH).format(ZonedDateTime.now(ZoneOffset.UTC));
        assertThat(card.body()).contains("Voucher, " + month);
        assertThat(session.htmxGet("/customers/999999999/gestures").status()).isEqualTo(404);
    }

    @Test
    void sumsAreForLeadsOfTheirTeamsAndForAdministrators() {
        Desk desk = desk();
        setLimit(desk.lead(), desk.team().id(), null, "voucher", "20.00", null);
        setLimit(desk.lead(), desk.team().id(), null, "refund", "20.00", null);
        grant(desk.agent(), desk.ticket(), "voucher", 10, "EUR", null);
        grant(desk.agent(), desk.ticket(), "voucher", "5.5", "EUR", null);
        grant(desk.agent(), desk.ticket(), "refund", 3, "EUR", null);

        var byAgent = api().get("/api/v1/gestures/sums?by=agent").auth(bearer(data.apiToken(desk.lead()))).send();
        assertThat(byAgent.status()).as(byAgent.body()).isEqualTo(200);
        assertThat(byAgent.json().size()).isEqualTo(1);
        assertThat(byAgent.json().get(0).get("key").asString()).isEqualTo(String.valueOf(desk.agent().id()));
        assertThat(byAgent.json().get(0).get("total").decimalValue()).isEqualByComparingTo("18.50");
        assertThat(byAgent.json().get(0).get("count").asLong()).isEqualTo(3);

        var byKind = api().get("/api/v1/gestures/sums?by=kind").auth(bearer(data.apiToken(desk.lead()))).send();
        assertThat(byKind.json().size()).isEqualTo(2);
        assertThat(byKind.body()).contains("\"key\":\"voucher\"", "\"key\":\"refund\"");
        var byCategory = api().get("/api/v1/gestures/sums?by=category").auth(bearer(data.apiToken(desk.lead()))).send();
        assertThat(byCategory.json().get(0).get("key").asString()).isEqualTo(String.valueOf(desk.category()));

        // another team's lead sees none of it; a plain agent nothing at all
        TestAgent otherLead = data.agent(Role.LEAD, data.team("other"));
        assertThat(api().get("/api/v1/gestures/sums?by=team").auth(bearer(data.apiToken(otherLead))).send().json().size()).isZero();
        assertThat(api().get("/api/v1/gestures/sums").auth(bearer(data.apiToken(desk.agent()))).send().status()).isEqualTo(403);
        assertThat(api().get("/api/v1/gestures/sums?by=mood").auth(bearer(data.apiToken(desk.lead()))).send().status()).isEqualTo(400);
        assertThat(api().get("/api/v1/gestures/sums?from=2026-02-01&to=2026-01-01").auth(bearer(data.apiToken(desk.lead()))).send()
                .status()).isEqualTo(400);
        assertThat(api().get("/api/v1/gestures/sums?from=2000-01-01&to=2000-01-31&by=team").auth(bearer(data.apiToken(desk.lead()))).send()
                .json().size()).isZero();
    }

    @Test
    void aMergedCustomersGesturesMoveToTheSurvivor() {
        Desk desk = desk();
        setLimit(desk.lead(), desk.team().id(), null, "voucher", "20.00", null);
        long gesture = grant(desk.agent(), desk.ticket(), "voucher", 5, "EUR", null).json().get("id").asLong();
        long survivor = data.customerOf(desk.team(), "Gesture Survivor").id();
        var merged = api().post("/api/v1/customers/" + survivor + "/merge").auth(bearer(data.apiToken(desk.agent())))
                .json(Map.of("duplicateId", desk.customer())).send();
        assertThat(merged.status()).as(merged.body()).isEqualTo(200);
        assertThat(jdbc.sql("select customer_id from gesture where id = ?").param(gesture).query(Long.class).single())
                .isEqualTo(survivor);
    }

    @Test
    void recordingAGestureCostsAFewStatements() throws Exception {
        Desk desk = desk();
        setLimit(desk.lead(), desk.team().id(), null, "voucher", "20.00", "100.00");
        String token = bearer(data.apiToken(desk.agent()));
        int[] counts = new int[2];
        String[] amounts = {"5", "50"};
        for (int i = 0; i < 2; i++) {
            StatementLedger.Tally tally = new StatementLedger.Tally();
            String key = StatementLedger.open(tally);
            try {
                var answer = api().post("/api/v1/tickets/" + desk.ticket() + "/gestures").auth(token)
                        .header(StatementLedger.HEADER, key).header("Idempotency-Key", TestData.unique("cost"))
                        .json(Map.of("kind", "voucher", "amount", amounts[i], "currency", "EUR", "reason", "Late")).send();
                assertThat(answer.status()).as(answer.body()).isEqualTo(201);
                Eventually.until(() -> !tally.busy(), "the request");
            } finally {
                StatementLedger.close(key);
            }
            counts[i] = tally.statements();
        }
        System.out.println("GESTURE statements: within the limit " + counts[0] + ", above it " + counts[1]);
        // the token, the submission key, the ticket's detail (eight), the limits, the month's sum, the insert; above the
        // limit the review's latest round and its insert instead of the month's sum (the first call also notes the token's use)
        assertThat(counts[0]).isLessThanOrEqualTo(14);
        assertThat(counts[1] - counts[0]).isLessThanOrEqualTo(2);
    }

    @Test
    void theApiDocumentNamesTheGestureCalls() {
        var doc = api().get("/v3/api-docs").auth(bearer(data.apiToken(data.agent(Role.AGENT, data.team("doc"))))).send();
        assertThat(doc.body()).contains("/api/v1/tickets/{id}/gestures", "/api/v1/customers/{id}/gestures",
                "/api/v1/gesture-limits", "/api/v1/gestures/sums");
    }
}
