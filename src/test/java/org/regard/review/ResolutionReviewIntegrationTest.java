package org.regard.review;

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
import org.regard.tickets.ResolutionRefused;
import org.regard.tickets.TicketAccess;
import org.regard.tickets.Tickets;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.regard.api.ApiClient.bearer;

/**
 * Resolution review per category: resolving asks for one review and leaves the status; approving resolves (the closure
 * gate still applies), returning clears the request with the comment kept; nobody approves their own request.
 */
@IntegrationTest
class ResolutionReviewIntegrationTest {
    @LocalServerPort
    int port;
    @Autowired
    TestData data;
    @Autowired
    Categories categories;
    @Autowired
    Tickets tickets;
    @Autowired
    TicketAccess access;
    @Autowired
    DecidingReview deciding;
    @Autowired
    ActivityReport report;
    @Autowired
    JdbcClient jdbc;

    record Desk(TeamView team, TestAgent agent, TestAgent lead, long category) {
    }

    /** A team, its agent and lead, and a category whose resolutions an administrator says need review (over the API). */
    private Desk desk() {
        TeamView team = data.team("reviewed");
        TestAgent agent = data.agent(Role.AGENT, team);
        TestAgent lead = data.agent(Role.LEAD, team);
        long category = categories.create(TestData.unique("Refunds reviewed")).id();
        ApiClient api = new ApiClient(port);
        String admin = bearer(data.apiToken(data.agent(Role.ADMIN)));
        var changed = api.patch("/api/v1/categories/" + category).auth(admin).json(Map.of("resolutionReview", true)).send();
        assertThat(changed.status()).as(changed.body()).isEqualTo(200);
        assertThat(changed.json().get("resolutionReview").asBoolean()).isTrue();
        assertThat(jdbc.sql("select count(*) from audit_entry where target_type = 'category' and target_id = ? and details like '%resolution review required%'")
                .param(String.valueOf(category)).query(Long.class).single()).isEqualTo(1);
        // an agent may not change it
        assertThat(api.patch("/api/v1/categories/" + category).auth(bearer(data.apiToken(agent)))
                .json(Map.of("resolutionReview", false)).send().status()).isEqualTo(403);
        return new Desk(team, agent, lead, category);
    }

    private long ticket(Desk desk) {
        long customer = data.customer("Reviewed Customer").id();
        return tickets.open(TicketFixtures.aNewTicket().forCustomer(customer).inTeam(desk.team().id())
                .inCategory(desk.category()).command(), Actor.SYSTEM).ticketId();
    }

    @Test
    void resolvingAsksForOneReviewAndApprovalResolves() throws Exception {
        Desk desk = desk();
        long ticket = ticket(desk);
        ApiClient api = new ApiClient(port);
        String token = bearer(data.apiToken(desk.agent()));

        var asked = api.patch("/api/v1/tickets/" + ticket).auth(token)
                .json(Map.of("status", "resolved", "resolutionReason", "Refund sent")).send();
        assertThat(asked.status()).as(asked.body()).isEqualTo(200);
        assertThat(asked.json().get("status").asString()).isEqualTo("new");
        assertThat(asked.json().get("resolutionReview").get("state").asString()).isEqualTo("pending");
        assertThat(asked.json().get("resolutionReview").get("requestedBy").get("id").asLong()).isEqualTo(desk.agent().id());
        assertThat(asked.json().get("resolutionReview").get("reason").asString()).isEqualTo("Refund sent");
        assertThat(status(ticket)).isEqualTo("NEW");

        // asking again, by PATCH or with a reply, makes no second review
        assertThat(api.patch("/api/v1/tickets/" + ticket).auth(token).json(Map.of("status", "resolved")).send().status()).isEqualTo(200);
        var reply = api.post("/api/v1/tickets/" + ticket + "/messages").auth(token)
                .json(Map.of("kind", "reply", "body", "Your refund is on its way.", "status", "resolved")).send();
        assertThat(reply.status()).as(reply.body()).isEqualTo(201);
        assertThat(reviews(ticket)).isEqualTo(1);
        assertThat(changes(ticket, "resolution_requested")).isEqualTo(1);
        assertThat(status(ticket)).isEqualTo("OPEN");
        long review = pendingReview(ticket);
        assertThat(jdbc.sql("select author_agent_id from review where id = ?").param(review).query(Long.class).single())
                .isEqualTo(desk.agent().id());

        // the page says so
        WebSession session = WebSession.signedIn(port, desk.agent().email(), desk.agent().password());
        assertThat(session.get("/tickets/" + ticket).body()).contains("id=\"resolution-review\"", "Resolution waiting for review",
                "Reason: Refund sent").doesNotContain("id=\"resolve\"");

        // nobody approves their own request
        Actor author = access.actor(desk.agent().principal());
        assertThatThrownBy(() -> deciding.approve(review, null, author)).isInstanceOf(ReviewForbidden.class);
        assertThat(status(ticket)).isEqualTo("OPEN");

        deciding.approve(review, null, access.actor(desk.lead().principal()));
        assertThat(status(ticket)).isEqualTo("RESOLVED");
        assertThat(jdbc.sql("select state from review where id = ?").param(review).query(String.class).single()).isEqualTo("APPROVED");
        assertThat(jdbc.sql("select actor_agent_id from ticket_change where ticket_id = ? and field = 'status' and new_value = 'RESOLVED'")
                .param(ticket).query(Long.class).single()).isEqualTo(desk.agent().id());
        assertThat(jdbc.sql("select actor_agent_id from ticket_change where ticket_id = ? and field = 'resolution_approved'")
                .param(ticket).query(Long.class).single()).isEqualTo(desk.lead().id());
        var read = api.get("/api/v1/tickets/" + ticket).auth(token).send();
        assertThat(read.json().get("status").asString()).isEqualTo("resolved");
        assertThat(read.json().get("resolutionReview").isNull()).isTrue();
        Eventually.until(() -> resolved(desk) == 1, "the ledger counts the resolution once approved");
        // deciding again finds it decided
        assertThatThrownBy(() -> deciding.approve(review, null, access.actor(desk.lead().principal())))
                .isInstanceOf(ReviewDecided.class);
    }

    @Test
    void returningClearsTheRequestAndKeepsTheComment() {
        Desk desk = desk();
        long ticket = ticket(desk);
        WebSession session = WebSession.signedIn(port, desk.agent().email(), desk.agent().password());
        var composed = session.post("/tickets/" + ticket + "/replies", "body", "All sorted, I think.", "nextStatus", "RESOLVED",
                "submissionKey", TestData.unique("k"));
        assertThat(composed.status()).isEqualTo(302);
        assertThat(status(ticket)).isEqualTo("OPEN");
        long review = pendingReview(ticket);

        deciding.returnToAuthor(review, "The refund has not left yet.", access.actor(desk.lead().principal()));
        assertThat(status(ticket)).isEqualTo("OPEN");
        assertThat(jdbc.sql("select count(*) from ticket_resolution_request where ticket_id = ?").param(ticket)
                .query(Long.class).single()).isZero();
        assertThat(jdbc.sql("select new_value from ticket_change where ticket_id = ? and field = 'resolution_returned'")
                .param(ticket).query(String.class).single()).isEqualTo("The refund has not left yet.");
        String page = session.get("/tickets/" + ticket).body();
        assertThat(page).doesNotContain("id=\"resolution-review\"").contains("Resolution sent back", "The refund has not left yet.");

        // in French, the properties form asks again: a second round
        WebSession french = WebSession.signedIn(port, desk.agent().email(), desk.agent().password(), "fr");
        String version = french.get("/tickets/" + ticket).valueOf("ticket-version");
        var again = french.post("/tickets/" + ticket, "version", version, "status", "RESOLVED");
        assertThat(again.status()).isEqualTo(302);
        assertThat(french.get("/tickets/" + ticket).body()).contains("Résolution en attente de relecture");
        assertThat(reviews(ticket)).isEqualTo(2);
        assertThat(jdbc.sql("select max(round_no) from review where kind = 'resolution' and subject_id = ?").param(ticket)
                .query(Integer.class).single()).isEqualTo(2);
    }

    @Test
    void aBlockingGateAtApprovalTimeFailsTheApprovalAndChangesNothing() {
        Desk desk = desk();
        TestAgent lead = desk.lead();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("team", desk.team().id());
        body.put("categories", List.of(desk.category()));
        body.put("sourceLanguage", "en");
        body.put("gate", "block");
        body.put("titles", Map.of("en", TestData.unique("Reviewed refunds")));
        body.put("steps", List.of(Map.of("texts", Map.of("en", "Send the refund"), "required", true, "afterPrevious", false)));
        ApiClient api = new ApiClient(port);
        assertThat(api.post("/api/v1/procedures").auth(bearer(data.apiToken(lead))).json(body).send().status()).isEqualTo(201);
        long ticket = ticket(desk);
        String token = bearer(data.apiToken(desk.agent()));

        // the gate applies when asking too
        assertThat(api.patch("/api/v1/tickets/" + ticket).auth(token).json(Map.of("status", "resolved")).send().status())
                .isEqualTo(409);
        assertThat(reviews(ticket)).isZero();
        String step = "/api/v1/tickets/" + ticket + "/checklist/steps/s1";
        assertThat(api.post(step).auth(token).json(Map.of("done", true)).send().status()).isEqualTo(200);
        assertThat(api.patch("/api/v1/tickets/" + ticket).auth(token).json(Map.of("status", "resolved")).send().status())
                .isEqualTo(200);
        long review = pendingReview(ticket);
        // the step undone meanwhile: the approval is refused (the API answers 409) and nothing changes
        assertThat(api.post(step).auth(token).json(Map.of("done", false)).send().status()).isEqualTo(200);
        assertThatThrownBy(() -> deciding.approve(review, null, access.actor(lead.principal())))
                .isInstanceOf(ResolutionRefused.class).hasMessageContaining("Send the refund");
        assertThat(status(ticket)).isEqualTo("NEW");
        assertThat(jdbc.sql("select state from review where id = ?").param(review).query(String.class).single()).isEqualTo("PENDING");
        assertThat(jdbc.sql("select count(*) from ticket_resolution_request where ticket_id = ?").param(ticket)
                .query(Long.class).single()).isEqualTo(1);
        assertThat(changes(ticket, "resolution_approved")).isZero();
    }

    @Test
    void aBulkResolutionAsksForReviewTicketByTicket() {
        Desk desk = desk();
        long first = ticket(desk);
        long second = ticket(desk);
        var bulk = new ApiClient(port).post("/api/v1/tickets/bulk").auth(bearer(data.apiToken(desk.agent())))
                .json(Map.of("tickets", List.of(first, second), "changes", Map.of("status", "resolved"))).send();
        assertThat(bulk.status()).as(bulk.body()).isEqualTo(200);
        assertThat(bulk.json().get("applied").asLong()).isEqualTo(2);
        assertThat(bulk.json().get("results").get(0).get("detail").asString()).contains("waits for a second person");
        assertThat(status(first)).isEqualTo("NEW");
        assertThat(reviews(first)).isEqualTo(1);
        assertThat(reviews(second)).isEqualTo(1);
    }

    @Test
    void anAdministratorSetsItOnTheCategoryPageAndAnAgentCannot() {
        long category = categories.create(TestData.unique("Page reviewed")).id();
        TestAgent admin = data.agent(Role.ADMIN);
        WebSession session = WebSession.signedIn(port, admin.email(), admin.password());
        assertThat(session.get("/admin/categories").body()).contains("id=\"category-review-" + category + "\"")
                .doesNotContain("id=\"category-review-on-" + category + "\"");
        var on = session.post("/admin/categories/" + category + "/resolution-review", "required", "true");
        assertThat(on.status()).isEqualTo(302);
        assertThat(categories.category(category).orElseThrow().resolutionReview()).isTrue();
        assertThat(session.get("/admin/categories").body()).contains("id=\"category-review-on-" + category + "\"",
                "A second person confirms each resolution");
        TestAgent agent = data.agent(Role.AGENT, data.team("nosy"));
        WebSession agentSession = WebSession.signedIn(port, agent.email(), agent.password());
        assertThat(agentSession.post("/admin/categories/" + category + "/resolution-review", "required", "false").status())
                .isEqualTo(403);
        assertThat(categories.category(category).orElseThrow().resolutionReview()).isTrue();
        var off = session.post("/admin/categories/" + category + "/resolution-review", "required", "false");
        assertThat(off.status()).isEqualTo(302);
        assertThat(categories.category(category).orElseThrow().resolutionReview()).isFalse();
    }

    private long pendingReview(long ticket) {
        return jdbc.sql("select id from review where kind = 'resolution' and subject_id = ? and state = 'PENDING'")
                .param(ticket).query(Long.class).single();
    }

    private long reviews(long ticket) {
        return jdbc.sql("select count(*) from review where kind = 'resolution' and subject_id = ?").param(ticket)
                .query(Long.class).single();
    }

    private long changes(long ticket, String field) {
        return jdbc.sql("select count(*) from ticket_change where ticket_id = ? and field = ?").params(ticket, field)
                .query(Long.class).single();
    }

    private String status(long ticket) {
        return jdbc.sql("select status from ticket where id = ?").param(ticket).query(String.class).single();
    }

    private int resolved(Desk desk) {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        return report.daysOf(desk.team().id(), today.minusDays(2), today.plusDays(2)).stream()
                .mapToInt(ActivityReport.TeamDay::ticketsResolved).sum();
    }
}
