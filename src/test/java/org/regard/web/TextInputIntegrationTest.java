package org.regard.web;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.regard.accounts.Role;
import org.regard.accounts.TeamView;
import org.regard.api.ApiClient;
import org.regard.customers.Customers;
import org.regard.support.IntegrationTest;
import org.regard.support.TestData;
import org.regard.support.WebSession;
import org.regard.tickets.TicketQueries;
import org.regard.tickets.Tickets;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.regard.api.ApiClient.bearer;

/**
 * Characters a database cannot keep (the NUL character, half of a UTF-16 surrogate pair) are refused by the API with a
 * 400 naming the field, and removed from page forms, on both databases; nothing is half-written.
 */
@IntegrationTest
class TextInputIntegrationTest {
    @LocalServerPort
    int port;
    @Autowired
    TestData data;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Customers customers;
    @Autowired
    Tickets tickets;
    @Autowired
    TicketQueries queries;

    ApiClient api;
    TeamView team;
    TestData.TestAgent agent;
    String token;

    @BeforeEach
    void setUp() {
        api = new ApiClient(port);
        team = data.team("text");
        agent = data.agent(Role.AGENT, team);
        token = data.apiToken(agent);
    }

    private long customersWithAddress(String email) {
        return jdbc.sql("select count(*) from customer_email where email = ?").param(email).query(Long.class).single();
    }

    private static List<String> fields(JsonNode problem) {
        List<String> fields = new java.util.ArrayList<>();
        problem.get("errors").forEach(e -> fields.add(e.get("field").asString()));
        return fields;
    }

    @Test
    void aNulCharacterInATicketsSubjectOrBodyIsRefusedNamingTheFieldsAndCreatesNoCustomer() {
        String email = TestData.unique("nul") + "@example.test";
        var reply = api.post("/api/v1/tickets").auth(bearer(token)).json(Map.of(
                "customer", Map.of("email", email, "name", "Nul Tester"),
                "subject", "Printer\u0000 broken", "body", "It\u0000 smokes", "channel", "web",
                "team", team.id())).send();

        assertThat(reply.status()).as(reply.toString()).isEqualTo(400);
        assertThat(reply.contentType()).startsWith("application/problem+json");
        // the body is read until its first value that cannot be kept: that field is named
        assertThat(fields(reply.json())).hasSize(1).isSubsetOf("subject", "body");
        assertThat(reply.json().get("errors").get(0).get("message").asString()).contains("U+0000");
        assertThat(customersWithAddress(email)).as("the refused ticket leaves no customer").isZero();
    }

    @Test
    void aLoneSurrogateIsRefusedRatherThanStoredAsAQuestionMark() {
        String email = TestData.unique("surrogate") + "@example.test";
        String body = "{\"customer\":{\"email\":\"" + email + "\",\"name\":\"Ann\\ud800a\"},"
                + "\"subject\":\"Hello\",\"body\":\"Text \\udc00 here\",\"channel\":\"web\",\"team\":" + team.id() + "}";
        var reply = api.post("/api/v1/tickets").auth(bearer(token)).raw(body, "application/json").send();

        assertThat(reply.status()).as(reply.toString()).isEqualTo(400);
        assertThat(fields(reply.json())).contains("customer.name");
        assertThat(reply.json().get("detail").asString()).contains("customer.name").doesNotContain("$", "org.regard");
        assertThat(customersWithAddress(email)).isZero();
    }

    @Test
    void aReplyWithANulCharacterIsRefused() {
        var opened = api.post("/api/v1/tickets").auth(bearer(token)).json(Map.of(
                "customer", Map.of("email", TestData.unique("reply") + "@example.test"),
                "subject", "Question", "body", "Body", "channel", "web", "team", team.id())).send();
        assertThat(opened.status()).as(opened.toString()).isEqualTo(201);
        long id = opened.json().get("id").asLong();

        var reply = api.post("/api/v1/tickets/" + id + "/messages").auth(bearer(token))
                .json(Map.of("kind", "reply", "body", "Dear\u0000 customer")).send();

        assertThat(reply.status()).as(reply.toString()).isEqualTo(400);
        assertThat(fields(reply.json())).containsExactly("body");
        assertThat(queries.detail(id, data.admin()).messages()).hasSize(1);
    }

    @Test
    void aNulCharacterInHttpBasicCredentialsIsAPlainRefusal() {
        var reply = api.get("/api/v1/tickets").auth(ApiClient.basic("someone\u0000@example.test", "wrong")).send();

        assertThat(reply.status()).as(reply.toString()).isEqualTo(401);
        assertThat(reply.contentType()).startsWith("application/problem+json");
    }

    @Test
    void aCustomerSearchWithANulCharacterIsA400NamingTheParameter() {
        var reply = api.get("/api/v1/customers?q=ab%00cd").auth(bearer(token)).send();

        assertThat(reply.status()).as(reply.toString()).isEqualTo(400);
        assertThat(reply.contentType()).startsWith("application/problem+json");
        assertThat(fields(reply.json())).containsExactly("q");

        var second = api.get("/api/v1/customers?q=fine&q=ab%00cd").auth(bearer(token)).send();
        assertThat(second.status()).as(second.toString()).isEqualTo(400);
        assertThat(fields(second.json())).containsExactly("q");
    }

    @Test
    void aNulCharacterInACustomersNameIsA400NotAnAddressConflict() {
        String email = TestData.unique("name") + "@example.test";
        var reply = api.post("/api/v1/customers").auth(bearer(token))
                .json(Map.of("name", "Bad\u0000Name", "emails", List.of(email))).send();

        assertThat(reply.status()).as(reply.toString()).isEqualTo(400);
        assertThat(fields(reply.json())).containsExactly("name");
        assertThat(customersWithAddress(email)).isZero();
    }

    @Test
    void textInsideMapsAndListsIsCheckedToo() {
        String email = TestData.unique("map") + "@example.test";
        var value = api.post("/api/v1/customers").auth(bearer(token)).raw("{\"name\":\"Map\",\"emails\":[\"" + email
                + "\"],\"preferenceValues\":{\"anything\":\"v\\u0000\"}}", "application/json").send();
        var key = api.post("/api/v1/customers").auth(bearer(token)).raw("{\"name\":\"Map\",\"emails\":[\"" + email
                + "\"],\"preferenceValues\":{\"k\\u0000\":\"v\"}}", "application/json").send();
        var listed = api.post("/api/v1/customers").auth(bearer(token)).raw("{\"name\":\"Map\",\"emails\":[\"a\\u0000"
                + email + "\"]}", "application/json").send();

        assertThat(value.status()).as(value.toString()).isEqualTo(400);
        assertThat(fields(value.json())).containsExactly("preferenceValues.anything");
        assertThat(key.status()).as(key.toString()).isEqualTo(400);
        assertThat(listed.status()).as(listed.toString()).isEqualTo(400);
        assertThat(fields(listed.json())).containsExactly("emails[0]");
        assertThat(customersWithAddress(email)).isZero();
    }

    @Test
    void onlyATakenAddressIsReportedAsATakenAddress() {
        String email = TestData.unique("long") + "@example.test";
        // a name longer than its column gets past no form, but if it reached the database it is not an address conflict
        assertThatThrownBy(() -> customers.create(new Customers.NewCustomer("n".repeat(5000), List.of(email), null, null, null, null)))
                .isInstanceOf(DataIntegrityViolationException.class)
                .isNotInstanceOf(Customers.EmailTaken.class);
        String taken = data.customer("Holder").emails().getFirst();
        assertThatThrownBy(() -> customers.create(new Customers.NewCustomer("Other", List.of(taken), null, null, null, null)))
                .isInstanceOf(Customers.EmailTaken.class);
    }

    @Test
    void pageFormsDropTheNulCharacter() {
        WebSession page = WebSession.signedIn(port, agent.email(), agent.password());
        String email = TestData.unique("page") + "@example.test";
        var created = page.post("/tickets", "newCustomerEmail", email, "newCustomerName", "Pa\u0000ge",
                "subject", "Sub\u0000ject", "body", "Bo\u0000dy", "channel", "PHONE", "team", String.valueOf(team.id()),
                "priority", "NORMAL");

        assertThat(created.status()).as(created.body()).isEqualTo(302);
        long id = Long.parseLong(created.redirectPath().replaceAll("\\D+", ""));
        var ticket = queries.detail(id, data.admin());
        assertThat(ticket.summary().subject()).isEqualTo("Subject");
        assertThat(ticket.messages().getFirst().body()).isEqualTo("Body");
        assertThat(ticket.summary().customerName()).isEqualTo("Page");

        var search = page.get("/customers?q=Pa%00ge");
        assertThat(search.status()).isEqualTo(200);
    }

    @Test
    void aTicketRefusedOnThePageLeavesNoNewCustomer() {
        WebSession page = WebSession.signedIn(port, agent.email(), agent.password());
        String email = TestData.unique("refused") + "@example.test";
        var refused = page.post("/tickets", "newCustomerEmail", email, "subject", "Subject", "body", "Body",
                "channel", "PHONE", "team", String.valueOf(team.id()), "priority", "NORMAL", "category", "987654321");

        assertThat(refused.status()).isEqualTo(400);
        assertThat(customersWithAddress(email)).isZero();
    }

    @Test
    void aTicketRefusedByTheApiAfterItsChecksLeavesNoNewCustomer() {
        String email = TestData.unique("refusedapi") + "@example.test";
        var reply = api.post("/api/v1/tickets").auth(bearer(token)).json(Map.of(
                "customer", Map.of("email", email), "subject", "Subject", "body", "Body", "channel", "web",
                "team", team.id(), "category", 987654321)).send();

        assertThat(reply.status()).as(reply.toString()).isEqualTo(400);
        assertThat(customersWithAddress(email)).isZero();
    }
}
