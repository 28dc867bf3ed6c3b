package org.regard.api;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.regard.accounts.ApiTokens;
import org.regard.accounts.Role;
import org.regard.support.IntegrationTest;
import org.regard.support.TestData;
import org.regard.support.TestData.TestAgent;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.regard.api.ApiClient.basic;
import static org.regard.api.ApiClient.bearer;

/** Who may call the API: an agent with a live token or their password, nobody else. */
@IntegrationTest
class ApiAuthenticationIntegrationTest {
    @LocalServerPort
    int port;
    @Autowired
    TestData data;
    @Autowired
    ApiTokens tokens;

    ApiClient api;
    TestAgent agent;

    @BeforeEach
    void setUp() {
        api = new ApiClient(port);
        agent = data.agent(Role.AGENT, data.team("auth"));
    }

    @Test
    void aCallWithoutCredentialsIsUnauthorizedWithAProblem() {
        var reply = api.get("/api/v1/tickets").send();

        assertThat(reply.status()).isEqualTo(401);
        assertThat(reply.contentType()).startsWith("application/problem+json");
        assertThat(reply.json().get("status").asInt()).isEqualTo(401);
        assertThat(reply.json().get("detail").asString()).contains("Bearer");
        assertThat(reply.header("WWW-Authenticate")).hasValueSatisfying(h -> assertThat(h).contains("Basic", "Bearer"));
    }

    @Test
    void aWriteWithoutCredentialsIsUnauthorizedAndWritesNothing() {
        String email = TestData.unique("anonymous") + "@example.test";
        var reply = api.post("/api/v1/customers").json(Map.of("name", "Nobody", "emails", List.of(email))).send();

        assertThat(reply.status()).isEqualTo(401);
        var admin = data.agent(Role.ADMIN);
        var found = api.get("/api/v1/customers?q=" + email).auth(basic(admin.email(), admin.password())).send();
        assertThat(found.json().get("items")).isEmpty();
    }

    @Test
    void aLiveTokenActsAsItsAgent() {
        var reply = api.get("/api/v1/tickets").auth(bearer(data.apiToken(agent))).send();

        assertThat(reply.status()).isEqualTo(200);
    }

    @Test
    void aRevokedTokenIsUnauthorized() {
        ApiTokens.CreatedToken token = tokens.create(agent.id(), "laptop");
        assertThat(api.get("/api/v1/tickets").auth(bearer(token.secret())).send().status()).isEqualTo(200);

        tokens.revoke(agent.id(), token.id());

        var reply = api.get("/api/v1/tickets").auth(bearer(token.secret())).send();
        assertThat(reply.status()).isEqualTo(401);
        assertThat(reply.contentType()).startsWith("application/problem+json");
    }

    @Test
    void anUnknownTokenIsUnauthorized() {
        var reply = api.get("/api/v1/tickets").auth(bearer("rgd_" + "A".repeat(43))).send();

        assertThat(reply.status()).isEqualTo(401);
    }

    @Test
    void httpBasicWithTheAgentsPasswordWorks() {
        var reply = api.get("/api/v1/tickets").auth(basic(agent.email(), agent.password())).send();

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json().has("items")).isTrue();
    }

    @Test
    void httpBasicWithAWrongPasswordIsUnauthorized() {
        var reply = api.get("/api/v1/tickets").auth(basic(agent.email(), "not-the-password")).send();

        assertThat(reply.status()).isEqualTo(401);
        assertThat(reply.contentType()).startsWith("application/problem+json");
    }

    @Test
    void theApiSetsNoSessionCookie() {
        var reply = api.get("/api/v1/tickets").auth(basic(agent.email(), agent.password())).send();

        assertThat(reply.header("Set-Cookie")).isEmpty();
    }
}
