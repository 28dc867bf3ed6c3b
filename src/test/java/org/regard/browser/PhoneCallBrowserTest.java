package org.regard.browser;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.Keys;
import org.openqa.selenium.support.ui.Select;
import org.regard.accounts.Role;
import org.regard.customers.Customers;
import org.regard.customers.Phone;
import org.regard.customers.PhoneKind;
import org.regard.support.Browser;
import org.regard.support.BrowserTest;
import org.regard.support.TestData;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The phone as a channel: a known caller found by their number as they say it, a ticket logged for them and taken by
 * the agent, and found again later by its number from the top search.
 */
@BrowserTest
class PhoneCallBrowserTest {
    @Autowired
    TestData data;
    @Autowired
    Customers customers;

    @Test
    void aCallerFoundByNumberGetsATicketThatHashNumberOpensFromTheTopSearch(Browser browser) {
        var team = data.team("calls");
        var agent = data.named("Lucie Martin", Role.AGENT, null, team);
        String eight = String.valueOf(ThreadLocalRandom.current().nextInt(10_000_000, 100_000_000));
        var caller = customers.create(new Customers.NewCustomer("Paul Girard", List.of(), null, null, null, null,
                Customers.PersonFacts.UNKNOWN, List.of(new Phone("+33 6 " + eight, PhoneKind.MOBILE))));
        browser.signIn(agent.email(), agent.password());

        browser.open("/tickets/new");
        browser.find("#customer-search").sendKeys("06 " + eight);
        browser.waitUntil(d -> !browser.findAll("#suggestion-" + caller.id()).isEmpty());
        browser.find("#suggestion-" + caller.id()).click();
        browser.waitUntil(d -> !browser.findAll("#chosen-customer").isEmpty());
        assertThat(browser.find("#chosen-customer").getText()).contains("Paul Girard", "+33 6 " + eight);
        assertThat(new Select(browser.find("#new-ticket-assignee")).getFirstSelectedOption().getAttribute("value"))
                .as("a logged call is the opener's").isEqualTo(String.valueOf(agent.id()));
        browser.find("#new-ticket-subject").sendKeys("Facture en double");
        browser.find("#new-ticket-body").sendKeys("Il a reçu deux fois la facture de novembre.");
        assertThat(browser.seriousAccessibilityProblems()).isEmpty();
        browser.screenshot("new-ticket-phone");
        browser.find("#open-ticket").click();
        browser.waitUntil(d -> browser.path().matches("/tickets/\\d+"));
        String ticketPath = browser.path();
        assertThat(browser.find("#ticket-assignee-name").getText()).contains("Lucie Martin");

        browser.open("/inbox");
        browser.find("#topbar-search").sendKeys("#" + ticketPath.replace("/tickets/", ""), Keys.ENTER);
        browser.waitUntil(d -> browser.path().equals(ticketPath));
        assertThat(browser.find("#ticket-subject").getText()).isEqualTo("Facture en double");
        browser.screenshot("search-hash-number");
    }
}
