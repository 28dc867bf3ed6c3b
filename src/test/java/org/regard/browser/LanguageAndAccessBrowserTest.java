package org.regard.browser;

import org.junit.jupiter.api.Test;
import org.regard.accounts.Role;
import org.regard.support.Browser;
import org.regard.support.BrowserTest;
import org.regard.support.TestData;
import org.regard.tickets.Channel;
import org.regard.tickets.TicketCommands;
import org.regard.tickets.Tickets;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

@BrowserTest
class LanguageAndAccessBrowserTest {
    @Autowired
    TestData data;
    @Autowired
    Tickets tickets;
    @Autowired
    org.regard.customers.TierNames tierNames;

    @Test
    void aFrenchSpeakingAgentSeesFrenchPages(Browser browser) {
        var agent = data.agent(Role.AGENT, "fr", data.team("paris"));
        browser.signIn(agent.email(), agent.password());

        browser.open("/inbox");
        assertThat(browser.find("html").getAttribute("lang")).isEqualTo("fr");
        assertThat(browser.find(".topbar nav").getText()).contains("Boîte de réception").contains("Clients");
        assertThat(browser.seriousAccessibilityProblems()).isEmpty();

        browser.open("/tickets/new");
        assertThat(browser.find("html").getAttribute("lang")).isEqualTo("fr");
        assertThat(browser.find("h1").getText()).isNotBlank().doesNotContain("New ticket");
    }

    @Test
    void anAdminNamesATeamInFrenchAndAFrenchAgentSeesThatName(Browser browser) {
        var team = data.team("Support");
        var customer = data.customer("Élise Bernard");
        var admin = data.agent(Role.ADMIN);
        var french = data.agent(Role.AGENT, "fr", team);
        long id = tickets.open(new TicketCommands.OpenTicket(customer.id(), "Facture introuvable", "Je ne trouve pas ma facture.",
                Channel.WEB, team.id(), null, null, null), french.principal()).ticketId();
        String assistance = TestData.unique("Assistance");

        browser.signIn(admin.email(), admin.password());
        browser.open("/admin/teams");
        browser.find("#team-row-" + team.id() + " details.local-names summary").click();
        browser.find("#team-name-" + team.id() + "-fr").sendKeys(assistance);
        assertThat(browser.seriousAccessibilityProblems()).isEmpty();
        browser.find("#team-rename-" + team.id()).click();
        browser.waitUntil(d -> browser.findAll("#admin-message").size() == 1);
        assertThat(browser.find("#team-name-" + team.id() + "-fr").getAttribute("value")).isEqualTo(assistance);
        browser.open("/admin/tiers");
        browser.find("#tier-name-priority-de").clear();
        browser.find("#tier-name-priority-de").sendKeys("Vorrang");
        assertThat(browser.seriousAccessibilityProblems()).isEmpty();
        browser.find("#tier-save-priority").click();
        browser.waitUntil(d -> browser.findAll("#admin-message").size() == 1);
        assertThat(browser.find("#tier-row-priority .badge").getText()).as("the admin's page language is English").isEqualTo("priority");
        assertThat(tierNames.all()).filteredOn(t -> t.key().equals("priority")).singleElement()
                .satisfies(t -> assertThat(t.names().byLanguage()).containsEntry("de", "Vorrang"));
        tierNames.rename("priority", java.util.Map.of());

        browser.driver().manage().deleteAllCookies();
        browser.signIn(french.email(), french.password());
        browser.open("/tickets/" + id);
        assertThat(browser.find("#ticket-team-name").getText()).isEqualTo(assistance);
        browser.open("/inbox?view=ALL");
        assertThat(browser.find("#ticket-row-" + id).getText()).contains(assistance).doesNotContain(team.baseName());
    }

    @Test
    void aPlainAgentCannotOpenAnotherTeamsTicket(Browser browser) {
        var theirTeam = data.team("warehouse");
        var colleague = data.agent(Role.AGENT, theirTeam);
        var shop = data.team("shop");
        var me = data.agent(Role.AGENT, shop);
        var customer = data.customer("Trần Thị Bích");
        long id = tickets.open(new TicketCommands.OpenTicket(customer.id(), "Hàng bị hỏng", "Hộp bị móp khi giao.",
                Channel.WEB, theirTeam.id(), null, null, null), colleague.principal()).ticketId();

        long mine = tickets.open(new TicketCommands.OpenTicket(customer.id(), "Đổi hàng", "Tôi muốn đổi size.",
                Channel.WEB, shop.id(), null, null, null), me.principal()).ticketId();

        browser.signIn(me.email(), me.password());
        browser.open("/tickets/" + id);
        assertThat(browser.find("h1").getText()).isEqualTo("Something went wrong");
        assertThat(browser.text()).contains("not allowed").doesNotContain("Hộp bị móp");

        browser.open("/inbox?view=ALL");
        assertThat(browser.find("h1").getText()).as("the inbox, not an error page").isNotEqualTo("Something went wrong");
        assertThat(browser.findAll("#ticket-row-" + mine)).as("their own team's ticket is listed").hasSize(1);
        assertThat(browser.findAll("#ticket-row-" + id)).isEmpty();
    }
}
