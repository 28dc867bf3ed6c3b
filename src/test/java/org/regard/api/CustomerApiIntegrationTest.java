package org.regard.api;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.regard.accounts.Role;
import org.regard.support.IntegrationTest;
import org.regard.support.TestData;
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
class CustomerApiIntegrationTest {
    @LocalServerPort
    int port;
    @Autowired
    TestData data;

    ApiClient api;
    String token;
    org.regard.accounts.TeamView team;

    @BeforeEach
    void setUp() {
        api = new ApiClient(port);
        team = data.team("customers");
        token = data.apiToken(data.agent(Role.AGENT, team));
    }

    @Test
    void aCustomerIsCreatedReadAndChanged() {
        String email = TestData.unique("thu") + "@example.test";
        String organization = TestData.unique("Công ty");
        var created = api.post("/api/v1/customers").auth(bearer(token)).json(Map.of(
                "name", "Trần Thị Thu", "emails", List.of(email.toUpperCase()), "language", "vi",
                "organization", organization, "tier", "priority", "preferences", "Prefers phone calls in the morning")).send();

        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        JsonNode customer = created.json();
        long id = customer.get("id").asLong();
        assertThat(created.header("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/api/v1/customers/" + id));
        assertThat(customer.get("emails")).extracting(JsonNode::asString).containsExactly(email);
        assertThat(customer.get("organization").get("name").asString()).isEqualTo(organization);
        assertThat(customer.get("tier").asString()).isEqualTo("priority");
        data.serve(team, id);

        var read = api.get("/api/v1/customers/" + id).auth(bearer(token)).send();
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.json().get("name").asString()).isEqualTo("Trần Thị Thu");
        assertThat(read.header("ETag")).contains("\"" + read.json().get("version").asInt() + "\"");

        Map<String, Object> changes = new HashMap<>();
        changes.put("language", "en");
        changes.put("organization", null);
        var changed = api.patch("/api/v1/customers/" + id).auth(bearer(token)).header("If-Match", read.header("ETag").orElseThrow())
                .json(changes).send();
        assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
        assertThat(changed.json().get("language").asString()).isEqualTo("en");
        assertThat(changed.json().get("organization").isNull()).isTrue();
        assertThat(changed.json().get("name").asString()).as("fields left out keep their value").isEqualTo("Trần Thị Thu");
        assertThat(changed.json().get("preferences").asString()).isEqualTo("Prefers phone calls in the morning");
        assertThat(changed.json().get("version").asInt()).isGreaterThan(read.json().get("version").asInt());
    }

    @Test
    void aStaleIfMatchChangesNothing() {
        JsonNode customer = create("Jonas Weber", TestData.unique("jonas") + "@example.test");
        long id = customer.get("id").asLong();
        String seen = "\"" + data.serve(team, id).version() + "\"";
        assertThat(api.patch("/api/v1/customers/" + id).auth(bearer(token)).header("If-Match", seen)
                .json(Map.of("name", "Jonas M. Weber")).send().status()).isEqualTo(200);

        var stale = api.patch("/api/v1/customers/" + id).auth(bearer(token)).header("If-Match", seen)
                .json(Map.of("name", "Someone Else")).send();

        assertThat(stale.status()).isEqualTo(412);
        assertThat(stale.contentType()).startsWith("application/problem+json");
        assertThat(api.get("/api/v1/customers/" + id).auth(bearer(token)).send().json().get("name").asString())
                .isEqualTo("Jonas M. Weber");
    }

    @Test
    void anAddressOfAnotherCustomerIsAConflict() {
        String taken = TestData.unique("taken") + "@example.test";
        create("First Owner", taken);

        var reply = api.post("/api/v1/customers").auth(bearer(token))
                .json(Map.of("name", "Second Owner", "emails", List.of(taken))).send();

        assertThat(reply.status()).isEqualTo(409);
        assertThat(reply.json().get("errors").get(0).get("field").asString()).isEqualTo("emails");
    }

    @Test
    void anUnknownTierIsRefusedNamingTheField() {
        var reply = api.post("/api/v1/customers").auth(bearer(token))
                .json(Map.of("name", "Tiered", "tier", "platinum")).send();

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.json().get("errors").get(0).get("field").asString()).isEqualTo("tier");
    }

    @Test
    void aPatchWithAFieldCustomersDoNotHaveIsRefused() {
        long id = create("Typo", TestData.unique("typo") + "@example.test").get("id").asLong();

        var reply = api.patch("/api/v1/customers/" + id).auth(bearer(token)).json(Map.of("email", "new@example.test")).send();

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.json().get("errors").get(0).get("field").asString()).isEqualTo("email");
    }

    @Test
    void customersAreFoundByPartOfTheirAddressPageByPage() {
        String marker = TestData.unique("search");
        List<Long> created = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            created.add(create("Searched " + i, marker + "-" + i + "@example.test").get("id").asLong());
        }

        List<Long> found = new ArrayList<>();
        String cursor = null;
        do {
            var page = api.get("/api/v1/customers?limit=2&q=" + marker + (cursor == null ? "" : "&cursor=" + cursor))
                    .auth(bearer(token)).send().json();
            page.get("items").forEach(c -> found.add(c.get("id").asLong()));
            cursor = page.get("nextCursor").isNull() ? null : page.get("nextCursor").asString();
        } while (cursor != null);

        assertThat(found).containsExactlyElementsOf(created);
    }

    @Test
    void aMalformedCursorIsABadRequestNamingTheParameter() {
        var reply = api.get("/api/v1/customers?cursor=bm9wZQ").auth(bearer(token)).send();

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.json().get("errors").get(0).get("field").asString()).isEqualTo("cursor");
    }

    @Test
    void anUnknownCustomerIsNotFound() {
        var read = api.get("/api/v1/customers/987654321").auth(bearer(token)).send();
        var change = api.patch("/api/v1/customers/987654321").auth(bearer(token)).json(Map.of("name", "Ghost")).send();

        assertThat(read.status()).isEqualTo(404);
        assertThat(read.contentType()).startsWith("application/problem+json");
        assertThat(change.status()).isEqualTo(404);
    }

    private JsonNode create(String name, String email) {
        var reply = api.post("/api/v1/customers").auth(bearer(token)).json(Map.of("name", name, "emails", List.of(email))).send();
        assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
        return reply.json();
    }
}
