package org.regard.api;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.regard.accounts.Role;
import org.regard.accounts.TeamView;
import org.regard.support.IntegrationTest;
import org.regard.support.TestData;
import org.regard.tickets.Tickets;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.regard.api.ApiClient.bearer;

/** Bad input gets a 400 (or 413) problem a client developer can act on, and writes nothing. */
@IntegrationTest
class ApiValidationIntegrationTest {
    @LocalServerPort
    int port;
    @Autowired
    TestData data;

    ApiClient api;
    TeamView team;
    String token;

    @BeforeEach
    void setUp() {
        api = new ApiClient(port);
        team = data.team("validation");
        token = data.apiToken(data.agent(Role.AGENT, team));
    }

    @Test
    void everyInvalidFieldIsNamedInTheProblem() {
        String email = TestData.unique("invalid") + "@example.test";
        var reply = api.post("/api/v1/tickets").auth(bearer(token)).json(Map.of(
                "customer", Map.of("email", "not-an-address"),
                "subject", " ",
                "body", "x".repeat(Tickets.MAX_BODY + 1),
                "channel", "email")).send();

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.contentType()).startsWith("application/problem+json");
        JsonNode problem = reply.json();
        assertThat(problem.get("status").asInt()).isEqualTo(400);
        assertThat(problem.get("title").asString()).isNotBlank();
        assertThat(problem.get("instance").asString()).isEqualTo("/api/v1/tickets");
        assertThat(problem.get("errors")).extracting(e -> e.get("field").asString())
                .containsExactlyInAnyOrder("customer.email", "subject", "body");
        assertThat(problem.get("errors")).allSatisfy(e -> assertThat(e.get("message").asString()).isNotBlank());
        assertThat(problem.get("detail").asString()).contains("customer.email", "subject", "body");
        assertThat(customersWithAddress(email)).as("no customer was created").isZero();
    }

    @Test
    void aSubjectLongerThanTicketsAllowIsRefused() {
        var reply = api.post("/api/v1/tickets").auth(bearer(token)).json(Map.of(
                "customer", Map.of("email", TestData.unique("long") + "@example.test"),
                "subject", "s".repeat(Tickets.MAX_SUBJECT + 1), "body", "Body", "channel", "web")).send();

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.json().get("errors").get(0).get("field").asString()).isEqualTo("subject");
        assertThat(reply.json().get("errors").get(0).get("message").asString()).contains(String.valueOf(Tickets.MAX_SUBJECT));
    }

    @Test
    void missingRequiredFieldsAreNamed() {
        var reply = api.post("/api/v1/tickets").auth(bearer(token)).json(Map.of("subject", "Only a subject")).send();

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.json().get("errors")).extracting(e -> e.get("field").asString())
                .contains("customer", "body", "channel");
    }

    @Test
    void malformedJsonGetsAReadableMessage() {
        var reply = api.post("/api/v1/tickets").auth(bearer(token))
                .raw("{\"subject\": \"Broken\", \"body\": ", "application/json").send();

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.contentType()).startsWith("application/problem+json");
        assertThat(reply.json().get("detail").asString()).startsWith("The request body is not valid JSON");
    }

    @Test
    void anUnknownEnumValueIsRefusedNamingTheFieldAndTheAllowedValues() {
        var reply = api.post("/api/v1/tickets").auth(bearer(token)).json(Map.of(
                "customer", Map.of("email", TestData.unique("enum") + "@example.test"),
                "subject", "Fax", "body", "Sent by fax", "channel", "fax")).send();

        assertThat(reply.status()).isEqualTo(400);
        JsonNode error = reply.json().get("errors").get(0);
        assertThat(error.get("field").asString()).isEqualTo("channel");
        assertThat(error.get("message").asString()).contains("fax", "email", "phone");
    }

    @Test
    void anEnumGivenAsANumberIsRefusedRatherThanTakenByPosition() {
        var reply = api.post("/api/v1/tickets").auth(bearer(token)).json(Map.of(
                "customer", Map.of("email", TestData.unique("number") + "@example.test"),
                "subject", "Numbered", "body", "Body", "channel", "web", "priority", 2)).send();

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.json().get("errors").get(0).get("field").asString()).isEqualTo("priority");
        assertThat(reply.json().get("errors").get(0).get("message").asString()).contains("low", "urgent");
    }

    @Test
    void enumValuesAreReadInAnyLetterCase() {
        var reply = api.post("/api/v1/tickets").auth(bearer(token)).json(Map.of(
                "customer", Map.of("email", TestData.unique("case") + "@example.test"),
                "subject", "Shouting", "body", "Body", "channel", "WEB", "priority", "Urgent")).send();

        assertThat(reply.status()).isEqualTo(201);
        assertThat(reply.json().get("priority").asString()).isEqualTo("urgent");
        assertThat(reply.json().get("channel").asString()).isEqualTo("web");
    }

    @Test
    void aValueOfTheWrongTypeIsRefusedNamingTheField() {
        var reply = api.post("/api/v1/tickets").auth(bearer(token)).json(Map.of(
                "customer", Map.of("email", TestData.unique("type") + "@example.test"),
                "subject", "Typed", "body", "Body", "channel", "web", "team", "support")).send();

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.json().get("errors").get(0).get("field").asString()).isEqualTo("team");
        assertThat(reply.json().get("errors").get(0).get("message").asString()).contains("number");
    }

    @Test
    void aMissingBodyIsExplained() {
        var reply = api.post("/api/v1/tickets").auth(bearer(token)).raw("", "application/json").send();

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.json().get("detail").asString()).contains("JSON body");
    }

    @Test
    void aBodyThatIsNotJsonIsAnUnsupportedMediaType() {
        var reply = api.post("/api/v1/tickets").auth(bearer(token)).raw("subject=Hello", "application/x-www-form-urlencoded").send();

        assertThat(reply.status()).isEqualTo(415);
        assertThat(reply.contentType()).startsWith("application/problem+json");
    }

    @Test
    void aCallToAnUnknownPathOrWithTheWrongMethodGetsAProblemToo() {
        var unknown = api.get("/api/v1/tickets-and-more").auth(bearer(token)).send();
        var wrongMethod = api.patch("/api/v1/tickets").auth(bearer(token)).json(Map.of("status", "open")).send();

        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.contentType()).startsWith("application/problem+json");
        assertThat(wrongMethod.status()).isEqualTo(405);
        assertThat(wrongMethod.contentType()).startsWith("application/problem+json");
        assertThat(wrongMethod.header("Allow")).hasValueSatisfying(allow -> assertThat(allow).contains("GET", "POST"));
    }

    @Test
    void aTooLargeBodyIsRefusedWithAClearMessage() {
        Map<String, Object> huge = new HashMap<>();
        huge.put("customer", Map.of("email", TestData.unique("huge") + "@example.test"));
        huge.put("subject", "Huge");
        huge.put("body", "x".repeat(2 * 1024 * 1024));
        huge.put("channel", "web");

        var reply = api.post("/api/v1/tickets").auth(bearer(token)).json(huge).send();

        assertThat(reply.status()).isEqualTo(413);
        assertThat(reply.contentType()).startsWith("application/problem+json");
        assertThat(reply.json().get("detail").asString()).contains("larger than");
    }

    @Test
    void aTooLargeBodySentWithoutLengthIsRefusedToo() {
        byte[] body = ("{\"subject\": \"Huge\", \"body\": \"" + "x".repeat(2 * 1024 * 1024) + "\"}").getBytes(StandardCharsets.UTF_8);

        var reply = api.post("/api/v1/tickets").auth(bearer(token)).chunked(body, "application/json").send();

        assertThat(reply.status()).isEqualTo(413);
        assertThat(reply.json().get("detail").asString()).contains("larger than");
    }

    @Test
    void anInvalidCustomerIsRefusedNamingEachAddress() {
        var reply = api.post("/api/v1/customers").auth(bearer(token)).json(Map.of(
                "name", "", "emails", List.of("good@example.test", "bad address"), "language", "french")).send();

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.json().get("errors")).extracting(e -> e.get("field").asString())
                .containsExactlyInAnyOrder("name", "emails[1]", "language");
    }

    private int customersWithAddress(String email) {
        var customers = api.get("/api/v1/customers?q=" + email).auth(bearer(token)).send().json().get("items");
        return customers.size();
    }
}
