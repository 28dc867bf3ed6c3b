package org.regard;

import org.junit.jupiter.api.Test;
import org.regard.accounts.Role;
import org.regard.support.IntegrationTest;
import org.regard.support.TestData;
import org.regard.support.WebSession;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two Regard nodes on one database behave as one: an agent signed in on the first node is signed in on
 * the second, because the session lives in the database.
 */
@IntegrationTest
class ScaleOutIntegrationTest {
    @Autowired
    Environment env;
    @Autowired
    TestData data;

    @Test
    void aSessionStartedOnOneNodeIsValidOnAnother() {
        var agent = data.agent(Role.AGENT, data.team("scale"));
        int nodeA = env.getRequiredProperty("local.server.port", Integer.class);
        try (ConfigurableApplicationContext second = new SpringApplicationBuilder(RegardApplication.class)
                .profiles("test")
                .properties("server.port=0", "spring.datasource.url=" + env.getProperty("spring.datasource.url"),
                        "spring.datasource.username=" + env.getProperty("spring.datasource.username"))
                .run()) {
            int nodeB = second.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
            WebSession browser = WebSession.signedIn(nodeA, agent.email(), agent.password());

            var onB = browser.onPort(nodeB).get("/");
            assertThat(onB.status()).isEqualTo(302);
            assertThat(onB.location()).endsWith("/inbox");

            var strangerOnB = WebSession.anonymous(nodeB).get("/");
            assertThat(strangerOnB.location()).endsWith("/login");
        }
    }
}
