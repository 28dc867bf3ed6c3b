package org.regard.procedures;

import org.junit.jupiter.api.Test;
import org.regard.accounts.Actor;
import org.regard.accounts.Role;
import org.regard.accounts.TeamView;
import org.regard.api.ApiClient;
import org.regard.reports.ActivityReport;
import org.regard.support.Eventually;
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

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.regard.api.ApiClient.bearer;

/**
 * A procedure's {@code warn} gate: resolving while a required step is open needs a written reason on every path (API
 * PATCH, a reply "then resolved", the properties form, the composer, bulk); the reason lands in the ticket's history and
 * the team's daily activity counts it.
 */
@IntegrationTest
class WarnGateIntegrationTest {
    @LocalServerPort
    int port;
    @Autowired
    TestData data;
    @Autowired
    Categories categories;
    @Autowired
    Tickets tickets;
    @Autowired
    ActivityReport report;
    @Autowired
    JdbcClient jdbc;

    record Desk(TeamView team, TestAgent agent, long category) {
    }

    private Desk desk() {
        TeamView team = data.team("warn");
        TestAgent lead = data.agent(Role.LEAD, team);
        TestAgent agent = data.agent(Role.AGENT, team);
        long category = categories.create(TestData.unique("Returns")).id();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("team", team.id());
        body.put("categories", List.of(category));
        body.put("sourceLanguage", "en");
        body.put("gate", "warn");
        body.put("titles", Map.of("en", TestData.unique("Returns procedure")));
        body.put("steps", List.of(
                Map.of("texts", Map.of("en", "Check the parcel"), "required", true, "afterPrevious", false),
                Map.of("texts", Map.of("en", "Refund the customer"), "required", true, "afterPrevious", false),
                Map.of("texts", Map.of("en", "Thank the courier"), "required", false, "afterPrevious", false)));
        var created = new ApiClient(port).post("/api/v1/procedures").auth(bearer(data.apiToken(lead))).json(body).send();
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return new Desk(team, agent, category);
    }

    private long ticket(Desk desk) {
        long customer = data.customer("Warned Customer").id();
        return tickets.open(TicketFixtures.aNewTicket().forCustomer(customer).inTeam(desk.team().id())
                .inCategory(desk.category()).command(), Actor.SYSTEM).ticketId();
    }

    @Test
    void theApiRefusesWithoutReasonAndResolvesWithOneRecordedAndCounted() throws Exception {
        Desk desk = desk();
        long patched = ticket(desk);
        long replied = ticket(desk);
        ApiClient api = new ApiClient(port);
        String token = bearer(data.apiToken(desk.agent()));

        var refused = api.patch("/api/v1/tickets/" + patched).auth(token).json(Map.of("status", "resolved")).send();
        assertThat(refused.status()).as(refused.body()).isEqualTo(422);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.json().get("detail").asString()).contains("written reason", "Check the parcel", "Refund the customer")
                .doesNotContain("Thank the courier");
        assertThat(refused.json().get("missing").get(1).asString()).isEqualTo("Refund the customer");
        assertThat(refused.json().get("errors").get(0).get("field").asString()).isEqualTo("resolutionReason");
        var blank = api.patch("/api/v1/tickets/" + patched).auth(token).json(Map.of("status", "resolved", "resolutionReason", "   ")).send();
        assertThat(blank.status()).as(blank.body()).isEqualTo(422);
        var tooLong = api.patch("/api/v1/tickets/" + patched).auth(token)
                .json(Map.of("status", "resolved", "resolutionReason", "x".repeat(501))).send();
        assertThat(tooLong.status()).as(tooLong.body()).isEqualTo(400);
        assertThat(tooLong.json().get("errors").get(0).get("field").asString()).isEqualTo("resolutionReason");
        assertThat(status(patched)).isEqualTo("NEW");
        assertThat(changes(patched, "status")).isZero();

        var resolved = api.patch("/api/v1/tickets/" + patched).auth(token)
                .json(Map.of("status", "resolved", "resolutionReason", "  The customer confirmed by phone.  ")).send();
        assertThat(resolved.status()).as(resolved.body()).isEqualTo(200);
        assertThat(status(patched)).isEqualTo("RESOLVED");
        assertThat(reason(patched)).isEqualTo("The customer confirmed by phone.");

        var reply = api.post("/api/v1/tickets/" + replied + "/messages").auth(token)
                .json(Map.of("kind", "reply", "body", "Sorted out.", "status", "resolved")).send();
        assertThat(reply.status()).as(reply.body()).isEqualTo(422);
        assertThat(jdbc.sql("select count(*) from message where ticket_id = ? and body = 'Sorted out.'").param(replied)
                .query(Long.class).single()).isZero();
        var note = api.post("/api/v1/tickets/" + replied + "/messages").auth(token)
                .json(Map.of("kind", "note", "body", "A note.", "resolutionReason", "no")).send();
        assertThat(note.status()).as(note.body()).isEqualTo(400);
        var replyWithReason = api.post("/api/v1/tickets/" + replied + "/messages").auth(token)
                .json(Map.of("kind", "reply", "body", "Sorted out.", "status", "resolved", "resolutionReason", "Parcel lost, refunded by hand")).send();
        assertThat(replyWithReason.status()).as(replyWithReason.body()).isEqualTo(201);
        assertThat(status(replied)).isEqualTo("RESOLVED");
        assertThat(reason(replied)).isEqualTo("Parcel lost, refunded by hand");

        Eventually.until(() -> overOpenStep(desk) == 2, "the ledger counts both resolutions over an open step");
        assertThat(resolvedCount(desk)).isEqualTo(2);
    }

    @Test
    void thePagesAskForTheReasonAndTheHistoryShowsIt() {
        Desk desk = desk();
        long formed = ticket(desk);
        long composed = ticket(desk);
        WebSession session = WebSession.signedIn(port, desk.agent().email(), desk.agent().password());

        // the page's Resolve button sends only the status: the form comes back with a reason field, nothing changed
        String version = session.get("/tickets/" + formed).valueOf("ticket-version");
        var asked = session.post("/tickets/" + formed, "version", version, "status", "RESOLVED");
        assertThat(asked.status()).isEqualTo(422);
        assertThat(asked.body()).contains("id=\"resolution-reason\"", "Write why you resolve this ticket now",
                "Check the parcel, Refund the customer");
        assertThat(status(formed)).isEqualTo("NEW");
        assertThat(asked.valueOf("ticket-version")).isEqualTo(version);
        var done = session.post("/tickets/" + formed, "version", version, "status", "RESOLVED",
                "priority", asked.find("name=\"seenPriority\" value=\"([A-Z]+)\"").orElseThrow(),
                "team", String.valueOf(desk.team().id()), "assignee", "", "category", String.valueOf(desk.category()),
                "resolutionReason", "Checked with the warehouse");
        assertThat(done.status()).as(done.body()).isEqualTo(302);
        assertThat(status(formed)).isEqualTo("RESOLVED");
        assertThat(session.get("/tickets/" + formed).body()).contains("Resolved with open steps, because", "Checked with the warehouse");

        var reply = session.post("/tickets/" + composed + "/replies", "body", "Here you are.", "nextStatus", "RESOLVED",
                "submissionKey", TestData.unique("k"));
        assertThat(reply.status()).isEqualTo(422);
        assertThat(reply.body()).contains("id=\"composer-resolution-reason\"", "Here you are.");
        assertThat(status(composed)).isEqualTo("NEW");
        var replied = session.post("/tickets/" + composed + "/replies", "body", "Here you are.", "nextStatus", "RESOLVED",
                "submissionKey", TestData.unique("k"), "resolutionReason", "Customer in a hurry");
        assertThat(replied.status()).isEqualTo(302);
        assertThat(status(composed)).isEqualTo("RESOLVED");
        assertThat(reason(composed)).isEqualTo("Customer in a hurry");

        // in French too
        WebSession french = WebSession.signedIn(port, desk.agent().email(), desk.agent().password(), "fr");
        long third = ticket(desk);
        var frAsked = french.post("/tickets/" + third, "version", french.get("/tickets/" + third).valueOf("ticket-version"),
                "status", "RESOLVED");
        assertThat(frAsked.body()).contains("Pourquoi le résoudre maintenant");
    }

    @Test
    void bulkSkipsWithoutReasonAndResolvesWithOne() throws Exception {
        Desk desk = desk();
        long first = ticket(desk);
        long second = ticket(desk);
        ApiClient api = new ApiClient(port);
        String token = bearer(data.apiToken(desk.agent()));
        var skipped = api.post("/api/v1/tickets/bulk").auth(token)
                .json(Map.of("tickets", List.of(first, second), "changes", Map.of("status", "resolved"))).send();
        assertThat(skipped.status()).as(skipped.body()).isEqualTo(200);
        assertThat(skipped.json().get("refused").asLong()).isEqualTo(2);
        assertThat(skipped.json().get("results").get(0).get("reason").asString()).isEqualTo("reason_required");
        assertThat(skipped.json().get("results").get(0).get("detail").asString()).contains("Check the parcel");
        assertThat(status(first)).isEqualTo("NEW");

        var applied = api.post("/api/v1/tickets/bulk").auth(token).json(Map.of("tickets", List.of(first, second),
                "changes", Map.of("status", "resolved", "resolutionReason", "End of season clean-up"))).send();
        assertThat(applied.json().get("applied").asLong()).as(applied.body()).isEqualTo(2);
        assertThat(reason(first)).isEqualTo("End of season clean-up");
        assertThat(reason(second)).isEqualTo("End of season clean-up");

        // the inbox's bulk form takes the reason too
        long third = ticket(desk);
        WebSession session = WebSession.signedIn(port, desk.agent().email(), desk.agent().password());
        String csrfPage = session.get("/inbox").body();
        assertThat(csrfPage).contains("id=\"bulk-resolution-reason\"");
        var form = session.post("/inbox/bulk", "ticket", String.valueOf(third), "status", "RESOLVED",
                "resolutionReason", "By the form");
        assertThat(form.status()).isEqualTo(302);
        assertThat(reason(third)).isEqualTo("By the form");
        Eventually.until(() -> overOpenStep(desk) == 3, "the ledger counts the three");
    }

    private int overOpenStep(Desk desk) {
        LocalDate today = LocalDate.now(java.time.ZoneOffset.UTC);
        return report.daysOf(desk.team().id(), today.minusDays(2), today.plusDays(2)).stream()
                .mapToInt(ActivityReport.TeamDay::resolvedOverOpenStep).sum();
    }

    private int resolvedCount(Desk desk) {
        LocalDate today = LocalDate.now(java.time.ZoneOffset.UTC);
        return report.daysOf(desk.team().id(), today.minusDays(2), today.plusDays(2)).stream()
                .mapToInt(ActivityReport.TeamDay::ticketsResolved).sum();
    }

    private String status(long ticket) {
        return jdbc.sql("select status from ticket where id = ?").param(ticket).query(String.class).single();
    }

    private String reason(long ticket) {
        return jdbc.sql("select new_value from ticket_change where ticket_id = ? and field = 'resolution_reason'")
                .param(ticket).query(String.class).single();
    }

    private long changes(long ticket, String field) {
        return jdbc.sql("select count(*) from ticket_change where ticket_id = ? and field = ?").params(ticket, field)
                .query(Long.class).single();
    }
}
