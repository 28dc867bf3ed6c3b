package org.regard.web;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.regard.accounts.Role;
import org.regard.accounts.TeamView;
import org.regard.api.ApiClient;
import org.regard.support.IntegrationTest;
import org.regard.support.RawHttp;
import org.regard.support.TestData;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.io.IOException;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.regard.api.ApiClient.bearer;

/**
 * Every error under /api/ is a problem document, also those raised before Regard's code runs (the server's URL checks,
 * the security firewall); problems describe wrong values in words, never with Java's names; one answer, one language.
 */
@IntegrationTest
class ApiErrorShapesIntegrationTest {
    @LocalServerPort
    int port;
    @Autowired
    TestData data;

    ApiClient api;
    TeamView team;
    String token;
    String frenchToken;

    @BeforeEach
    void setUp() {
        api = new ApiClient(port);
        team = data.team("shapes");
        token = data.apiToken(data.agent(Role.AGENT, team));
        frenchToken = data.apiToken(data.agent(Role.AGENT, "fr", team));
    }

    /** The raw answer to a request line sent as written (clients normalise paths such as {@code ..%2f}). */
    private String raw(String path) throws IOException {
        return RawHttp.send(port, "GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + token
                + "\r\nAccept: application/json\r\n", new byte[0]);
    }

    private static void assertProblem(String answer, int status) {
        assertThat(answer).startsWith("HTTP/1.1 " + status);
        assertThat(answer).containsIgnoringCase("Content-Type: application/problem+json");
        assertThat(answer).doesNotContainIgnoringCase("<html").contains("\"status\":" + status);
    }

    @Test
    void anEncodedSlashUnderTheApiIsAProblemNotTheServersHtmlPage() throws IOException {
        assertProblem(raw("/api/v1/tickets/..%2f..%2factuator"), 400);
    }

    @Test
    void aRequestTheFirewallRejectsIsAProblemToo() throws IOException {
        assertProblem(raw("/api/v1/tickets;jsessionid=x/../1"), 400);
        assertProblem(raw("/api/v1/tickets/%5c..%5c"), 400);
    }

    @Test
    void pagesKeepTheirErrorPages() throws IOException {
        String answer = raw("/tickets/..%2f..%2fadmin");
        assertThat(answer).startsWith("HTTP/1.1 400").doesNotContainIgnoringCase("application/problem+json");
    }

    @Test
    void wrongJsonShapesAreDescribedInWordsWithoutJavaNames() {
        for (String body : new String[]{"[]", "\"text\"", "42", "{\"customer\": [1]}", "{\"team\": {\"id\": 1}}",
                "{\"customer\": {\"email\": {}}}", "{\"subject\": [\"a\"]}"}) {
            var reply = api.post("/api/v1/tickets").auth(bearer(token)).raw(body, "application/json").send();

            assertThat(reply.status()).as(body).isEqualTo(400);
            assertThat(reply.contentType()).startsWith("application/problem+json");
            assertThat(reply.body()).as(body).doesNotContain("$", "org.regard", "java.", "TicketRequests", "NewTicket", "`");
        }
        var wrongType = api.post("/api/v1/tickets").auth(bearer(token)).raw("{\"team\": \"abc\"}", "application/json").send();
        assertThat(wrongType.json().get("errors").get(0).get("field").asString()).isEqualTo("team");
        assertThat(wrongType.json().get("errors").get(0).get("message").asString()).isEqualTo("must be a number");
        var notAnObject = api.post("/api/v1/tickets").auth(bearer(token)).raw("[]", "application/json").send();
        assertThat(notAnObject.json().get("detail").asString()).contains("JSON object");
    }

    @Test
    void theApiAnswersInEnglishWhateverTheAgentsLanguage() {
        var reply = api.post("/api/v1/tickets").auth(bearer(frenchToken)).header("Accept-Language", "fr")
                .json(Map.of("customer", Map.of("email", TestData.unique("lang") + "@example.test"),
                        "subject", " ", "body", "Body", "channel", "web")).send();

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.json().get("errors").get(0).get("field").asString()).isEqualTo("subject");
        assertThat(reply.json().get("errors").get(0).get("message").asString()).isEqualTo("must not be blank");
        assertThat(reply.json().get("detail").asString()).isEqualTo("Please correct these fields: subject must not be blank.");
    }
}
