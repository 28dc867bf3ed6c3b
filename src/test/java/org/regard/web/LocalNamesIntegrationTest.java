package org.regard.web;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.regard.accounts.Accounts;
import org.regard.accounts.Actor;
import org.regard.accounts.Role;
import org.regard.accounts.TeamView;
import org.regard.api.ApiClient;
import org.regard.audit.AuditAction;
import org.regard.audit.AuditEntry;
import org.regard.audit.AuditFilter;
import org.regard.audit.AuditLog;
import org.regard.customers.Customers;
import org.regard.customers.TierNames;
import org.regard.support.IntegrationTest;
import org.regard.support.TestData;
import org.regard.support.TicketFixtures;
import org.regard.support.WebSession;
import org.regard.tickets.Categories;
import org.regard.tickets.Tickets;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.regard.api.ApiClient.bearer;

/**
 * Team, category and tier names per language: an admin gives them on the admin pages or over the API, every page
 * shows the agent's language and falls back to the base name, the API keeps the base name and lists the others.
 */
@IntegrationTest
class LocalNamesIntegrationTest {
    @LocalServerPort
    int port;
    @Autowired
    TestData data;
    @Autowired
    Accounts accounts;
    @Autowired
    Categories categories;
    @Autowired
    TierNames tierNames;
    @Autowired
    Customers customers;
    @Autowired
    Tickets tickets;
    @Autowired
    AuditLog audit;

    ApiClient api;
    TestData.TestAgent admin;
    String adminToken;
    WebSession adminPages;

    @BeforeEach
    void setUp() {
        api = new ApiClient(port);
        admin = data.agent(Role.ADMIN);
        adminToken = data.apiToken(admin);
        adminPages = WebSession.signedIn(port, admin.email(), admin.password());
    }

    @Test
    void aTeamAndACategoryNamedInFrenchAreShownInFrenchToAFrenchAgentAndByTheirBaseNameToOthers() {
        TeamView team = data.team("Support");
        String base = team.baseName();
        var category = categories.create(TestData.unique("Billing"));
        String assistance = TestData.unique("Assistance");
        String facturation = TestData.unique("Facturation");

        var namedTeam = adminPages.post("/admin/teams/" + team.id(), "name", base, "name_en", "", "name_fr", assistance,
                "name_de", "", "name_vi", "");
        var namedCategory = adminPages.post("/admin/categories/" + category.id(), "name", category.baseName(),
                "name_fr", facturation, "name_de", "  ");
        assertThat(namedTeam.status()).as(namedTeam.body()).isEqualTo(302);
        assertThat(namedCategory.status()).as(namedCategory.body()).isEqualTo(302);

        var customer = data.customer("Élodie Martin");
        long ticket = tickets.open(TicketFixtures.aNewTicket().forCustomer(customer.id()).inTeam(team.id())
                .inCategory(category.id()).command(), Actor.SYSTEM).ticketId();
        var french = data.agent(Role.AGENT, "fr", team);
        var english = data.agent(Role.AGENT, "en", team);
        WebSession frenchPages = WebSession.signedIn(port, french.email(), french.password());
        WebSession englishPages = WebSession.signedIn(port, english.email(), english.password());

        String frenchTicket = frenchPages.get("/tickets/" + ticket).body();
        assertThat(frenchTicket).contains(">" + assistance + "</dd>", ">" + facturation + "</span>").doesNotContain(">" + base + "</dd>");
        assertThat(frenchPages.get("/inbox").body()).contains(">" + assistance + "</td>");
        String englishTicket = englishPages.get("/tickets/" + ticket).body();
        assertThat(englishTicket).contains(">" + base + "</dd>", ">" + category.baseName() + "</span>")
                .doesNotContain(assistance, facturation);

        var teamResource = api.get("/api/v1/teams/" + team.id()).auth(bearer(adminToken)).send().json();
        assertThat(teamResource.get("name").asString()).as("the API keeps the base name").isEqualTo(base);
        assertThat(teamResource.get("names").get("fr").asString()).isEqualTo(assistance);
        assertThat(teamResource.get("names").has("de")).as("a blank name is no name").isFalse();
        var ticketResource = api.get("/api/v1/tickets/" + ticket).auth(bearer(data.apiToken(french))).send().json();
        assertThat(ticketResource.get("team").get("name").asString()).as("the API speaks English").isEqualTo(base);
        assertThat(ticketResource.get("category").get("name").asString()).isEqualTo(category.baseName());

        assertThat(newest(AuditAction.TEAM_CHANGED).details()).contains("names: fr: — → " + assistance);
        assertThat(newest(AuditAction.CATEGORY_CHANGED).details()).isEqualTo("names: fr: — → " + facturation);
    }

    @Test
    void aFormThatOnlyRenamesKeepsTheOtherLanguagesNamesAndATooLongNameComesBackWithWhatWasTyped() {
        TeamView team = data.team("Retours");
        adminPages.post("/admin/teams/" + team.id(), "name", team.baseName(), "name_de", "Rücksendungen");
        String renamed = TestData.unique("Returns");

        assertThat(adminPages.post("/admin/teams/" + team.id(), "name", renamed).status()).isEqualTo(302);
        assertThat(accounts.team(team.id()).orElseThrow().names().byLanguage()).containsExactly(Map.entry("de", "Rücksendungen"));

        var tooLong = adminPages.post("/admin/teams/" + team.id(), "name", renamed, "name_de", "Rücksendungen",
                "name_vi", "Trả hàng " + "x".repeat(100));
        assertThat(tooLong.status()).isEqualTo(400);
        assertThat(tooLong.body()).contains("id=\"team-rename-error\"", "Too long: at most 100 characters.",
                "value=\"Trả hàng " + "x".repeat(100) + "\"", "<details class=\"local-names\" open");
        assertThat(accounts.team(team.id()).orElseThrow().names().byLanguage()).containsExactly(Map.entry("de", "Rücksendungen"));
    }

    @Test
    void theApiNamesTeamsAndCategoriesPerLanguageAndRefusesUnknownLanguagesAndLongNames() {
        var created = api.post("/api/v1/teams").auth(bearer(adminToken)).json(Map.of("name", TestData.unique("Sales"),
                "names", Map.of("de", "Vertrieb", "vi", "Bán hàng"))).send();
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        long id = created.json().get("id").asLong();
        assertThat(created.json().get("names").get("vi").asString()).isEqualTo("Bán hàng");

        var replaced = api.patch("/api/v1/teams/" + id).auth(bearer(adminToken)).json(Map.of("names", Map.of("fr", "Ventes"))).send();
        assertThat(replaced.status()).as(replaced.toString()).isEqualTo(200);
        assertThat(replaced.json().get("names").propertyNames()).containsExactly("fr");

        var unknown = api.patch("/api/v1/teams/" + id).auth(bearer(adminToken)).json(Map.of("names", Map.of("es", "Ventas"))).send();
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.json().get("errors").get(0).get("field").asString()).isEqualTo("names.es");
        var tooLong = api.post("/api/v1/categories").auth(bearer(adminToken)).json(Map.of("name", TestData.unique("Delivery"),
                "names", Map.of("de", "L" + "i".repeat(100)))).send();
        assertThat(tooLong.status()).isEqualTo(400);
        assertThat(tooLong.json().get("errors").get(0).get("field").asString()).isEqualTo("names.de");
        assertThat(tooLong.json().get("errors").get(0).get("message").asString()).isEqualTo("must be at most 100 characters");

        assertThat(accounts.team(id).orElseThrow().names().byLanguage()).containsExactly(Map.entry("fr", "Ventes"));
    }

    @Test
    void anAdminNamesTheTiersWhichCustomerPagesShowInTheAgentsLanguage() {
        Map<String, Object> names = new HashMap<>();
        names.put("fr", "Prioritaire");
        names.put("vi", "Ưu tiên");
        names.put("de", null);
        var named = api.patch("/api/v1/tiers/priority").auth(bearer(adminToken)).json(Map.of("names", names)).send();
        assertThat(named.status()).as(named.toString()).isEqualTo(200);
        assertThat(named.json().get("key").asString()).isEqualTo("priority");
        assertThat(api.get("/api/v1/tiers").auth(bearer(adminToken)).send().json().findValues("key"))
                .extracting(n -> n.asString()).containsExactly("standard", "priority", "key-account");

        var page = adminPages.post("/admin/tiers/key-account", "name_en", "", "name_fr", "Grand compte", "name_de", "Großkunde", "name_vi", "");
        assertThat(page.status()).as(page.body()).isEqualTo(302);
        assertThat(tierNames.all()).filteredOn(t -> t.key().equals("key-account")).singleElement()
                .satisfies(t -> assertThat(t.names().byLanguage()).containsOnlyKeys("fr", "de"));

        TeamView team = data.team("tiers");
        var customer = data.serve(team, customers.create(new Customers.NewCustomer("Trần Văn Bình",
                List.of(TestData.unique("binh") + "@example.test"), "vi", null, "priority", null)).id());
        var vietnamese = data.agent(Role.AGENT, "vi", team);
        var german = data.agent(Role.AGENT, "de", team);
        assertThat(WebSession.signedIn(port, vietnamese.email(), vietnamese.password()).get("/customers/" + customer.id()).body())
                .contains("Ưu tiên");
        assertThat(WebSession.signedIn(port, german.email(), german.password()).get("/customers/" + customer.id()).body())
                .as("no German name: the key").contains(">priority<").doesNotContain("Prioritaire");
        assertThat(adminPages.get("/admin/tiers").body()).contains("id=\"tier-row-key-account\"", "value=\"Großkunde\"");
        assertThat(newest(AuditAction.SETTINGS_CHANGED).details()).isEqualTo("tier key-account: names: fr: — → Grand compte, de: — → Großkunde");
    }

    @Test
    void onlyAdministratorsNameTiersAndUnknownTiersAreNotFound() {
        var agent = data.agent(Role.AGENT);
        var lead = data.agent(Role.LEAD);
        assertThat(api.get("/api/v1/tiers").auth(bearer(data.apiToken(agent))).send().status()).isEqualTo(403);
        assertThat(api.patch("/api/v1/tiers/priority").auth(bearer(data.apiToken(lead))).json(Map.of("names", Map.of("fr", "X"))).send().status())
                .isEqualTo(403);
        assertThat(WebSession.signedIn(port, agent.email(), agent.password()).get("/admin/tiers").status()).isEqualTo(403);
        assertThat(WebSession.signedIn(port, lead.email(), lead.password()).post("/admin/tiers/priority", "name_fr", "X").status())
                .isEqualTo(403);
        assertThat(api.patch("/api/v1/tiers/gold").auth(bearer(adminToken)).json(Map.of("names", Map.of("fr", "Or"))).send().status())
                .isEqualTo(404);
        assertThat(api.patch("/api/v1/tiers/priority").auth(bearer(adminToken)).json(Map.of()).send().status())
                .as("names must be given").isEqualTo(400);
        assertThat(tierNames.all()).extracting(TierNames.TierView::name).doesNotContain("X", "Or");
    }

    /** Tier names are shared by every test: the ones this class gave are taken back. */
    @AfterEach
    void forgetTierNames() {
        tierNames.rename("priority", Map.of());
        tierNames.rename("key-account", Map.of());
    }

    private AuditEntry newest(AuditAction action) {
        List<AuditEntry> entries = audit.newest(new AuditFilter(action, admin.id(), null, null), null, 1);
        assertThat(entries).as("an audit entry " + action).isNotEmpty();
        return entries.getFirst();
    }
}
