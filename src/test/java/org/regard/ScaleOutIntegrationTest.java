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
 * the second, because the session lives in the database; so do the counts of failed sign-ins.
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
                .properties("spring.datasource.url=" + env.getProperty("spring.datasource.url"),
                        "spring.datasource.username=" + env.getProperty("spring.datasource.username"))
                // an argument, not a default property: application.properties' server.port would win over the latter
                .run("--server.port=0")) {
            int nodeB = second.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
            WebSession browser = WebSession.signedIn(nodeA, agent.email(), agent.password());

            var onB = browser.onPort(nodeB).get("/");
            assertThat(onB.status()).isEqualTo(302);
            assertThat(onB.location()).endsWith("/inbox");

            var strangerOnB = WebSession.anonymous(nodeB).get("/");
            assertThat(strangerOnB.location()).endsWith("/login");

            // failed sign-ins on one node slow down the next attempt on the other: they are counted in the database
            String guesser = TestData.clientAddress();
            for (int i = 0; i < 5; i++) {
                assertThat(WebSession.anonymousFrom(nodeA, guesser).signIn(agent.email(), "wrong-" + i).location())
                        .endsWith("/login?error");
            }
            assertThat(WebSession.anonymousFrom(nodeB, guesser).signIn(agent.email(), agent.password()).location())
                    .endsWith("/login?wait");

            // the sign-in form of one node signs in on the other (its CSRF token is in a cookie, not in a node)
            WebSession visitor = WebSession.anonymousFrom(nodeA, TestData.clientAddress());
            String token = visitor.get("/login").csrfToken();
            var onOtherNode = visitor.onPort(nodeB).postAsIs("/login", "username", agent.email(),
                    "password", agent.password(), "_csrf", token);
            assertThat(onOtherNode.location()).endsWith("/inbox");
        }
    }
}
