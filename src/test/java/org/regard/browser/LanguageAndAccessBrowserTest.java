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
    void aPlainAgentCannotOpenAnotherTeamsTicket(Browser browser) {
        var theirTeam = data.team("warehouse");
        var colleague = data.agent(Role.AGENT, theirTeam);
        var me = data.agent(Role.AGENT, data.team("shop"));
        var customer = data.customer("Trần Thị Bích");
        long id = tickets.open(new TicketCommands.OpenTicket(customer.id(), "Hàng bị hỏng", "Hộp bị móp khi giao.",
                Channel.WEB, theirTeam.id(), null, null, null), colleague.principal()).ticketId();

        browser.signIn(me.email(), me.password());
        browser.open("/tickets/" + id);
        assertThat(browser.find("h1").getText()).isEqualTo("Something went wrong");
        assertThat(browser.text()).contains("not allowed").doesNotContain("Hộp bị móp");

        browser.open("/inbox?view=all");
        assertThat(browser.findAll("#ticket-row-" + id)).isEmpty();
    }
}
