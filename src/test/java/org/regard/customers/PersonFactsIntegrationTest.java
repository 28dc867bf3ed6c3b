package org.regard.customers;

import org.regard.accounts.Actor;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.regard.accounts.Role;
import org.regard.accounts.TeamView;
import org.regard.api.ApiClient;
import org.regard.support.IntegrationTest;
import org.regard.support.TestData;
import org.regard.support.WebSession;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.regard.api.ApiClient.bearer;

@IntegrationTest
class PersonFactsIntegrationTest {
    private static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm");

    @LocalServerPort
    int port;
    @Autowired
    TestData data;
    @Autowired
    Customers customers;

    WebSession agent;
    ApiClient api;
    String token;
    TeamView team;

    @BeforeEach
    void signIn() {
        team = data.team("facts");
        var someone = data.agent(Role.AGENT, team);
        agent = WebSession.signedIn(port, someone.email(), someone.password());
        api = new ApiClient(port);
        token = data.apiToken(someone);
    }

    @Test
    void anAgentRecordsHowToAddressThePersonTheirTimeZoneAndChannelAndTheCardShowsTheirLocalTime() {
        var customer = data.customerOf(team, "Nguyễn Văn Minh");
        var form = agent.get("/customers/" + customer.id());
        String version = form.find("id=\"customer-version\"[^>]*value=\"(\\d+)\"").orElse("0");

        String before = ZonedDateTime.now(ZoneId.of("Asia/Ho_Chi_Minh")).format(HH_MM);
        var saved = agent.post("/customers/" + customer.id(), "name", "Nguyễn Văn Minh", "emails", customer.emails().getFirst(), "language", "vi",
                "tier", customer.tier(), "addressAs", "Minh", "timeZone", "Asia/Ho_Chi_Minh", "preferredChannel", "phone",
                "version", version);

        assertThat(saved.status()).isEqualTo(302);
        var facts = customers.customer(customer.id()).orElseThrow().facts();
        assertThat(facts).isEqualTo(new Customers.PersonFacts("Minh", "Asia/Ho_Chi_Minh", PreferredChannel.PHONE));
        var page = agent.get("/customers/" + customer.id());
        String after = ZonedDateTime.now(ZoneId.of("Asia/Ho_Chi_Minh")).format(HH_MM);
        assertThat(page.body()).contains("class=\"address-as\" dir=\"auto\">Minh<", "class=\"preferred-channel\">Phone<");
        assertThat(page.body()).containsAnyOf(before + " local time (Asia/Ho_Chi_Minh)", after + " local time (Asia/Ho_Chi_Minh)");
        assertThat(page.body()).contains("value=\"Asia/Ho_Chi_Minh\"", "<option value=\"phone\" selected=\"selected\"");
    }

    @Test
    void aTimeZoneThatIsNotAZoneIsRefusedAndNothingIsLost() {
        var customer = data.customerOf(team, "Hélène Lefèvre");
        var refused = agent.post("/customers/" + customer.id(), "name", "Hélène Lefèvre", "emails", customer.emails().getFirst(), "tier", customer.tier(),
                "addressAs", "Mme Lefèvre", "timeZone", "Mars/Olympus_Mons", "preferredChannel", "visit",
                "version", String.valueOf(customer.version()));

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body()).contains("id=\"customer-time-zone-error\"", "“Mars/Olympus_Mons” is not a time zone",
                "value=\"Mme Lef", "value=\"Mars/Olympus_Mons\"");
        assertThat(customers.customer(customer.id()).orElseThrow().facts()).isEqualTo(Customers.PersonFacts.UNKNOWN);
    }

    @Test
    void aStaleEditOfThePersonFactsIsRefusedWithTheEditorsValuesShown() {
        var customer = data.customerOf(team, "Jonas Weber");
        customers.update(customer.id(), new Customers.CustomerChanges("Jonas Weber", List.of(), null, null, customer.tier(),
                null, customer.version(), new Customers.PersonFacts("Herr Weber", "Europe/Berlin", PreferredChannel.EMAIL)), Actor.SYSTEM);

        var stale = agent.post("/customers/" + customer.id(), "name", "Jonas Weber", "emails", customer.emails().getFirst(), "tier", customer.tier(),
                "addressAs", "Jonas", "timeZone", "Europe/Vienna", "version", String.valueOf(customer.version()));

        assertThat(stale.status()).isEqualTo(409);
        assertThat(stale.body()).contains("id=\"customer-conflict\"", "Europe/Vienna");
        assertThat(customers.customer(customer.id()).orElseThrow().facts().addressAs()).isEqualTo("Herr Weber");
    }

    @Test
    void theApiReadsCreatesAndMergePatchesThePersonFacts() {
        Map<String, Object> body = new HashMap<>();
        body.put("name", "Élise Martin");
        body.put("addressAs", "Mme Martin");
        body.put("timeZone", "Europe/Paris");
        body.put("preferredChannel", "email");
        var created = api.post("/api/v1/customers").auth(bearer(token)).json(body).send();
        assertThat(created.status()).isEqualTo(201);
        long id = created.json().get("id").asLong();
        int version = data.serve(team, id).version();
        assertThat(created.json().get("addressAs").asString()).isEqualTo("Mme Martin");
        assertThat(created.json().get("timeZone").asString()).isEqualTo("Europe/Paris");
        assertThat(created.json().get("preferredChannel").asString()).isEqualTo("email");

        var changed = api.patch("/api/v1/customers/" + id).auth(bearer(token))
                .header("If-Match", "\"" + version + "\"")
                .raw("{\"preferredChannel\":\"visit\",\"addressAs\":null}", "application/merge-patch+json").send();
        assertThat(changed.status()).isEqualTo(200);
        assertThat(changed.json().get("preferredChannel").asString()).isEqualTo("visit");
        assertThat(changed.json().get("addressAs").isNull()).isTrue();
        assertThat(changed.json().get("timeZone").asString()).isEqualTo("Europe/Paris");
    }

    @Test
    void theApiRefusesABadTimeZoneOrChannelNamingTheField() {
        var customer = data.customer("Petra Schmidt");
        var badZone = api.patch("/api/v1/customers/" + customer.id()).auth(bearer(token))
                .raw("{\"timeZone\":\"UTC+7\"}", "application/merge-patch+json").send();
        assertThat(badZone.status()).isEqualTo(400);
        assertThat(badZone.contentType()).startsWith("application/problem+json");
        assertThat(badZone.json().get("errors").get(0).get("field").asString()).isEqualTo("timeZone");

        var badChannel = api.patch("/api/v1/customers/" + customer.id()).auth(bearer(token))
                .raw("{\"preferredChannel\":\"pigeon\"}", "application/merge-patch+json").send();
        assertThat(badChannel.status()).isEqualTo(400);
        assertThat(badChannel.json().get("errors").get(0).get("field").asString()).isEqualTo("preferredChannel");
        assertThat(customers.customer(customer.id()).orElseThrow().facts()).isEqualTo(Customers.PersonFacts.UNKNOWN);
    }
}
