package org.regard.gestures;

import org.junit.jupiter.api.Test;
import org.regard.accounts.Accounts;
import org.regard.accounts.Actor;
import org.regard.accounts.Role;
import org.regard.accounts.TeamView;
import org.regard.api.ApiClient;
import org.regard.review.DecidingReview;
import org.regard.review.ReviewForbidden;
import org.regard.review.ReviewQueue;
import org.regard.review.ReviewRow;
import org.regard.support.IntegrationTest;
import org.regard.support.TestData;
import org.regard.support.TestData.TestAgent;
import org.regard.support.TicketFixtures;
import org.regard.support.WebSession;
import org.regard.tickets.Tickets;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.regard.api.ApiClient.bearer;

/**
 * Gestures above their author's limit: they wait in the review queue, stand only when another person approves them,
 * and are refused when returned; the month's sum, an agent's own limit, no limit and another currency.
 */
@IntegrationTest
class GestureReviewIntegrationTest {
    @LocalServerPort
    int port;
    @Autowired
    TestData data;
    @Autowired
    Tickets tickets;
    @Autowired
    Accounts accounts;
    @Autowired
    ReviewQueue queue;
    @Autowired
    DecidingReview deciding;
    @Autowired
    JdbcClient jdbc;

    record Desk(TeamView team, TestAgent lead, TestAgent agent, long customer, long ticket) {
    }

    private Desk desk() {
        TeamView team = data.team("held");
        TestAgent lead = data.agent(Role.LEAD, team);
        TestAgent agent = data.agent(Role.AGENT, team);
        long customer = data.customer("Held Customer").id();
        long ticket = tickets.open(TicketFixtures.aNewTicket().forCustomer(customer).inTeam(team.id()).command(), Actor.SYSTEM).ticketId();
        return new Desk(team, lead, agent, customer, ticket);
    }

    private void limit(TestAgent lead, Long team, Long agent, String kind, String perGesture, String perMonth) {
        Map<String, Object> body = new HashMap<>();
        body.put("team", team);
        body.put("agent", agent);
        body.put("kind", kind);
        body.put("currency", "EUR");
        body.put("perGesture", new BigDecimal(perGesture));
        body.put("perMonth", perMonth == null ? null : new BigDecimal(perMonth));
        var reply = new ApiClient(port).put("/api/v1/gesture-limits").auth(bearer(data.apiToken(lead))).json(body).send();
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
    }

    private JsonNode grant(TestAgent who, long ticket, String kind, String amount, String currency) {
        var reply = new ApiClient(port).post("/api/v1/tickets/" + ticket + "/gestures").auth(bearer(data.apiToken(who)))
                .json(Map.of("kind", kind, "amount", new BigDecimal(amount), "currency", currency, "reason", "Order came broken"))
                .send();
        assertThat(reply.status()).as(reply.body()).isEqualTo(201);
        return reply.json();
    }

    private String state(long gesture) {
        return jdbc.sql("select state from gesture where id = ?").param(gesture).query(String.class).single();
    }

    private Actor actor(TestAgent agent) {
        return accounts.actor(agent.principal());
    }

    @Test
    void aboveTheLimitTheGestureWaitsAndStandsOnlyWhenAnotherPersonApprovesIt() {
        Desk desk = desk();
        limit(desk.lead(), desk.team().id(), null, "voucher", "20.00", null);
        JsonNode held = grant(desk.agent(), desk.ticket(), "voucher", "30", "EUR");
        long id = held.get("id").asLong();
        assertThat(held.get("state").asString()).isEqualTo("pending");
        assertThat(held.get("heldBecause").asString()).isEqualTo("per-gesture");

        ReviewRow review = queue.latestRow("gesture", id).orElseThrow();
        assertThat(review.ticketId()).isEqualTo(desk.ticket());
        assertThat(review.teamId()).isEqualTo(desk.team().id());
        assertThat(review.authorAgentId()).isEqualTo(desk.agent().id());
        assertThat(review.reasons()).containsExactly("above-limit");
        assertThat(review.summary()).startsWith("Voucher 30.00 EUR");

        // its author may not approve it (a plain agent is no reviewer either)
        assertThatThrownBy(() -> deciding.approve(review.id(), null, actor(desk.agent()))).isInstanceOf(ReviewForbidden.class);
        assertThat(state(id)).isEqualTo("PENDING");

        deciding.approve(review.id(), null, actor(desk.lead()));
        assertThat(state(id)).isEqualTo("STANDING");
        JsonNode after = new ApiClient(port).get("/api/v1/customers/" + desk.customer() + "/gestures")
                .auth(bearer(data.apiToken(desk.agent()))).send().json().get(0);
        assertThat(after.get("state").asString()).isEqualTo("standing");
        assertThat(after.get("decidedBy").asLong()).isEqualTo(desk.lead().id());
        assertThat(after.get("decidedAt").isNull()).isFalse();
    }

    @Test
    void aLeadCannotApproveTheirOwnGestureAndAReturnedOneDoesNotStand() {
        Desk desk = desk();
        TestAgent otherLead = data.agent(Role.LEAD, desk.team());
        JsonNode held = grant(desk.lead(), desk.ticket(), "refund", "80", "EUR");
        long id = held.get("id").asLong();
        assertThat(held.get("heldBecause").asString()).isEqualTo("no-limit");
        ReviewRow review = queue.latestRow("gesture", id).orElseThrow();

        assertThatThrownBy(() -> deciding.approve(review.id(), null, actor(desk.lead())))
                .isInstanceOfSatisfying(ReviewForbidden.class, e -> assertThat(e.why()).isEqualTo(ReviewForbidden.Why.OWN_WORK));
        assertThat(state(id)).isEqualTo("PENDING");

        deciding.returnToAuthor(review.id(), "Offer a voucher instead", actor(otherLead));
        assertThat(state(id)).isEqualTo("RETURNED");
        assertThat(jdbc.sql("select decision_comment from gesture where id = ?").param(id).query(String.class).single())
                .isEqualTo("Offer a voucher instead");
        // returned gestures are not on the person card, and count for nothing in the sums
        WebSession session = WebSession.signedIn(port, desk.agent().email(), desk.agent().password());
        assertThat(session.htmxGet("/customers/" + desk.customer() + "/gestures").body()).doesNotContain("card-gesture-" + id);
        assertThat(new ApiClient(port).get("/api/v1/gestures/sums?by=kind").auth(bearer(data.apiToken(otherLead))).send()
                .json().size()).isZero();
    }

    @Test
    void theMonthsSumCountsStandingAndPendingGesturesAndAnAgentsLimitOverridesTheTeams() {
        Desk desk = desk();
        limit(desk.lead(), desk.team().id(), null, "voucher", "20.00", "30.00");
        assertThat(grant(desk.agent(), desk.ticket(), "voucher", "15", "EUR").get("state").asString()).isEqualTo("standing");
        assertThat(grant(desk.agent(), desk.ticket(), "voucher", "15", "EUR").get("state").asString()).isEqualTo("standing");
        JsonNode third = grant(desk.agent(), desk.ticket(), "voucher", "1", "EUR");
        assertThat(third.get("state").asString()).isEqualTo("pending");
        assertThat(third.get("heldBecause").asString()).isEqualTo("per-month");
        // another currency than the limit's cannot be compared
        assertThat(grant(desk.agent(), desk.ticket(), "voucher", "1", "USD").get("heldBecause").asString()).isEqualTo("currency");

        // the agent's own limit replaces the team's for that kind; a colleague keeps the team's
        TestAgent trusted = data.agent(Role.AGENT, desk.team());
        TestAgent colleague = data.agent(Role.AGENT, desk.team());
        limit(desk.lead(), null, trusted.id(), "voucher", "5.00", null);
        assertThat(grant(trusted, desk.ticket(), "voucher", "10", "EUR").get("heldBecause").asString()).isEqualTo("per-gesture");
        assertThat(grant(colleague, desk.ticket(), "voucher", "10", "EUR").get("state").asString()).isEqualTo("standing");
    }

    @Test
    void theTicketsFragmentShowsAPendingGestureAsWaitingForReview() {
        Desk desk = desk();
        limit(desk.lead(), desk.team().id(), null, "voucher", "20.00", null);
        WebSession session = WebSession.signedIn(port, desk.agent().email(), desk.agent().password(), "de");
        session.get("/tickets/" + desk.ticket());
        var fragment = session.htmxPost("/tickets/" + desk.ticket() + "/gestures", "kind", "voucher", "amount", "45",
                "currency", "EUR", "reason", "Zweimal zu spät", "submissionKey", TestData.unique("k"));
        assertThat(fragment.status()).isEqualTo(200);
        assertThat(fragment.body()).contains("Über Ihrem Limit", "Wartet auf Prüfung", "45.00 EUR", "badge pending");
        var card = session.htmxGet("/customers/" + desk.customer() + "/gestures");
        assertThat(card.body()).contains("Gutschein", "(wartet auf Prüfung)");
    }
}
