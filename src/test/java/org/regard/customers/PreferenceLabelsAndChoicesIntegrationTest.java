package org.regard.customers;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.regard.accounts.Role;
import org.regard.api.ApiClient;
import org.regard.audit.AuditAction;
import org.regard.audit.AuditEntry;
import org.regard.audit.AuditFilter;
import org.regard.audit.AuditLog;
import org.regard.support.IntegrationTest;
import org.regard.support.TestData;
import org.regard.support.WebSession;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.regard.api.ApiClient.bearer;

/**
 * Preference fields labelled per page language and fields of the type choice: through the API and on the pages
 * (the admin's page, the customer's form and person card), and what the audit log says of them.
 */
@IntegrationTest
class PreferenceLabelsAndChoicesIntegrationTest {
    @LocalServerPort
    int port;
    @Autowired
    TestData data;
    @Autowired
    Preferences preferences;
    @Autowired
    AuditLog audit;
    @Autowired
    org.regard.tickets.Tickets tickets;

    ApiClient api;
    TestData.TestAgent boss;
    String adminToken;
    String agentToken;
    WebSession admin;
    WebSession agent;
    WebSession frenchAgent;
    WebSession germanAgent;
    org.regard.accounts.TeamView team;
    String mark;

    @BeforeEach
    void signIn() {
        team = data.team("prefs-i18n");
        boss = data.agent(Role.ADMIN);
        var someone = data.agent(Role.AGENT, team);
        var french = data.agent(Role.AGENT, "fr", team);
        var german = data.agent(Role.AGENT, "de", team);
        api = new ApiClient(port);
        adminToken = data.apiToken(boss);
        agentToken = data.apiToken(someone);
        admin = WebSession.signedIn(port, boss.email(), boss.password());
        agent = WebSession.signedIn(port, someone.email(), someone.password());
        frenchAgent = WebSession.signedIn(port, french.email(), french.password());
        germanAgent = WebSession.signedIn(port, german.email(), german.password());
        mark = TestData.unique("m").replaceAll("[^a-z0-9]", "");
    }

    @Test
    void theApiTakesLabelsPerLanguageOnCreateReplacesThemOnPatchAndShowsThemInEveryResource() {
        var created = api.post("/api/v1/preference-fields").auth(bearer(adminToken))
                .json(Map.of("label", "Newsletter " + mark, "labels", Map.of("fr", " Lettre " + mark + " ", "de", "Rundbrief " + mark, "vi", ""),
                        "type", "yes-no")).send();
        assertThat(created.status()).isEqualTo(201);
        long id = created.json().get("id").asLong();
        assertThat(created.json().get("key").asString()).as("derived from the base label").isEqualTo("newsletter-" + mark);
        assertThat(created.json().get("labels").size()).isEqualTo(2);
        assertThat(created.json().get("labels").get("fr").asString()).isEqualTo("Lettre " + mark);
        assertThat(created.json().get("labels").get("de").asString()).isEqualTo("Rundbrief " + mark);
        assertThat(created.json().get("options").size()).isZero();

        var listed = api.get("/api/v1/preference-fields").auth(bearer(agentToken)).send();
        var inList = java.util.stream.StreamSupport.stream(listed.json().spliterator(), false)
                .filter(f -> f.get("id").asLong() == id).findFirst().orElseThrow();
        assertThat(inList.get("labels").get("de").asString()).isEqualTo("Rundbrief " + mark);
        assertThat(inList.get("label").asString()).as("the API speaks English: the base label").isEqualTo("Newsletter " + mark);

        var renamed = api.patch("/api/v1/preference-fields/" + id).auth(bearer(adminToken))
                .json(Map.of("label", "News " + mark)).send();
        assertThat(renamed.status()).isEqualTo(200);
        assertThat(renamed.json().get("labels").size()).as("labels left out stay").isEqualTo(2);

        var replaced = api.patch("/api/v1/preference-fields/" + id).auth(bearer(adminToken))
                .json(Map.of("labels", Map.of("fr", "Infolettre " + mark, "vi", "Bản tin " + mark, "de", " "))).send();
        assertThat(replaced.status()).isEqualTo(200);
        assertThat(replaced.json().get("labels").has("de")).as("blank removes a language").isFalse();
        assertThat(replaced.json().get("labels").get("fr").asString()).isEqualTo("Infolettre " + mark);
        assertThat(replaced.json().get("labels").get("vi").asString()).isEqualTo("Bản tin " + mark);
        assertThat(replaced.json().get("label").asString()).isEqualTo("News " + mark);

        assertThat(newest().details()).contains("fr: Lettre " + mark + " → Infolettre " + mark,
                "de: Rundbrief " + mark + " → —", "vi: — → Bản tin " + mark);
        assertThat(mine().getLast().details()).contains("defined: Newsletter " + mark, "fr: — → Lettre " + mark);
    }

    @Test
    void anUnknownLanguageOrALabelTooLongIsA400NamingTheLanguageAndChangesNothing() {
        var unknown = api.post("/api/v1/preference-fields").auth(bearer(adminToken))
                .json(Map.of("label", "Size " + mark, "labels", Map.of("es", "Talla"), "type", "text")).send();
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.json().get("errors").get(0).get("field").asString()).isEqualTo("labels.es");
        var tooLong = api.post("/api/v1/preference-fields").auth(bearer(adminToken))
                .json(Map.of("label", "Size " + mark, "labels", Map.of("fr", "x".repeat(Preferences.MAX_LABEL + 1)), "type", "text")).send();
        assertThat(tooLong.status()).isEqualTo(400);
        assertThat(tooLong.json().get("errors").get(0).get("field").asString()).isEqualTo("labels.fr");
        assertThat(tooLong.json().get("errors").get(0).get("message").asString()).contains("at most " + Preferences.MAX_LABEL);
        assertThat(preferences.fields()).extracting(Preferences.FieldView::key).doesNotContain("size-" + mark);

        var field = preferences.define("Size " + mark, PreferenceType.TEXT);
        var badPatch = api.patch("/api/v1/preference-fields/" + field.id()).auth(bearer(adminToken))
                .json(Map.of("label", "Shoe size " + mark, "labels", Map.of("fr", "Pointure", "xx", "?"))).send();
        assertThat(badPatch.status()).isEqualTo(400);
        assertThat(badPatch.json().get("errors").get(0).get("field").asString()).isEqualTo("labels.xx");
        assertThat(preferences.field(field.id()).orElseThrow().label()).isEqualTo("Size " + mark);
        assertThat(preferences.field(field.id()).orElseThrow().names().byLanguage()).isEmpty();
    }

    @Test
    void agentsSeeTheLabelInTheirLanguageOnTheCardTheFormAndTheAdminList() {
        var created = admin.post("/admin/preferences", "label", "Paper invoices " + mark, "type", "yes-no",
                "label.en", "", "label.fr", "Factures papier " + mark, "label.de", "Papierrechnungen " + mark, "label.vi", "");
        assertThat(created.status()).isEqualTo(302);
        var field = field("paper-invoices-" + mark);
        assertThat(field.names().byLanguage()).containsOnlyKeys("fr", "de");
        var customer = data.customerOf(team, "Amélie Roux");
        preferences.change(customer.id(), Map.of(field.key(), true));

        String inFrench = frenchAgent.get("/customers/" + customer.id()).body();
        assertThat(inFrench).contains("<dt>Factures papier " + mark + "</dt>",
                "<label for=\"pref-" + field.key() + "\">Factures papier " + mark + "</label>")
                .doesNotContain("Paper invoices " + mark);
        assertThat(germanAgent.get("/customers/" + customer.id()).body()).contains("<dt>Papierrechnungen " + mark + "</dt>");
        assertThat(agent.get("/customers/" + customer.id()).body()).contains("<dt>Paper invoices " + mark + "</dt>");
        long ticket = tickets.open(new org.regard.tickets.TicketCommands.OpenTicket(customer.id(), "Facture " + mark,
                "Bonjour, je voudrais mes factures par courrier.", org.regard.tickets.Channel.EMAIL, team.id(), null, null, null),
                org.regard.accounts.Actor.SYSTEM).ticketId();
        assertThat(frenchAgent.get("/tickets/" + ticket).body()).as("the card on the ticket page")
                .contains("<dt>Factures papier " + mark + "</dt>").doesNotContain("<dt>Paper invoices " + mark + "</dt>");

        var list = WebSession.signedIn(port, boss.email(), boss.password(), "fr").get("/admin/preferences");
        assertThat(list.body()).contains("id=\"preference-shown-" + field.id() + "\">Factures papier " + mark + "<",
                "<label for=\"preference-label-fr\">Français</label>", "<label for=\"preference-label-vi\">Tiếng Việt</label>");
        assertThat(list.valueOf("preference-label-" + field.id() + "-de")).isEqualTo("Papierrechnungen " + mark);
    }

    @Test
    void theAdminPageKeepsWhatWasTypedWhenALabelIsTooLongAndReplacesTheLabelsOnSave() {
        String tooLong = "y".repeat(Preferences.MAX_LABEL + 1);
        var refused = admin.post("/admin/preferences", "label", "Region " + mark, "type", "text",
                "label.fr", "Région " + mark, "label.de", tooLong, "label.vi", "Vùng " + mark);
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body()).contains("id=\"preference-label-de-error\"", "value=\"Vùng " + mark + "\"",
                "value=\"Région " + mark + "\"", "value=\"Region " + mark + "\"");
        assertThat(preferences.fields()).extracting(Preferences.FieldView::key).doesNotContain("region-" + mark);

        var field = preferences.define(null, "Region " + mark, PreferenceType.TEXT, Map.of("fr", "Région " + mark), null);
        var badChange = admin.post("/admin/preferences/" + field.id(), "label", "Area " + mark, "active", "true",
                "label.en", "", "label.fr", "Zone " + mark, "label.de", tooLong, "label.vi", "");
        assertThat(badChange.status()).isEqualTo(400);
        assertThat(badChange.body()).contains("id=\"preference-label-" + field.id() + "-de-error\"");
        assertThat(badChange.valueOf("preference-label-" + field.id() + "-fr")).isEqualTo("Zone " + mark);
        assertThat(preferences.field(field.id()).orElseThrow().label()).isEqualTo("Region " + mark);

        var saved = admin.post("/admin/preferences/" + field.id(), "label", "Area " + mark, "active", "true",
                "label.en", "", "label.fr", "", "label.de", "Gebiet " + mark, "label.vi", "");
        assertThat(saved.status()).isEqualTo(302);
        var after = preferences.field(field.id()).orElseThrow();
        assertThat(after.label()).isEqualTo("Area " + mark);
        assertThat(after.key()).as("the key never changes").isEqualTo(field.key());
        assertThat(after.names().byLanguage()).containsExactly(Map.entry("de", "Gebiet " + mark));
        assertThat(newest().details()).contains("Region " + mark + " → Area " + mark, "fr: Région " + mark + " → —",
                "de: — → Gebiet " + mark);
    }

    @Test
    void aChoiceFieldTakesItsOptionsInTheApiAndRefusesBadOnes() {
        var created = api.post("/api/v1/preference-fields").auth(bearer(adminToken))
                .json(Map.of("label", "Call slot " + mark, "type", "choice", "options", List.of(" Morning ", "Afternoon", "Evening"),
                        "labels", Map.of("vi", "Khung giờ " + mark))).send();
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.json().get("type").asString()).isEqualTo("choice");
        assertThat(created.json().get("options").get(0).asString()).isEqualTo("Morning");
        assertThat(created.json().get("options").size()).isEqualTo(3);
        assertThat(mine().getFirst().details()).contains("(choice)", "options: Morning, Afternoon, Evening");

        assertThat(problemField(Map.of("label", "One " + mark, "type", "choice", "options", List.of("only")))).isEqualTo("options");
        assertThat(problemField(Map.of("label", "None " + mark, "type", "choice"))).isEqualTo("options");
        assertThat(problemField(Map.of("label", "Twice " + mark, "type", "choice", "options", List.of("Yes", "no", "YES"))))
                .isEqualTo("options");
        assertThat(problemField(Map.of("label", "Long " + mark, "type", "choice", "options", List.of("a", "b".repeat(101)))))
                .isEqualTo("options");
        assertThat(problemField(Map.of("label", "Blank " + mark, "type", "choice", "options", List.of("a", " ")))).isEqualTo("options");
        assertThat(problemField(Map.of("label", "Text " + mark, "type", "text", "options", List.of("a", "b")))).isEqualTo("options");
        List<String> many = java.util.stream.IntStream.rangeClosed(1, 51).mapToObj(n -> "option " + n).toList();
        assertThat(problemField(Map.of("label", "Many " + mark, "type", "choice", "options", many))).isEqualTo("options");
        assertThat(preferences.fields()).extracting(Preferences.FieldView::label).doesNotContain("One " + mark, "Twice " + mark,
                "Long " + mark, "Text " + mark, "Many " + mark);

        var text = preferences.define("Notes " + mark, PreferenceType.TEXT);
        var optionsOnText = api.patch("/api/v1/preference-fields/" + text.id()).auth(bearer(adminToken))
                .json(Map.of("options", List.of("a", "b"))).send();
        assertThat(optionsOnText.status()).isEqualTo(400);
        assertThat(optionsOnText.json().get("errors").get(0).get("field").asString()).isEqualTo("options");
    }

    @Test
    void aChoiceValueMatchesAnOptionWhateverItsCaseAndAValueWhoseOptionWasRemovedStays() {
        var created = api.post("/api/v1/preference-fields").auth(bearer(adminToken))
                .json(Map.of("label", "Slot " + mark, "type", "choice", "options", List.of("morning", "afternoon", "evening"))).send();
        String key = created.json().get("key").asString();
        long id = created.json().get("id").asLong();
        var customer = data.customerOf(team, "Lê Văn Tâm");
        var other = data.customerOf(team, "Ola Nordmann");

        var outside = patchValue(customer.id(), key, "night");
        assertThat(outside.status()).isEqualTo(400);
        assertThat(outside.json().get("errors").get(0).get("field").asString()).isEqualTo("preferenceValues." + key);
        assertThat(outside.json().get("errors").get(0).get("message").asString()).isEqualTo("must be one of: morning, afternoon, evening");
        assertThat(patchValue(customer.id(), key, 3).status()).as("a number is no option").isEqualTo(400);
        assertThat(preferences.valuesOf(customer.id())).isEmpty();

        var matched = patchValue(customer.id(), key, " EVENING ");
        assertThat(matched.status()).isEqualTo(200);
        assertThat(matched.json().get("preferenceValues").get(key).asString()).as("the option's own spelling").isEqualTo("evening");

        var reordered = api.patch("/api/v1/preference-fields/" + id).auth(bearer(adminToken))
                .json(Map.of("options", List.of("late afternoon", "morning", "afternoon"))).send();
        assertThat(reordered.status()).isEqualTo(200);
        assertThat(reordered.json().get("options").get(0).asString()).isEqualTo("late afternoon");
        assertThat(newest().details()).contains("options morning, afternoon, evening → late afternoon, morning, afternoon");

        var read = api.get("/api/v1/customers/" + customer.id()).auth(bearer(agentToken)).send();
        assertThat(read.json().get("preferenceValues").get(key).asString()).as("a removed option stays stored").isEqualTo("evening");
        assertThat(patchValue(customer.id(), key, "Evening").status()).as("sent back unchanged, it is kept").isEqualTo(200);
        assertThat(preferences.valuesOf(customer.id())).extracting(Preferences.Value::text).containsExactly("evening");
        assertThat(patchValue(other.id(), key, "evening").status()).as("but no one else may choose it").isEqualTo(400);
        assertThat(patchValue(customer.id(), key, "Late Afternoon").json().get("preferenceValues").get(key).asString())
                .isEqualTo("late afternoon");
    }

    @Test
    void onThePagesAnAdminGivesOptionsOneALineAndTheCustomersFormKeepsAnOptionNoLongerOffered() {
        var tooFew = admin.post("/admin/preferences", "label", "Slot " + mark, "type", "choice", "options", "Morning\n\n");
        assertThat(tooFew.status()).isEqualTo(400);
        assertThat(tooFew.body()).contains("id=\"preference-options-error\"", "Give 2 to 50 options", ">Morning\n\n</textarea>",
                "value=\"Slot " + mark + "\"");
        var twice = admin.post("/admin/preferences", "label", "Slot " + mark, "type", "choice", "options", "Morning\nmorning");
        assertThat(twice.status()).isEqualTo(400);
        assertThat(twice.body()).contains("“morning” is listed twice");
        var notChoice = admin.post("/admin/preferences", "label", "Slot " + mark, "type", "text", "options", "a\nb");
        assertThat(notChoice.status()).isEqualTo(400);
        assertThat(notChoice.body()).contains("Options are only for the type Choice");
        assertThat(preferences.fields()).extracting(Preferences.FieldView::key).doesNotContain("slot-" + mark);

        var created = admin.post("/admin/preferences", "label", "Slot " + mark, "type", "choice",
                "options", " Morning \r\nAfternoon\r\n\r\nEvening\r\n", "label.fr", "Créneau " + mark);
        assertThat(created.status()).isEqualTo(302);
        var field = field("slot-" + mark);
        assertThat(field.options()).containsExactly("Morning", "Afternoon", "Evening");

        var customer = data.customerOf(team, "Jonas Weber");
        var form = agent.get("/customers/" + customer.id()).body();
        assertThat(form).containsSubsequence("<select id=\"pref-" + field.key() + "\"", "<option value=\"\">Not set</option>",
                "<option value=\"Morning\">Morning</option>", "<option value=\"Afternoon\">Afternoon</option>",
                "<option value=\"Evening\">Evening</option>", "</select>");
        assertThat(frenchAgent.get("/customers/" + customer.id()).body())
                .contains("<label for=\"pref-" + field.key() + "\">Créneau " + mark + "</label>");

        var refused = agent.post("/customers/" + customer.id() + "/preferences", "pref." + field.key(), "Night");
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body()).contains("id=\"pref-" + field.key() + "-error\"", "Choose one of the options.");
        assertThat(agent.post("/customers/" + customer.id() + "/preferences", "pref." + field.key(), "afternoon").status())
                .isEqualTo(302);
        assertThat(preferences.valuesOf(customer.id())).extracting(Preferences.Value::text).containsExactly("Afternoon");

        var optionsOnText = admin.post("/admin/preferences/" + preferences.define("Misc " + mark, PreferenceType.TEXT).id(),
                "label", "Misc " + mark, "active", "true", "options", "a\nb");
        assertThat(optionsOnText.status()).isEqualTo(400);
        var badEdit = admin.post("/admin/preferences/" + field.id(), "label", "Slot " + mark, "active", "true", "options", "Morning");
        assertThat(badEdit.status()).isEqualTo(400);
        assertThat(badEdit.body()).contains("id=\"preference-options-" + field.id() + "-error\"");
        var edited = admin.post("/admin/preferences/" + field.id(), "label", "Slot " + mark, "active", "true",
                "options", "Evening\nMorning\nWeekend");
        assertThat(edited.status()).isEqualTo(302);
        assertThat(field(field.key()).options()).containsExactly("Evening", "Morning", "Weekend");
        assertThat(field(field.key()).names().byLanguage()).as("no labels sent: they stay").containsKey("fr");

        var kept = agent.get("/customers/" + customer.id());
        assertThat(kept.body()).as("still selected, marked")
                .containsPattern("<option class=\"no-longer-offered\" value=\"Afternoon\"\\s+selected(=\"selected\")?>Afternoon \\(no longer offered\\)</option>")
                .contains("class=\"preference preference-" + field.key() + "\">Afternoon<");
        assertThat(agent.post("/customers/" + customer.id() + "/preferences", "pref." + field.key(), "Afternoon").status())
                .as("the form sent back as shown").isEqualTo(302);
        assertThat(preferences.valuesOf(customer.id())).extracting(Preferences.Value::text).containsExactly("Afternoon");

        // offered again in another spelling: the form selects it, and saving stores the new spelling
        admin.post("/admin/preferences/" + field.id(), "label", "Slot " + mark, "active", "true", "options", "Evening\nafternoon");
        var respelled = agent.get("/customers/" + customer.id()).body();
        assertThat(respelled).contains("<option value=\"afternoon\" selected=\"selected\">afternoon</option>")
                .doesNotContain("(no longer offered)");
        assertThat(agent.post("/customers/" + customer.id() + "/preferences", "pref." + field.key(), "afternoon").status())
                .isEqualTo(302);
        assertThat(preferences.valuesOf(customer.id())).extracting(Preferences.Value::text).containsExactly("afternoon");
        assertThat(agent.post("/customers/" + customer.id() + "/preferences", "pref." + field.key(), "").status()).isEqualTo(302);
        assertThat(preferences.valuesOf(customer.id())).isEmpty();
    }

    private Preferences.FieldView field(String key) {
        return preferences.fields().stream().filter(f -> f.key().equals(key)).findFirst().orElseThrow();
    }

    private String problemField(Map<String, Object> request) {
        var reply = api.post("/api/v1/preference-fields").auth(bearer(adminToken)).json(request).send();
        assertThat(reply.status()).as(reply.body()).isEqualTo(400);
        return reply.json().get("errors").get(0).get("field").asString();
    }

    private ApiClient.Reply patchValue(long customerId, String key, Object value) {
        Map<String, Object> values = new HashMap<>();
        values.put(key, value);
        return api.patch("/api/v1/customers/" + customerId).auth(bearer(agentToken))
                .raw(ApiClient.json(Map.of("preferenceValues", values)), "application/merge-patch+json").send();
    }

    private List<AuditEntry> mine() {
        return audit.newest(new AuditFilter(AuditAction.SETTINGS_CHANGED, boss.id(), null, null), null, 10);
    }

    private AuditEntry newest() {
        return mine().getFirst();
    }
}
