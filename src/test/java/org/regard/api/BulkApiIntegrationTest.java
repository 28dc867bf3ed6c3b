package org.regard.api;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.regard.accounts.Role;
import org.regard.accounts.TeamView;
import org.regard.support.IntegrationTest;
import org.regard.support.TestData;
import org.regard.support.TestData.TestAgent;
import org.regard.tickets.Channel;
import org.regard.tickets.MessageKind;
import org.regard.tickets.Priority;
import org.regard.tickets.TicketCommands.OpenTicket;
import org.regard.tickets.TicketCommands.UpdateTicket;
import org.regard.tickets.TicketQueries;
import org.regard.tickets.TicketStatus;
import org.regard.tickets.Tickets;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.regard.api.ApiClient.bearer;

@IntegrationTest
class BulkApiIntegrationTest {
    @LocalServerPort
    int port;
    @Autowired
    TestData data;
    @Autowired
    Tickets tickets;
    @Autowired
    TicketQueries queries;

    ApiClient api;
    TeamView team;
    TeamView other;
    TestAgent lead;
    TestAgent outsider;
    String token;

    @BeforeEach
    void setUp() {
        api = new ApiClient(port);
        team = data.team("bulk-api");
        other = data.team("bulk-api-other");
        lead = data.agent(Role.LEAD, team);
        outsider = data.agent(Role.AGENT, other);
        token = data.apiToken(lead);
    }

    @Test
    void eachTicketGetsItsOwnResultAndRefusedOnesLeaveTheOthersApplied() {
        long open = open(lead, team);
        long stale = open(lead, team);
        int staleVersion = queries.detail(stale, lead.principal()).version();
        tickets.update(stale, new UpdateTicket(null, Priority.HIGH, null, null, null, null, null), lead.principal());
        long closed = open(lead, team);
        tickets.update(closed, new UpdateTicket(TicketStatus.RESOLVED, null, null, null, null, null, null), lead.principal());
        tickets.update(closed, new UpdateTicket(TicketStatus.CLOSED, null, null, null, null, null, null), lead.principal());
        long theirs = open(outsider, other);
        long missing = Long.MAX_VALUE - 7;

        var answer = api.post("/api/v1/tickets/bulk").auth(bearer(token)).json(Map.of(
                "tickets", List.of(open, stale, closed, theirs, missing),
                "changes", Map.of("status", "waiting", "assignee", lead.id()),
                "note", "Moved together.",
                "versions", Map.of(String.valueOf(stale), staleVersion))).send();

        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        JsonNode body = answer.json();
        assertThat(body.get("applied").asLong()).isEqualTo(1);
        assertThat(body.get("refused").asLong()).isEqualTo(4);
        Map<Long, JsonNode> results = new HashMap<>();
        body.get("results").forEach(r -> results.put(r.get("ticket").asLong(), r));
        assertThat(results.get(open).get("outcome").asString()).isEqualTo("applied");
        assertThat(results.get(stale).get("reason").asString()).isEqualTo("conflict");
        assertThat(results.get(closed).get("reason").asString()).isEqualTo("illegal_transition");
        assertThat(results.get(closed).get("allowed").toString()).contains("open");
        assertThat(results.get(theirs).get("reason").asString()).isEqualTo("forbidden");
        assertThat(results.get(missing).get("reason").asString()).isEqualTo("not_found");
        List<Long> order = new ArrayList<>();
        body.get("results").forEach(r -> order.add(r.get("ticket").asLong()));
        assertThat(order).containsExactly(open, stale, closed, theirs, missing);

        var applied = queries.detail(open, lead.principal());
        assertThat(applied.summary().status()).isEqualTo(TicketStatus.WAITING);
        assertThat(applied.summary().assigneeId()).isEqualTo(lead.id());
        assertThat(applied.messages()).anyMatch(m -> m.kind() == MessageKind.NOTE && m.body().equals("Moved together."));
        for (long refused : new long[]{stale, closed}) {
            var t = queries.detail(refused, lead.principal());
            assertThat(t.summary().assigneeId()).as("ticket %d", refused).isNull();
            assertThat(t.messages()).as("ticket %d", refused).noneMatch(m -> m.kind() == MessageKind.NOTE);
        }
        assertThat(queries.detail(theirs, outsider.principal()).summary().assigneeId()).isNull();
    }

    @Test
    void anIdempotencyKeyAddsEachNoteOnce() {
        long id = open(lead, team);
        for (int i = 0; i < 2; i++) {
            var answer = api.post("/api/v1/tickets/bulk").auth(bearer(token)).header("Idempotency-Key", "bulk-once")
                    .json(Map.of("tickets", List.of(id), "note", "Only once.")).send();
            assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        }
        assertThat(queries.detail(id, lead.principal()).messages()).filteredOn(m -> m.kind() == MessageKind.NOTE).hasSize(1);
    }

    @Test
    void invalidRequestsAreProblemsThatNameTheFieldAndChangeNothing() {
        long id = open(lead, team);

        assertProblem(Map.of("tickets", List.of(), "note", "x"), "tickets");
        assertProblem(Map.of("note", "x"), "tickets");
        assertProblem(Map.of("tickets", List.of(id)), "changes");
        assertProblem(Map.of("tickets", List.of(id), "changes", Map.of()), "changes");
        assertProblem(Map.of("tickets", List.of(id), "changes", Map.of("subject", "All the same")), "subject");
        assertProblem(Map.of("tickets", List.of(id), "changes", Map.of("colour", "red")), "colour");
        assertProblem(Map.of("tickets", List.of(id), "changes", Map.of("status", "bogus")), "changes.status");
        assertProblem(Map.of("tickets", List.of(id), "changes", Map.of("priority", "high"), "versions", Map.of("12345678", 1)), "versions");
        assertProblem(Map.of("tickets", List.of("seven"), "note", "x"), "tickets[0]");
        assertProblem(Map.of("tickets", LongStream.rangeClosed(1, 501).boxed().toList(), "note", "x"), "tickets");
        assertProblem(Map.of("tickets", List.of(id), "note", "x".repeat(Tickets.MAX_BODY + 1)), "note");

        var anonymous = api.post("/api/v1/tickets/bulk").json(Map.of("tickets", List.of(id), "note", "x")).send();
        assertThat(anonymous.status()).isEqualTo(401);
        var detail = queries.detail(id, lead.principal());
        assertThat(detail.messages()).noneMatch(m -> m.kind() == MessageKind.NOTE);
        assertThat(detail.version()).isZero();
    }

    @Test
    void theBulkCallIsInTheOpenApiDocument() {
        var doc = api.get("/v3/api-docs").send();
        assertThat(doc.body()).contains("/api/v1/tickets/bulk", "changeTickets", "BulkResult");
    }

    private void assertProblem(Map<String, ?> request, String field) {
        var answer = api.post("/api/v1/tickets/bulk").auth(bearer(token)).json(request).send();
        assertThat(answer.status()).as(answer.body()).isEqualTo(400);
        assertThat(answer.response().headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(answer.json().get("errors").toString()).as(answer.body()).contains("\"field\":\"" + field + "\"");
    }

    private long open(TestAgent agent, TeamView in) {
        var customer = data.customer("Bulk API customer");
        return tickets.open(new OpenTicket(customer.id(), "Bulk API", "Please help.", Channel.WEB, in.id(), Priority.NORMAL, null, null),
                agent.principal()).ticketId();
    }
}
