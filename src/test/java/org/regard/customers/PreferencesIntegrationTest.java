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

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.regard.api.ApiClient.bearer;

@IntegrationTest
class PreferencesIntegrationTest {
    @LocalServerPort
    int port;
    @Autowired
    TestData data;
    @Autowired
    Preferences preferences;

    WebSession admin;
    WebSession agent;
    ApiClient api;
    String agentToken;
    String adminToken;
    org.regard.accounts.TeamView team;

    @BeforeEach
    void signIn() {
        team = data.team("preferences");
        var boss = data.agent(Role.ADMIN);
        var someone = data.agent(Role.AGENT, team);
        admin = WebSession.signedIn(port, boss.email(), boss.password());
        agent = WebSession.signedIn(port, someone.email(), someone.password());
        api = new ApiClient(port);
        agentToken = data.apiToken(someone);
        adminToken = data.apiToken(boss);
    }

    @Test
    void anAdminDefinesFieldsAndAnAgentMayNot() {
        String key = TestData.unique("newsletter");
        var created = admin.post("/admin/preferences", "key", key, "label", "Newsletter", "type", "yes-no");
        assertThat(created.status()).isEqualTo(302);
        assertThat(preferences.fields()).anySatisfy(f -> {
            assertThat(f.key()).isEqualTo(key);
            assertThat(f.type()).isEqualTo(PreferenceType.YES_NO);
            assertThat(f.active()).isTrue();
        });
        assertThat(admin.get("/admin/preferences").body()).contains(key, "id=\"tab-preferences\"");

        var badKey = admin.post("/admin/preferences", "key", "Not A Key", "label", "Whatever", "type", "text");
        assertThat(badKey.status()).isEqualTo(400);
        assertThat(badKey.body()).contains("id=\"preference-key-error\"", "value=\"Whatever\"");
        var taken = admin.post("/admin/preferences", "key", key, "label", "Again", "type", "text");
        assertThat(taken.status()).isEqualTo(400);
        assertThat(taken.body()).contains("Another field already has this key.");

        assertThat(agent.get("/admin/preferences").status()).isEqualTo(403);
        assertThat(agent.post("/admin/preferences", "key", TestData.unique("sneaky"), "label", "Sneaky", "type", "text").status())
                .isEqualTo(403);
        var apiRefused = api.post("/api/v1/preference-fields").auth(bearer(agentToken))
                .json(Map.of("key", TestData.unique("sneaky"), "label", "Sneaky", "type", "text")).send();
        assertThat(apiRefused.status()).isEqualTo(403);
        assertThat(api.get("/api/v1/preference-fields").auth(bearer(agentToken)).send().body()).contains(key);
    }

    @Test
    void theKeyOfANewFieldIsDerivedFromItsLabelOnThePageAndInTheApi() {
        String mark = TestData.unique("x").substring(2);
        assertThat(admin.get("/admin/preferences").body()).as("no key to type").doesNotContain("name=\"key\"");

        var created = admin.post("/admin/preferences", "label", "Giờ gọi " + mark, "type", "text");
        var again = admin.post("/admin/preferences", "label", "Giờ  gọi " + mark, "type", "text");
        var viaApi = api.post("/api/v1/preference-fields").auth(bearer(adminToken))
                .json(Map.of("label", "Größe " + mark, "type", "number")).send();

        assertThat(created.status()).isEqualTo(302);
        assertThat(again.status()).isEqualTo(302);
        assertThat(preferences.fields()).extracting(Preferences.FieldView::key)
                .contains("gio-goi-" + mark, "gio-goi-" + mark + "-2");
        assertThat(viaApi.status()).isEqualTo(201);
        assertThat(viaApi.json().get("key").asString()).isEqualTo("grosse-" + mark);
    }

    @Test
    void aKeyIsLettersDigitsAndDashesStartingWithALetter() {
        assertThat(Preferences.keyFrom("Kênh liên hệ ưa thích")).isEqualTo("kenh-lien-he-ua-thich");
        assertThat(Preferences.keyFrom("Đặt hàng – số")).isEqualTo("dat-hang-so");
        assertThat(Preferences.keyFrom("2nd phone")).isEqualTo("field-2nd-phone");
        assertThat(Preferences.keyFrom("!!!")).isEqualTo("field");
        assertThat(Preferences.keyFrom("a".repeat(80))).hasSize(45).matches(Preferences.KEY);
    }

    @Test
    void anAgentSetsTypedValuesOnTheCustomerPageAndAWrongTypeSavesNothing() {
        var contractEnd = preferences.define(TestData.unique("contract-end"), "Contract end", PreferenceType.DATE);
        var seats = preferences.define(TestData.unique("seats"), "Seats", PreferenceType.NUMBER);
        var paper = preferences.define(TestData.unique("paper"), "Paper invoices", PreferenceType.YES_NO);
        var customer = data.customerOf(team, "Bảo Trần");

        var refused = agent.post("/customers/" + customer.id() + "/preferences",
                "pref." + contractEnd.key(), "2027-02-30", "pref." + seats.key(), "twelve", "pref." + paper.key(), "true");
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body()).contains("id=\"pref-" + seats.key() + "-error\"", "Enter a number, such as 12 or 3.5.",
                "id=\"pref-" + contractEnd.key() + "-error\"", "value=\"twelve\"");
        assertThat(preferences.valuesOf(customer.id())).isEmpty();

        var saved = agent.post("/customers/" + customer.id() + "/preferences",
                "pref." + contractEnd.key(), "2027-02-28", "pref." + seats.key(), "12.50", "pref." + paper.key(), "true");
        assertThat(saved.status()).isEqualTo(302);
        assertThat(preferences.valuesOf(customer.id())).extracting(Preferences.Value::text)
                .containsExactly("2027-02-28", "true", "12.5");
        var page = agent.get("/customers/" + customer.id());
        assertThat(page.body()).contains("class=\"preference preference-" + seats.key() + "\">12.5<",
                "class=\"preference preference-" + paper.key() + "\">Yes<", "Other preferences");

        preferences.change(paper.id(), "Paper invoices", false);
        assertThat(preferences.valuesOf(customer.id())).extracting(Preferences.Value::key).doesNotContain(paper.key());
    }

    @Test
    void theApiReadsAndMergesPreferenceValuesAsAnObjectAndRefusesAWrongType() {
        var newsletter = preferences.define(TestData.unique("news"), "Newsletter", PreferenceType.YES_NO);
        var seats = preferences.define(TestData.unique("seats"), "Seats", PreferenceType.NUMBER);
        var customer = data.customerOf(team, "Klaus Bauer");

        var wrong = api.patch("/api/v1/customers/" + customer.id()).auth(bearer(agentToken))
                .raw("{\"preferenceValues\":{\"" + seats.key() + "\":\"many\",\"" + newsletter.key() + "\":true}}",
                        "application/merge-patch+json").send();
        assertThat(wrong.status()).isEqualTo(400);
        assertThat(wrong.json().get("errors").get(0).get("field").asString()).isEqualTo("preferenceValues." + seats.key());
        assertThat(preferences.valuesOf(customer.id())).isEmpty();

        var changed = api.patch("/api/v1/customers/" + customer.id()).auth(bearer(agentToken))
                .raw("{\"preferenceValues\":{\"" + seats.key() + "\":40,\"" + newsletter.key() + "\":true}}",
                        "application/merge-patch+json").send();
        assertThat(changed.status()).isEqualTo(200);
        assertThat(changed.json().get("preferenceValues").get(seats.key()).asInt()).isEqualTo(40);
        assertThat(changed.json().get("preferenceValues").get(newsletter.key()).asBoolean()).isTrue();

        var removed = api.patch("/api/v1/customers/" + customer.id()).auth(bearer(agentToken))
                .raw("{\"preferenceValues\":{\"" + newsletter.key() + "\":null}}", "application/merge-patch+json").send();
        assertThat(removed.status()).isEqualTo(200);
        assertThat(removed.json().get("preferenceValues").has(newsletter.key())).isFalse();
        assertThat(removed.json().get("preferenceValues").get(seats.key()).asInt()).isEqualTo(40);

        var unknown = api.patch("/api/v1/customers/" + customer.id()).auth(bearer(agentToken))
                .raw("{\"preferenceValues\":{\"no-such-field\":1}}", "application/merge-patch+json").send();
        assertThat(unknown.status()).isEqualTo(400);
    }
}
