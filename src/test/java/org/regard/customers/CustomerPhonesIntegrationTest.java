package org.regard.customers;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.regard.accounts.Role;
import org.regard.accounts.TeamView;
import org.regard.api.ApiClient;
import org.regard.support.IntegrationTest;
import org.regard.support.TestData;
import org.regard.support.TestData.TestAgent;
import org.regard.support.WebSession;
import org.regard.tickets.Channel;
import org.regard.tickets.TicketQueries;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.regard.api.ApiClient.bearer;

/**
 * Customers' telephone numbers: kept as written and typed, and a caller found by their number however it is written,
 * in the customer list, the lookup of New ticket, the top search and the API; a customer without an address.
 */
@IntegrationTest
class CustomerPhonesIntegrationTest {
    @LocalServerPort
    int port;
    @Autowired
    TestData data;
    @Autowired
    Customers customers;
    @Autowired
    TicketQueries queries;

    TeamView team;
    TestAgent agent;
    ApiClient api;
    String token;
    /** Eight digits no other test uses: a French mobile is 6 and these, after +33 or 0. */
    String eight;

    @BeforeEach
    void setUp() {
        team = data.team("phones");
        agent = data.agent(Role.AGENT, team);
        api = new ApiClient(port);
        token = data.apiToken(agent);
        eight = String.valueOf(ThreadLocalRandom.current().nextInt(10_000_000, 100_000_000));
    }

    /** The mobile written the international way, with spaces: +33 6 12 34 56 78. */
    private String international() {
        return "+33 6 " + eight.replaceAll("(..)(?!$)", "$1 ");
    }

    private JsonNode createByApi(Map<String, Object> customer) {
        var reply = api.post("/api/v1/customers").auth(bearer(token)).json(customer).send();
        assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
        return reply.json();
    }

    private static String encoded(String q) {
        return URLEncoder.encode(q, StandardCharsets.UTF_8);
    }

    @Test
    void aCallerIsFoundByTheirNumberHoweverItIsWrittenInEveryLookup() {
        String name = TestData.unique("Caller");
        long id = createByApi(Map.of("name", name, "phones", List.of(Map.of("number", international(), "kind", "mobile"))))
                .get("id").asLong();
        WebSession session = WebSession.signedIn(port, agent.email(), agent.password());

        for (String written : List.of("06" + eight, "0033 6 " + eight, "+33 (0)6." + eight, international(),
                "06-" + eight.substring(0, 4) + "-" + eight.substring(4))) {
            assertThat(session.get("/customers?q=" + encoded(written)).body()).as("customer list, %s", written)
                    .contains("id=\"customer-row-" + id + "\"", international());
            assertThat(session.htmxGet("/tickets/new/customers?q=" + encoded(written)).body()).as("New ticket, %s", written)
                    .contains("id=\"suggestion-" + id + "\"");
            assertThat(session.get("/search?q=" + encoded(written)).body()).as("top search, %s", written)
                    .contains("id=\"hit-customer-" + id + "\"");
            List<Long> found = new ArrayList<>();
            api.get("/api/v1/customers?q=" + encoded(written)).auth(bearer(token)).send().json().get("items")
                    .forEach(c -> found.add(c.get("id").asLong()));
            assertThat(found).as("API, %s", written).contains(id);
        }
        // a part of the number, as an agent types it, finds them in the lists
        assertThat(session.get("/customers?q=" + encoded("6" + eight.substring(0, 6))).body()).contains("id=\"customer-row-" + id + "\"");
        // another number is not theirs
        String other = eight.charAt(0) == '9' ? "1" + eight.substring(1) : (char) (eight.charAt(0) + 1) + eight.substring(1);
        assertThat(session.get("/customers?q=" + encoded("06" + other)).body()).doesNotContain("id=\"customer-row-" + id + "\"");
        assertThat(session.get("/search?q=" + encoded("06" + other)).body()).doesNotContain("id=\"hit-customer-" + id + "\"");
    }

    @Test
    void phonesMakeTheRoundTripThroughTheApiAndShowOnTheCard() {
        JsonNode created = createByApi(Map.of("name", TestData.unique("Round"), "emails", List.of(TestData.unique("round") + "@example.test"),
                "phones", List.of(Map.of("number", international(), "kind", "MOBILE"), Map.of("number", "01 44 55 66 77"))));
        long id = created.get("id").asLong();
        assertThat(created.get("phones").get(0).get("number").asString()).isEqualTo(international());
        assertThat(created.get("phones").get(0).get("kind").asString()).isEqualTo("mobile");
        assertThat(created.get("phones").get(1).get("kind").asString()).isEqualTo("other");
        data.serve(team, id);

        var read = api.get("/api/v1/customers/" + id).auth(bearer(token)).send();
        assertThat(read.json().get("phones")).hasSize(2);
        var renamed = api.patch("/api/v1/customers/" + id).auth(bearer(token)).json(Map.of("name", "Renamed")).send();
        assertThat(renamed.json().get("phones")).as("left out: kept").hasSize(2);
        var replaced = api.patch("/api/v1/customers/" + id).auth(bearer(token))
                .json(Map.of("phones", List.of(Map.of("number", "+49 30 1234567", "kind", "work")))).send();
        assertThat(replaced.status()).as(replaced.toString()).isEqualTo(200);
        assertThat(replaced.json().get("phones")).singleElement().satisfies(p -> {
            assertThat(p.get("number").asString()).isEqualTo("+49 30 1234567");
            assertThat(p.get("kind").asString()).isEqualTo("work");
        });
        WebSession session = WebSession.signedIn(port, agent.email(), agent.password());
        assertThat(session.get("/customers/" + id).body()).contains("id=\"card-phones\"", "href=\"tel:+49301234567\"", "+49 30 1234567");

        var cleared = api.patch("/api/v1/customers/" + id).auth(bearer(token)).json(Map.of("phones", List.of())).send();
        assertThat(cleared.json().get("phones")).isEmpty();
        assertThat(customers.customer(id).orElseThrow().phones()).isEmpty();
    }

    @Test
    void numbersThatAreNotNumbersAreProblemsNamingTheField() {
        assertProblem(Map.of("name", "Bad", "phones", List.of(Map.of("number", "call me maybe"))), "phones[0].number");
        assertProblem(Map.of("name", "Bad", "phones", List.of(Map.of("number", "+33 6 12 34 56 78"), Map.of("number", "12"))),
                "phones[1].number");
        assertProblem(Map.of("name", "Bad", "phones", List.of(Map.of("number", "+33 6 12 34 56 78 90 12 34 56"))), "phones[0].number");
        assertProblem(Map.of("name", "Bad", "phones", List.of(Map.of("number", "0612345678", "kind", "fax"))), "phones[0].kind");

        long id = createByApi(Map.of("name", TestData.unique("Patched"))).get("id").asLong();
        data.serve(team, id);
        java.util.HashMap<String, Object> nullPhones = new java.util.HashMap<>();
        nullPhones.put("phones", null);
        var refused = api.patch("/api/v1/customers/" + id).auth(bearer(token)).json(nullPhones).send();
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().get("errors").get(0).get("field").asString()).isEqualTo("phones");
    }

    private void assertProblem(Map<String, Object> customer, String field) {
        var reply = api.post("/api/v1/customers").auth(bearer(token)).json(customer).send();
        assertThat(reply.status()).as(reply.toString()).isEqualTo(400);
        assertThat(reply.contentType()).startsWith("application/problem+json");
        assertThat(reply.json().get("errors").get(0).get("field").asString()).as(reply.toString()).isEqualTo(field);
        assertThat(reply.json().get("errors").get(0).get("message").asString()).isNotBlank();
    }

    @Test
    void aCustomerWithoutEmailIsCreatedOnThePageAndATicketOpenedForThem() {
        WebSession session = WebSession.signedIn(port, agent.email(), agent.password());
        String name = TestData.unique("No Mail");

        var refused = session.post("/customers", "name", name, "emails", "", "tier", customers.tiers().getFirst(),
                "phones[0].number", "not a number", "phones[0].kind", "home");
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body()).contains("id=\"customer-phone-0-error\"", "value=\"not a number\"");

        var created = session.post("/customers", "name", name, "emails", "", "tier", customers.tiers().getFirst(),
                "phones[0].number", international(), "phones[0].kind", "home", "phones[1].number", "", "phones[1].kind", "mobile");
        assertThat(created.status()).isEqualTo(302);
        long id = Long.parseLong(created.redirectPath().replace("/customers/", ""));
        Customers.CustomerView customer = customers.customer(id).orElseThrow();
        assertThat(customer.emails()).isEmpty();
        assertThat(customer.phones()).containsExactly(new Phone(international(), PhoneKind.HOME));

        var opened = session.post("/tickets", "customerId", String.valueOf(id), "subject", "Called about the delivery",
                "body", "Wants to know when it comes.", "channel", "PHONE", "team", String.valueOf(team.id()),
                "priority", "NORMAL", "assignee", String.valueOf(agent.id()), "submissionKey", TestData.unique("no-mail"));
        assertThat(opened.status()).as(opened.body()).isEqualTo(302);
        long ticketId = Long.parseLong(opened.redirectPath().replace("/tickets/", ""));
        var detail = queries.detail(ticketId, agent.principal());
        assertThat(detail.summary().customerId()).isEqualTo(id);
        assertThat(detail.summary().channel()).isEqualTo(Channel.PHONE);
    }

    @Test
    void aNewCallerTakenDownByNumberAloneIsCreatedWithTheTicketAndOnlyOnce() {
        WebSession session = WebSession.signedIn(port, agent.email(), agent.password());
        String key = TestData.unique("caller");
        String[] form = {"newCustomerEmail", "", "newCustomerName", "", "newCustomerPhone", international(),
                "newCustomerPhoneKind", "mobile", "subject", "Phone call", "body", "Called about the invoice.", "channel", "PHONE",
                "team", String.valueOf(team.id()), "priority", "NORMAL", "submissionKey", key};

        var first = session.post("/tickets", form);
        var again = session.post("/tickets", form);

        assertThat(first.status()).as(first.body()).isEqualTo(302);
        assertThat(again.redirectPath()).isEqualTo(first.redirectPath());
        List<Customers.CustomerView> callers = customers.page("06" + eight, null, 10);
        assertThat(callers).singleElement().satisfies(c -> {
            assertThat(c.emails()).isEmpty();
            assertThat(c.name()).as("named by the number until someone knows better").isEqualTo(international());
            assertThat(c.phones()).containsExactly(new Phone(international(), PhoneKind.MOBILE));
        });
        long ticketId = Long.parseLong(first.redirectPath().replace("/tickets/", ""));
        assertThat(queries.detail(ticketId, agent.principal()).summary().customerId()).isEqualTo(callers.getFirst().id());

        var badNumber = session.post("/tickets", "newCustomerPhone", "ring ring", "subject", "Call", "body", "Hello",
                "channel", "PHONE", "team", String.valueOf(team.id()), "priority", "NORMAL", "submissionKey", TestData.unique("bad"));
        assertThat(badNumber.status()).isEqualTo(400);
        assertThat(badNumber.body()).contains("id=\"newCustomerPhone-error\"", "value=\"ring ring\"");
    }
}
