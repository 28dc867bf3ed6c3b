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
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A request naming another host (its Host header, or X-Forwarded-Host from a client no proxy vouches for) never sends
 * anyone there: redirects and the API's Location headers are relative to wherever the client already is.
 */
@IntegrationTest
class ForwardedHostIntegrationTest {
    private static final Pattern LOCATION = Pattern.compile("(?im)^Location:\\s*(.*?)\\s*$");
    private static final Pattern STATUS = Pattern.compile("^HTTP/1\\.1 (\\d{3})");

    @LocalServerPort
    int port;
    @Autowired
    TestData data;

    TeamView team;
    String token;

    @BeforeEach
    void setUp() {
        team = data.team("host");
        token = data.apiToken(data.agent(Role.AGENT, team));
    }

    record Raw(int status, Optional<String> location, String text) {
    }

    /** Sends a request as written, Host header included (Java's HTTP client does not let a test set it). */
    private Raw send(String method, String path, String extraHeaders, String body) throws IOException {
        byte[] content = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
        String head = method + " " + path + " HTTP/1.1\r\nHost: evil.example\r\nX-Forwarded-Host: evil.example\r\n"
                + "X-Forwarded-Proto: https\r\nX-Forwarded-Port: 443\r\n" + extraHeaders
                + (body == null ? "" : "Content-Type: application/json\r\nContent-Length: " + content.length + "\r\n");
        String text = RawHttp.send(port, head, content);
        Matcher status = STATUS.matcher(text);
        assertThat(status.find()).as(text).isTrue();
        int headEnd = text.indexOf("\r\n\r\n");
        Matcher location = LOCATION.matcher(headEnd < 0 ? text : text.substring(0, headEnd));
        return new Raw(Integer.parseInt(status.group(1)), location.find() ? Optional.of(location.group(1)) : Optional.empty(), text);
    }

    @Test
    void theSignInRedirectStaysOnTheHostTheBrowserIsOn() throws IOException {
        Raw answer = send("GET", "/inbox", "", null);

        assertThat(answer.status()).as(answer.text()).isEqualTo(302);
        assertThat(answer.location()).as(answer.text()).hasValueSatisfying(location -> {
            assertThat(location).doesNotContain("evil.example").endsWith("/login");
            assertThat(location).startsWith("/");
        });
    }

    @Test
    void theLocationOfANewTicketOrCustomerIsRelative() throws IOException {
        String ticket = ApiClient.json(Map.of("customer", Map.of("email", TestData.unique("host") + "@example.test"),
                "subject", "Where", "body", "Here", "channel", "web", "team", team.id()));
        Raw opened = send("POST", "/api/v1/tickets", "Authorization: Bearer " + token + "\r\n", ticket);

        assertThat(opened.status()).as(opened.text()).isEqualTo(201);
        assertThat(opened.location()).hasValueSatisfying(location ->
                assertThat(location).doesNotContain("evil.example").matches("/api/v1/tickets/\\d+"));

        Raw customer = send("POST", "/api/v1/customers", "Authorization: Bearer " + token + "\r\n",
                ApiClient.json(Map.of("name", "Hosted", "emails", java.util.List.of(TestData.unique("hosted") + "@example.test"))));
        assertThat(customer.status()).as(customer.text()).isEqualTo(201);
        assertThat(customer.location()).hasValueSatisfying(location ->
                assertThat(location).doesNotContain("evil.example").matches("/api/v1/customers/\\d+"));
    }

    @Test
    void aSignOutRedirectStaysRelativeToo() throws IOException {
        Raw answer = send("GET", "/login?logout", "", null);
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.text()).doesNotContain("evil.example");
    }
}
