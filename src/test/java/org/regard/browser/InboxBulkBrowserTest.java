package org.regard.browser;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.support.ui.Select;
import org.regard.accounts.Actor;
import org.regard.accounts.Role;
import org.regard.support.Browser;
import org.regard.support.BrowserTest;
import org.regard.support.TestData;
import org.regard.tickets.Channel;
import org.regard.tickets.TicketCommands.OpenTicket;
import org.regard.tickets.TicketQueries;
import org.regard.tickets.Tickets;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A team lead hands three tickets of the inbox to a colleague in one go. */
@BrowserTest
class InboxBulkBrowserTest {
    @Autowired
    TestData data;
    @Autowired
    Tickets tickets;
    @Autowired
    TicketQueries queries;

    @Test
    void aLeadAssignsThreeTicketsAtOnceAndEachTicketsHistoryRecordsIt(Browser browser) {
        var team = data.team("bulk-browser");
        var lead = data.named("Lena Brandt", Role.LEAD, null, team);
        var colleague = data.named("Tomás Ibarra " + TestData.unique(""), Role.AGENT, null, team);
        List<Long> ids = new java.util.ArrayList<>();
        for (String subject : List.of("Parcel lost", "Invoice twice", "Wrong size", "Left alone")) {
            var customer = data.customer("Customer " + subject);
            ids.add(tickets.open(new OpenTicket(customer.id(), subject, "Please help.", Channel.EMAIL, team.id(), null, null, null),
                    Actor.SYSTEM).ticketId());
        }
        List<Long> chosen = ids.subList(0, 3);
        long leftAlone = ids.get(3);
        browser.signIn(lead.email(), lead.password());

        browser.open("/inbox?view=TEAMS&team=" + team.id());
        assertThat(browser.findAll("tr.unread")).as("nobody opened them yet").hasSize(4);
        assertThat(browser.find("#bulk-panel").getAttribute("open")).as("closed until a ticket is ticked").isNull();
        chosen.forEach(id -> browser.find("#select-" + id).click());
        browser.waitUntil(d -> browser.find("#bulk-panel").getAttribute("open") != null);
        new Select(browser.find("#bulk-assignee")).selectByValue(String.valueOf(colleague.id()));
        browser.screenshot("inbox-bulk-chosen");
        browser.find("#bulk-apply").click();

        browser.waitUntil(d -> !browser.findAll("#bulk-applied").isEmpty());
        assertThat(browser.find("#bulk-applied").getText()).isEqualTo("3 tickets were changed.");
        assertThat(browser.findAll("#bulk-refused")).isEmpty();
        assertThat(browser.seriousAccessibilityProblems()).isEmpty();
        browser.screenshot("inbox-bulk-done");

        for (long id : chosen) {
            browser.open("/tickets/" + id);
            assertThat(browser.find("#history").getText()).as("history of #%d", id).contains(colleague.principal().displayName())
                    .contains("Lena Brandt");
            assertThat(queries.detail(id, lead.principal()).changes())
                    .filteredOn(c -> c.field().equals("assignee")).hasSize(1);
        }
        assertThat(queries.detail(leftAlone, lead.principal()).summary().assigneeId()).isNull();

        browser.open("/inbox?view=TEAMS&team=" + team.id());
        assertThat(browser.findAll("tr.unread")).as("the three opened are read").hasSize(1);
        assertThat(browser.find("#ticket-row-" + leftAlone).getAttribute("class")).contains("unread");
    }
}
