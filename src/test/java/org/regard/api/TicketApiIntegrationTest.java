package org.regard.api;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.regard.accounts.Role;
import org.regard.accounts.TeamView;
import org.regard.support.IntegrationTest;
import org.regard.support.TestData;
import org.regard.support.TestData.TestAgent;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.regard.api.ApiClient.bearer;

@IntegrationTest
class TicketApiIntegrationTest {
    @LocalServerPort
    int port;
    @Autowired
    TestData data;

    ApiClient api;
    TeamView team;
    TestAgent agent;
    String token;

    @BeforeEach
    void setUp() {
        api = new ApiClient(port);
        team = data.team("api");
        agent = data.agent(Role.AGENT, team);
        token = data.apiToken(agent);
    }

    @Test
    void aTicketForANewCustomerIsOpenedRepliedToNotedChangedAndListed() {
        String email = TestData.unique("lena") + "@example.test";
        var created = api.post("/api/v1/tickets").auth(bearer(token)).json(Map.of(
                "customer", Map.of("email", email, "name", "Lena Schäfer"),
                "subject", "Drucker druckt nicht",
                "body", "Seit gestern kommt nur leeres Papier heraus.",
                "channel", "email",
                "team", team.id(),
                "priority", "high")).send();

        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        JsonNode ticket = created.json();
        long id = ticket.get("id").asLong();
        assertThat(created.header("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/api/v1/tickets/" + id));
        assertThat(created.header("ETag")).contains("\"" + ticket.get("version").asInt() + "\"");
        assertThat(ticket.get("status").asString()).isEqualTo("new");
        assertThat(ticket.get("priority").asString()).isEqualTo("high");
        assertThat(ticket.get("channel").asString()).isEqualTo("email");
        assertThat(ticket.get("customer").get("email").asString()).isEqualTo(email);
        assertThat(ticket.get("customer").get("name").asString()).isEqualTo("Lena Schäfer");
        assertThat(ticket.get("team").get("id").asLong()).isEqualTo(team.id());
        assertThat(ticket.get("team").get("name").asString()).isEqualTo(team.name());
        assertThat(ticket.get("assignee").isNull()).isTrue();
        assertThat(ticket.get("touches").get("in").asInt()).isEqualTo(1);
        assertThat(ticket.get("messages")).hasSize(1);
        assertThat(ticket.get("messages").get(0).get("kind").asString()).isEqualTo("customer");
        assertThat(ticket.get("messages").get(0).get("direction").asString()).isEqualTo("inbound");

        var read = api.get("/api/v1/tickets/" + id).auth(bearer(token)).send();
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.json().get("subject").asString()).isEqualTo("Drucker druckt nicht");
        assertThat(read.header("ETag")).isPresent();

        var reply = api.post("/api/v1/tickets/" + id + "/messages").auth(bearer(token))
                .json(Map.of("kind", "reply", "body", "Bitte prüfen Sie die Tonerkartusche.", "status", "waiting",
                        "toldBy", "phone")).send();
        assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
        // no mailbox serves the team: recorded only, and a touch because the agent gave the answer by phone
        assertThat(reply.json().get("delivery").get("state").asString()).isEqualTo("recorded");
        assertThat(reply.json().get("channel").asString()).isEqualTo("phone");
        assertThat(reply.json().get("kind").asString()).isEqualTo("reply");
        assertThat(reply.json().get("direction").asString()).isEqualTo("outbound");
        assertThat(reply.json().get("author").get("type").asString()).isEqualTo("agent");
        assertThat(reply.json().get("author").get("id").asLong()).isEqualTo(agent.id());
        assertThat(reply.header("Location")).hasValueSatisfying(l ->
                assertThat(l).endsWith("/api/v1/tickets/" + id + "/messages/" + reply.json().get("id").asLong()));

        var note = api.post("/api/v1/tickets/" + id + "/messages").auth(bearer(token))
                .json(Map.of("kind", "note", "body", "Modell X hat bekannte Tonerprobleme.")).send();
        assertThat(note.status()).isEqualTo(201);
        assertThat(note.json().get("direction").asString()).isEqualTo("internal");

        var afterMessages = api.get("/api/v1/tickets/" + id).auth(bearer(token)).send().json();
        assertThat(afterMessages.get("status").asString()).isEqualTo("waiting");
        assertThat(afterMessages.get("touches").get("out").asInt()).isEqualTo(1);
        assertThat(afterMessages.get("touches").get("total").asInt()).isEqualTo(2);
        assertThat(afterMessages.get("messages")).extracting(m -> m.get("kind").asString())
                .containsExactly("customer", "reply", "note");

        var patched = api.patch("/api/v1/tickets/" + id).auth(bearer(token))
                .header("If-Match", "\"" + afterMessages.get("version").asInt() + "\"")
                .json(Map.of("assignee", agent.id(), "priority", "urgent", "subject", "Drucker: leere Seiten")).send();
        assertThat(patched.status()).as(patched.toString()).isEqualTo(200);
        assertThat(patched.json().get("assignee").get("id").asLong()).isEqualTo(agent.id());
        assertThat(patched.json().get("priority").asString()).isEqualTo("urgent");
        assertThat(patched.json().get("subject").asString()).isEqualTo("Drucker: leere Seiten");
        assertThat(patched.header("ETag")).contains("\"" + patched.json().get("version").asInt() + "\"");

        var mine = api.get("/api/v1/tickets?view=mine&status=waiting").auth(bearer(token)).send();
        assertThat(mine.status()).isEqualTo(200);
        assertThat(mine.json().get("items")).extracting(t -> t.get("id").asLong()).containsExactly(id);
        JsonNode summary = mine.json().get("items").get(0);
        assertThat(summary.get("customer").get("name").asString()).isEqualTo("Lena Schäfer");
        assertThat(summary.get("assignee").get("name").asString()).isEqualTo(agent.principal().displayName());
        assertThat(summary.has("messages")).isFalse();
        assertThat(mine.json().get("nextCursor").isNull()).isTrue();
    }

    @Test
    void listsPageWithTheCursorUntilTheLastPageWithoutGapsOrRepeats() {
        var customer = data.customer("Paging Kunde");
        List<Long> opened = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            opened.add(open(customer.emails().getFirst(), "Case " + i, token).get("id").asLong());
        }

        List<Long> seen = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            String query = "/api/v1/tickets?team=" + team.id() + "&limit=2&sort=created_asc" + (cursor == null ? "" : "&cursor=" + cursor);
            JsonNode page = api.get(query).auth(bearer(token)).send().json();
            page.get("items").forEach(t -> seen.add(t.get("id").asLong()));
            cursor = page.get("nextCursor").isNull() ? null : page.get("nextCursor").asString();
            pages++;
        } while (cursor != null);

        assertThat(seen).containsExactlyElementsOf(opened);
        assertThat(pages).isEqualTo(3);
    }

    @Test
    void theSameIdempotencyKeyOpensOneTicketOnly() {
        String email = TestData.unique("retry") + "@example.test";
        Map<String, Object> request = newTicket(email, "Order missing");

        var first = api.post("/api/v1/tickets").auth(bearer(token)).header("Idempotency-Key", "order-42").json(request).send();
        var again = api.post("/api/v1/tickets").auth(bearer(token)).header("Idempotency-Key", "order-42").json(request).send();

        assertThat(first.status()).isEqualTo(201);
        assertThat(again.status()).isIn(200, 201);
        assertThat(again.json().get("id").asLong()).isEqualTo(first.json().get("id").asLong());
        long customerId = first.json().get("customer").get("id").asLong();
        var list = api.get("/api/v1/tickets?customer=" + customerId).auth(bearer(token)).send().json();
        assertThat(list.get("items")).hasSize(1);
    }

    @Test
    void aLongIdempotencyKeyStillMatchesOnlyItself() {
        String email = TestData.unique("long-key") + "@example.test";
        String longKey = "k".repeat(100);
        var first = api.post("/api/v1/tickets").auth(bearer(token)).header("Idempotency-Key", longKey + "1")
                .json(newTicket(email, "One")).send();
        var other = api.post("/api/v1/tickets").auth(bearer(token)).header("Idempotency-Key", longKey + "2")
                .json(newTicket(email, "Two")).send();
        var again = api.post("/api/v1/tickets").auth(bearer(token)).header("Idempotency-Key", longKey + "1")
                .json(newTicket(email, "One")).send();

        assertThat(other.json().get("id").asLong()).isNotEqualTo(first.json().get("id").asLong());
        assertThat(again.json().get("id").asLong()).isEqualTo(first.json().get("id").asLong());
    }

    @Test
    void theSameIdempotencyKeyWritesOneMessageOnly() {
        long id = open(TestData.unique("twice") + "@example.test", "Twice", token).get("id").asLong();
        Map<String, Object> reply = Map.of("kind", "reply", "body", "We sent it again.", "toldBy", "phone");

        var first = api.post("/api/v1/tickets/" + id + "/messages").auth(bearer(token)).header("Idempotency-Key", "reply-1").json(reply).send();
        var again = api.post("/api/v1/tickets/" + id + "/messages").auth(bearer(token)).header("Idempotency-Key", "reply-1").json(reply).send();

        assertThat(first.status()).isEqualTo(201);
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().get("id").asLong()).isEqualTo(first.json().get("id").asLong());
        var ticket = api.get("/api/v1/tickets/" + id).auth(bearer(token)).send().json();
        assertThat(ticket.get("messages")).hasSize(2);
        assertThat(ticket.get("touches").get("out").asInt()).isEqualTo(1);
    }

    @Test
    void aStaleIfMatchChangesNothing() {
        JsonNode ticket = open(TestData.unique("stale") + "@example.test", "Stale", token);
        long id = ticket.get("id").asLong();
        String seen = "\"" + ticket.get("version").asInt() + "\"";
        var first = api.patch("/api/v1/tickets/" + id).auth(bearer(token)).header("If-Match", seen)
                .json(Map.of("priority", "high")).send();
        assertThat(first.status()).isEqualTo(200);

        var stale = api.patch("/api/v1/tickets/" + id).auth(bearer(token)).header("If-Match", seen)
                .json(Map.of("priority", "low", "subject", "Overwritten")).send();

        assertThat(stale.status()).isEqualTo(412);
        assertThat(stale.contentType()).startsWith("application/problem+json");
        assertThat(stale.json().get("currentVersion").asInt()).isEqualTo(first.json().get("version").asInt());
        var now = api.get("/api/v1/tickets/" + id).auth(bearer(token)).send().json();
        assertThat(now.get("priority").asString()).isEqualTo("high");
        assertThat(now.get("subject").asString()).isEqualTo("Stale");
        assertThat(now.get("version").asInt()).isEqualTo(first.json().get("version").asInt());
    }

    @Test
    void aMalformedIfMatchIsRefusedNamingTheHeader() {
        long id = open(TestData.unique("etag") + "@example.test", "ETag", token).get("id").asLong();

        var reply = api.patch("/api/v1/tickets/" + id).auth(bearer(token)).header("If-Match", "\"yesterday\"")
                .json(Map.of("priority", "high")).send();

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.json().get("errors").get(0).get("field").asString()).isEqualTo("If-Match");
    }

    @Test
    void anAssigneeSentAsNullUnassignsButAnAbsentOneStays() {
        long id = open(TestData.unique("assign") + "@example.test", "Assign", token).get("id").asLong();
        api.patch("/api/v1/tickets/" + id).auth(bearer(token)).json(Map.of("assignee", agent.id())).send();

        var untouched = api.patch("/api/v1/tickets/" + id).auth(bearer(token)).json(Map.of("priority", "low")).send();
        assertThat(untouched.json().get("assignee").get("id").asLong()).isEqualTo(agent.id());

        Map<String, Object> unassign = new HashMap<>();
        unassign.put("assignee", null);
        var unassigned = api.patch("/api/v1/tickets/" + id).auth(bearer(token)).json(unassign).send();
        assertThat(unassigned.status()).isEqualTo(200);
        assertThat(unassigned.json().get("assignee").isNull()).isTrue();
    }

    @Test
    void aStatusTheTicketCannotReachIsAConflictListingTheAllowedOnes() {
        long id = open(TestData.unique("flow") + "@example.test", "Flow", token).get("id").asLong();
        api.patch("/api/v1/tickets/" + id).auth(bearer(token)).json(Map.of("status", "resolved")).send();

        var reply = api.patch("/api/v1/tickets/" + id).auth(bearer(token)).json(Map.of("status", "waiting")).send();

        assertThat(reply.status()).isEqualTo(409);
        assertThat(reply.contentType()).startsWith("application/problem+json");
        assertThat(reply.json().get("allowed")).extracting(JsonNode::asString).containsExactly("closed", "open");
        assertThat(api.get("/api/v1/tickets/" + id).auth(bearer(token)).send().json().get("status").asString())
                .isEqualTo("resolved");
    }

    @Test
    void aPatchWithAFieldTicketsDoNotHaveIsRefusedInsteadOfIgnored() {
        long id = open(TestData.unique("typo") + "@example.test", "Typo", token).get("id").asLong();

        var reply = api.patch("/api/v1/tickets/" + id).auth(bearer(token)).json(Map.of("assignee_id", agent.id())).send();

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.json().get("errors").get(0).get("field").asString()).isEqualTo("assignee_id");
    }

    @Test
    void aPatchCannotEmptyAFieldEveryTicketHas() {
        long id = open(TestData.unique("null") + "@example.test", "Null", token).get("id").asLong();
        Map<String, Object> changes = new HashMap<>();
        changes.put("priority", null);

        var reply = api.patch("/api/v1/tickets/" + id).auth(bearer(token)).json(changes).send();

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.json().get("errors").get(0).get("field").asString()).isEqualTo("priority");
    }

    @Test
    void aNoteCannotChangeTheStatus() {
        long id = open(TestData.unique("note") + "@example.test", "Note", token).get("id").asLong();

        var reply = api.post("/api/v1/tickets/" + id + "/messages").auth(bearer(token))
                .json(Map.of("kind", "note", "body", "Internal", "status", "resolved")).send();

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.json().get("errors").get(0).get("field").asString()).isEqualTo("status");
        assertThat(api.get("/api/v1/tickets/" + id).auth(bearer(token)).send().json().get("messages")).hasSize(1);
    }

    @Test
    void anAgentGetsForbiddenForAnotherTeamsTicketWhichNoListShows() {
        TeamView otherTeam = data.team("elsewhere");
        TestAgent other = data.agent(Role.AGENT, otherTeam);
        String otherToken = data.apiToken(other);
        String email = TestData.unique("private") + "@example.test";
        JsonNode theirs = open(email, "Not yours", otherToken);
        long id = theirs.get("id").asLong();
        long customerId = theirs.get("customer").get("id").asLong();

        var read = api.get("/api/v1/tickets/" + id).auth(bearer(token)).send();
        var reply = api.post("/api/v1/tickets/" + id + "/messages").auth(bearer(token))
                .json(Map.of("kind", "reply", "body", "Sneaky")).send();
        var change = api.patch("/api/v1/tickets/" + id).auth(bearer(token)).json(Map.of("priority", "low")).send();

        assertThat(List.of(read.status(), reply.status(), change.status())).containsOnly(403);
        assertThat(read.contentType()).startsWith("application/problem+json");
        assertThat(api.get("/api/v1/tickets?customer=" + customerId).auth(bearer(token)).send().json().get("items")).isEmpty();
        assertThat(api.get("/api/v1/tickets?customer=" + customerId + "&team=" + otherTeam.id()).auth(bearer(token)).send()
                .json().get("items")).isEmpty();
        var untouched = api.get("/api/v1/tickets/" + id).auth(bearer(otherToken)).send().json();
        assertThat(untouched.get("messages")).hasSize(1);
        assertThat(untouched.get("priority").asString()).isEqualTo("normal");
    }

    @Test
    void anAgentCannotOpenATicketForAnotherTeam() {
        TeamView otherTeam = data.team("not-mine");
        Map<String, Object> request = new HashMap<>(newTicket(TestData.unique("elsewhere") + "@example.test", "Elsewhere"));
        request.put("team", otherTeam.id());

        var reply = api.post("/api/v1/tickets").auth(bearer(token)).json(request).send();

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.json().get("detail").asString()).contains("team you belong to");
        TestAgent admin = data.agent(Role.ADMIN);
        assertThat(api.get("/api/v1/tickets?team=" + otherTeam.id()).auth(bearer(data.apiToken(admin))).send().json().get("items"))
                .isEmpty();
    }

    @Test
    void aMessageIsOnlyFoundThroughItsOwnTicket() {
        long first = open(TestData.unique("first") + "@example.test", "First", token).get("id").asLong();
        JsonNode second = open(TestData.unique("second") + "@example.test", "Second", token);
        long messageOfSecond = second.get("messages").get(0).get("id").asLong();

        var wrongTicket = api.get("/api/v1/tickets/" + first + "/messages/" + messageOfSecond).auth(bearer(token)).send();
        var rightTicket = api.get("/api/v1/tickets/" + second.get("id").asLong() + "/messages/" + messageOfSecond)
                .auth(bearer(token)).send();

        assertThat(wrongTicket.status()).isEqualTo(404);
        assertThat(rightTicket.status()).isEqualTo(200);
        assertThat(rightTicket.json().get("body").asString()).isEqualTo("Details of Second");
    }

    @Test
    void aBareVersionInIfMatchIsUnderstoodToo() {
        JsonNode ticket = open(TestData.unique("bare") + "@example.test", "Bare", token);

        var reply = api.patch("/api/v1/tickets/" + ticket.get("id").asLong()).auth(bearer(token))
                .header("If-Match", String.valueOf(ticket.get("version").asInt())).json(Map.of("priority", "low")).send();

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json().get("priority").asString()).isEqualTo("low");
    }

    @Test
    void anAdminSeesEveryTeamsTickets() {
        TestAgent admin = data.agent(Role.ADMIN);
        String email = TestData.unique("admin-sees") + "@example.test";
        long id = open(email, "For the team", token).get("id").asLong();

        var read = api.get("/api/v1/tickets/" + id).auth(bearer(data.apiToken(admin))).send();

        assertThat(read.status()).isEqualTo(200);
    }

    @Test
    void anUnknownTicketIsNotFound() {
        var reply = api.get("/api/v1/tickets/987654321").auth(bearer(token)).send();

        assertThat(reply.status()).isEqualTo(404);
        assertThat(reply.contentType()).startsWith("application/problem+json");
        assertThat(reply.json().get("detail").asString()).contains("987654321");
    }

    @Test
    void aMalformedCursorOrUnknownStatusIsABadRequestNamingTheParameter() {
        var cursor = api.get("/api/v1/tickets?cursor=not-a-cursor").auth(bearer(token)).send();
        var status = api.get("/api/v1/tickets?status=open,sleeping").auth(bearer(token)).send();
        var limit = api.get("/api/v1/tickets?limit=5000").auth(bearer(token)).send();
        var team = api.get("/api/v1/tickets?team=sales").auth(bearer(token)).send();

        assertThat(cursor.status()).isEqualTo(400);
        assertThat(cursor.json().get("errors").get(0).get("field").asString()).isEqualTo("cursor");
        assertThat(status.status()).isEqualTo(400);
        assertThat(status.json().get("errors").get(0).get("field").asString()).isEqualTo("status");
        assertThat(status.json().get("errors").get(0).get("message").asString()).contains("sleeping", "waiting");
        assertThat(limit.status()).isEqualTo(400);
        assertThat(limit.json().get("errors").get(0).get("field").asString()).isEqualTo("limit");
        assertThat(team.status()).isEqualTo(400);
        assertThat(team.json().get("errors").get(0).get("field").asString()).isEqualTo("team");
    }

    private Map<String, Object> newTicket(String email, String subject) {
        return Map.of("customer", Map.of("email", email), "subject", subject, "body", "Details of " + subject,
                "channel", "api", "team", team.id());
    }

    private JsonNode open(String email, String subject, String asToken) {
        Map<String, Object> request = new HashMap<>(newTicket(email, subject));
        request.remove("team");
        var reply = api.post("/api/v1/tickets").auth(bearer(asToken)).json(request).send();
        assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
        return reply.json();
    }
}
