package org.regard.browser;

import org.junit.jupiter.api.Test;
import org.regard.accounts.Actor;
import org.regard.accounts.Role;
import org.regard.accounts.TeamView;
import org.regard.support.Browser;
import org.regard.support.BrowserTest;
import org.regard.support.TestData;
import org.regard.support.TicketFixtures;
import org.regard.tickets.Categories;
import org.regard.tickets.Channel;
import org.regard.tickets.TicketCommands;
import org.regard.tickets.TicketStatus;
import org.regard.tickets.Tickets;
import org.regard.tickets.TouchDirection;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A lead opens the touches report: the chart's bars are the table's numbers, and the CSV download says the same. */
@BrowserTest
class ReportsBrowserTest {
    @Autowired
    TestData data;
    @Autowired
    Tickets tickets;
    @Autowired
    Categories categories;

    @Test
    void aLeadSeesTheTouchesChartAgreeWithItsTableAndDownloadsIt(Browser browser) throws Exception {
        TeamView team = data.team("reports");
        var lead = data.named("Mara Lind", Role.LEAD, "en", team);
        var agent = data.agent(Role.AGENT, team);
        long category = categories.create(TestData.unique("Deliveries")).id();
        long customer = data.customer("Ines Navarro").id();
        // three tickets resolved: with one reply (2 touches), with a call in between (4 touches), and with no reply (1)
        for (int calls = 0; calls < 3; calls++) {
            long id = tickets.open(TicketFixtures.aNewTicket().forCustomer(customer).inTeam(team.id()).inCategory(category).command(),
                    Actor.SYSTEM).ticketId();
            tickets.referPurchase(id, "ORD-" + team.id(), agent.principal()); // one purchase: 2 + 4 + 1 touches
            if (calls == 2) {
                tickets.update(id, new TicketCommands.UpdateTicket(TicketStatus.RESOLVED, null, null, null, null, null, null),
                        agent.principal());
                continue;
            }
            if (calls == 1) {
                tickets.logContact(id, Channel.PHONE, TouchDirection.OUTBOUND, "Called about the parcel.", null, agent.principal());
                tickets.logContact(id, Channel.PHONE, TouchDirection.INBOUND, "She called back.", null, agent.principal());
            }
            tickets.reply(id, new TicketCommands.Reply("It is on its way.", TicketStatus.RESOLVED, null, List.of(), Channel.PHONE,
                    false), agent.principal());
        }

        browser.signIn(lead.email(), lead.password());
        String url = "/reports?team=" + team.id() + "&category=" + category;
        // the ledger hears the resolutions after their commit: the page is read again until it shows all three
        org.regard.support.Eventually.until(() -> {
            browser.open(url);
            return browser.findAll("#table-touches tbody tr").size() >= 3;
        }, "the report to show the three resolutions");
        browser.waitUntil(d -> browser.findAll("#chart-touches-" + category).size() == 1);

        List<Long> tableBars = new ArrayList<>(java.util.Collections.nCopies(21, 0L));
        browser.findAll("#table-touches tbody tr").forEach(tr -> {
            int touches = Integer.parseInt(tr.findElement(org.openqa.selenium.By.cssSelector("td[data-column=touches]")).getDomAttribute("data-value"));
            long n = Long.parseLong(tr.findElement(org.openqa.selenium.By.cssSelector("td[data-column=resolutions]")).getText());
            tableBars.set(touches, n);
        });
        assertThat(tableBars.get(1)).isEqualTo(1);
        assertThat(tableBars.get(2)).isEqualTo(1);
        assertThat(tableBars.get(4)).isEqualTo(1);
        @SuppressWarnings("unchecked")
        List<Number> chartBars = (List<Number>) browser.driver().executeScript(
                "return Chart.getChart('chart-touches-" + category + "').data.datasets[0].data");
        assertThat(chartBars.stream().map(Number::longValue).toList()).isEqualTo(tableBars);

        String href = browser.find("#csv-touches").getDomAttribute("href");
        assertThat(href).contains("team=" + team.id());
        Object csv = browser.driver().executeAsyncScript(
                "const done = arguments[arguments.length - 1]; fetch(arguments[0]).then(r => r.text()).then(done)", href);
        assertThat((String) csv).startsWith("categoryId,category,touches,resolutions,expected,alarm")
                .contains("," + 1 + ",1,,", ",2,1,,", ",4,1,,");
        assertThat(browser.find("#how-touches").getText()).contains("How is this counted?");
        assertThat(browser.seriousAccessibilityProblems()).isEmpty();
        browser.screenshot("reports-touches");

        // the purchase's three tickets add up to one purchase of 7 touches, drawn beside the tickets' own
        browser.waitUntil(d -> browser.findAll("#chart-purchases-all").size() == 1);
        @SuppressWarnings("unchecked")
        List<Number> purchaseBars = (List<Number>) browser.driver().executeScript(
                "return Chart.getChart('chart-purchases-all').data.datasets[0].data");
        assertThat(purchaseBars.stream().map(Number::longValue).toList()).as("bars 1, 2, 4 (tickets) and 7 (the purchase)")
                .containsExactly(0L, 0L, 0L, 1L);
        assertThat(browser.find("#table-top-purchases").getText()).contains("ORD-" + team.id());

        browser.driver().executeScript("document.getElementById('report-outcomes').scrollIntoView()");
        assertThat(browser.find("#table-outcomes").getText()).contains("1");
        browser.screenshot("reports-outcomes");
    }
}
