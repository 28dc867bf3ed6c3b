package org.regard.security;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.regard.accounts.Role;
import org.regard.api.ApiClient;
import org.regard.support.IntegrationTest;
import org.regard.support.TestData;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.regard.api.ApiClient.basic;
import static org.regard.api.ApiClient.bearer;

/** Load balancers may ask whether Regard is up; only admins may read its metrics. */
@IntegrationTest
class ActuatorAccessIntegrationTest {
    @LocalServerPort
    int port;
    @Autowired
    TestData data;

    ApiClient api;

    @BeforeEach
    void setUp() {
        api = new ApiClient(port);
    }

    @Test
    void healthAnswersWithoutSignInAndShowsOnlyTheStatus() {
        var reply = api.get("/actuator/health").send();

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json().get("status").asString()).isEqualTo("UP");
        assertThat(reply.json().propertyNames()).doesNotContain("components", "details");
    }

    @Test
    void metricsNeedCredentials() {
        var reply = api.get("/actuator/prometheus").send();

        assertThat(reply.status()).isEqualTo(401);
        assertThat(reply.contentType()).startsWith("application/problem+json");
    }

    @Test
    void metricsAreForbiddenToAPlainAgent() {
        var agent = data.agent(Role.AGENT, data.team("ops"));

        var withPassword = api.get("/actuator/prometheus").auth(basic(agent.email(), agent.password())).send();
        var withToken = api.get("/actuator/prometheus").auth(bearer(data.apiToken(agent))).send();

        assertThat(withPassword.status()).isEqualTo(403);
        assertThat(withPassword.contentType()).startsWith("application/problem+json");
        assertThat(withToken.status()).isEqualTo(403);
    }

    @Test
    void anAdminReadsTheMetrics() {
        var admin = data.agent(Role.ADMIN);

        var reply = api.get("/actuator/prometheus").header("Accept", "text/plain").auth(basic(admin.email(), admin.password())).send();

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.body()).contains("# HELP", "jvm_memory_used_bytes");
    }

    @Test
    void anAdminSeesTheHealthOfEachComponent() {
        var admin = data.agent(Role.ADMIN);

        var reply = api.get("/actuator/health").auth(basic(admin.email(), admin.password())).send();

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json().get("components").has("db")).isTrue();
    }
}
