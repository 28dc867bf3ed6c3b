package org.regard;

import org.junit.jupiter.api.Test;
import org.regard.accounts.Role;
import org.regard.support.IntegrationTest;
import org.regard.support.TestData;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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
    void aSessionStartedOnOneNodeIsValidOnAnother() throws Exception {
        var agent = data.agent(Role.AGENT, data.team("scale"));
        String nodeA = "http://127.0.0.1:" + env.getProperty("local.server.port");
        try (ConfigurableApplicationContext second = new SpringApplicationBuilder(RegardApplication.class)
                .profiles("test")
                .properties("server.port=0", "spring.datasource.url=" + env.getProperty("spring.datasource.url"),
                        "spring.datasource.username=" + env.getProperty("spring.datasource.username"))
                .run()) {
            String nodeB = "http://127.0.0.1:" + second.getEnvironment().getProperty("local.server.port");
            HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();

            String loginPage = browser.send(HttpRequest.newBuilder(URI.create(nodeA + "/login")).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            Matcher csrf = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(loginPage);
            assertThat(csrf.find()).isTrue();
            String form = "username=" + enc(agent.email()) + "&password=" + enc(agent.password()) + "&_csrf=" + enc(csrf.group(1));
            HttpResponse<String> signedIn = browser.send(HttpRequest.newBuilder(URI.create(nodeA + "/login"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(signedIn.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).doesNotContain("error"));

            HttpResponse<String> onB = browser.send(HttpRequest.newBuilder(URI.create(nodeB + "/")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(onB.statusCode()).isEqualTo(302);
            assertThat(onB.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/inbox"));

            HttpResponse<String> strangerOnB = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(nodeB + "/")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(strangerOnB.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/login"));
        }
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
