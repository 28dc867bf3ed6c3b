package org.regard.customers;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.regard.accounts.Role;
import org.regard.api.ApiClient;
import org.regard.support.IntegrationTest;
import org.regard.support.TestData;
import org.regard.support.WebSession;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.regard.api.ApiClient.bearer;

/** The customer search takes what is typed literally: LIKE's wildcards and its escape character match themselves. */
@IntegrationTest
class CustomerSearchIntegrationTest {
    @LocalServerPort
    int port;
    @Autowired
    TestData data;
    @Autowired
    Customers customers;

    ApiClient api;
    String token;
    String mark;

    @BeforeEach
    void setUp() {
        api = new ApiClient(port);
        token = data.apiToken(data.agent(Role.AGENT, data.team("search")));
        mark = TestData.unique("like");
    }

    private long create(String name) {
        var reply = api.post("/api/v1/customers").auth(bearer(token))
                .json(Map.of("name", name, "emails", List.of(TestData.unique("like") + "@example.test"))).send();
        assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
        return reply.json().get("id").asLong();
    }

    private List<String> namesFound(String q) {
        List<String> names = new ArrayList<>();
        JsonNode page = api.get("/api/v1/customers?limit=200&q=" + URLEncoder.encode(q, StandardCharsets.UTF_8))
                .auth(bearer(token)).send().json();
        page.get("items").forEach(c -> names.add(c.get("name").asString()));
        return names;
    }

    @Test
    void aPercentSignFindsOnlyCustomersWithOneNotEveryone() {
        create("Plain " + mark);
        create("Rabatt 100% " + mark);

        assertThat(namesFound("%")).isNotEmpty().allSatisfy(name -> assertThat(name).contains("%"));
        assertThat(namesFound("%")).doesNotContain("Plain " + mark);
        assertThat(customers.page("%", null, 1000)).extracting(Customers.CustomerView::name)
                .allSatisfy(name -> assertThat(name).contains("%"));
    }

    @Test
    void anUnderscoreAndABackslashMatchOnlyThemselves() {
        create("Ha_Noi " + mark);
        create("HaxNoi " + mark);
        create("Back\\slash " + mark);
        create("Backslash " + mark);

        assertThat(namesFound("ha_noi " + mark)).containsExactly("Ha_Noi " + mark);
        assertThat(namesFound("back\\slash " + mark)).containsExactly("Back\\slash " + mark);
        assertThat(namesFound("slash " + mark)).containsExactlyInAnyOrder("Back\\slash " + mark, "Backslash " + mark);
    }

    @Test
    void theCustomerListPageTakesTheQueryLiterallyToo() {
        var someone = data.agent(Role.AGENT);
        var page = WebSession.signedIn(port, someone.email(), someone.password());
        create("Plain " + mark);
        create("50_50 " + mark);

        String body = page.get("/customers?q=" + URLEncoder.encode("0_5", StandardCharsets.UTF_8) + "&after=0").body();

        assertThat(body).contains("50_50 " + mark).doesNotContain("Plain " + mark);
        assertThat(page.get("/customers?q=%25").body()).doesNotContain("Plain " + mark);
    }
}
