package org.regard.browser;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.support.ui.Select;
import org.regard.accounts.Actor;
import org.regard.accounts.Role;
import org.regard.accounts.TeamView;
import org.regard.support.Browser;
import org.regard.support.BrowserTest;
import org.regard.support.TestData;
import org.regard.support.TicketFixtures;
import org.regard.tickets.Categories;
import org.regard.tickets.Channel;
import org.regard.tickets.Tickets;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A ticket whose touches reached its category's alarm is flagged: its lead finds it in the Flagged view, opens its
 * touch history and notes the root cause from the team's list. Nothing on the way suggests closing it.
 */
@BrowserTest
class FlaggedTicketBrowserTest {
    @LocalServerPort
    int port;
    @Autowired
    TestData data;
    @Autowired
    Categories categories;
    @Autowired
    Tickets tickets;

    @Test
    void aLeadOpensAFlaggedTicketsTouchesAndNotesTheRootCause(Browser browser) {
        TeamView team = data.team("flagged");
        var lead = data.named("Amara Okafor", Role.LEAD, "en", team);
        long category = categories.budget(categories.create(TestData.unique("Returns")).id(), 2, 4).id();
        long customer = data.customer("Jonas Weber").id();
        long ticket = tickets.open(TicketFixtures.aNewTicket().forCustomer(customer).inTeam(team.id()).inCategory(category)
                .about("The refund never arrived").command(), Actor.SYSTEM).ticketId();
        tickets.customerWrote(ticket, "Any news about my refund?", Channel.EMAIL, null);
        tickets.logContact(ticket, Channel.PHONE, org.regard.tickets.TouchDirection.OUTBOUND, "Called: the bank needs a week.", null,
                lead.principal());
        tickets.customerWrote(ticket, "It is still not there.", Channel.EMAIL, null);

        browser.signIn(lead.email(), lead.password());
        browser.open("/inbox?view=FLAGGED");
        assertThat(browser.find("#view-flagged").getText()).contains("Flagged");
        assertThat(browser.text()).contains("The refund never arrived");
        browser.open("/tickets/" + ticket + "/touches");
        assertThat(browser.find("#touch-summary").getText()).contains("4 touches — expected 2, alarm at 4", "Alarm reached");
        assertThat(browser.find("#touch-breakdown").getText()).contains("Customer messages: 3", "out: 1");
        assertThat(browser.findAll("#resolve")).as("no nudge to resolve or close").isEmpty();
        assertThat(browser.text()).doesNotContain("Resolve", "Close ticket");
        assertThat(browser.seriousAccessibilityProblems()).isEmpty();
        new Select(browser.find("#root-cause")).selectByVisibleText("Missing information");
        browser.find("#root-cause-save").click();
        browser.waitUntil(d -> browser.findAll("#root-cause-current").size() == 1);
        assertThat(browser.find("#root-cause-current").getText()).isEqualTo("Missing information");
        assertThat(browser.find("#touch-moves").getText()).contains("Root cause", "Missing information");
        assertThat(browser.seriousAccessibilityProblems()).isEmpty();
        browser.screenshot("flagged-ticket");
    }
}
