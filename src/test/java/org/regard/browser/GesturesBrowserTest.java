package org.regard.browser;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.support.ui.Select;
import org.regard.accounts.Role;
import org.regard.accounts.TeamView;
import org.regard.api.ApiClient;
import org.regard.customers.Customers;
import org.regard.support.Browser;
import org.regard.support.BrowserTest;
import org.regard.support.TestData;
import org.regard.tickets.Channel;
import org.regard.tickets.TicketCommands;
import org.regard.tickets.Tickets;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.regard.api.ApiClient.bearer;

/**
 * An agent grants a customer a voucher within their limit (it stands at once) and a larger one above it (it waits
 * for a reviewer); the person card shows the customer's gestures.
 */
@BrowserTest
class GesturesBrowserTest {
    @LocalServerPort
    int port;
    @Autowired
    TestData data;
    @Autowired
    Customers customers;
    @Autowired
    Tickets tickets;

    @Test
    void aVoucherWithinTheLimitStandsAndOneAboveItWaitsForReview(Browser browser) {
        TeamView team = data.team("care");
        var lead = data.agent(Role.LEAD, team);
        var agent = data.named("Jonas Weber", Role.AGENT, "en", team);
        Map<String, Object> limit = new HashMap<>();
        limit.put("team", team.id());
        limit.put("kind", "voucher");
        limit.put("currency", "EUR");
        limit.put("perGesture", new BigDecimal("20.00"));
        limit.put("perMonth", new BigDecimal("50.00"));
        var set = new ApiClient(port).put("/api/v1/gesture-limits").auth(bearer(data.apiToken(lead))).json(limit).send();
        assertThat(set.status()).as(set.body()).isEqualTo(200);
        var customer = customers.create(new Customers.NewCustomer("Lena Hoffmann", List.of(TestData.unique("lena") + "@example.test"),
                "en", null, null, null));
        long ticket = tickets.open(new TicketCommands.OpenTicket(customer.id(), "Parcel arrived ten days late",
                "My order arrived ten days after the promised date.", Channel.WEB, team.id(), null, null, null),
                agent.principal()).ticketId();

        browser.signIn(agent.email(), agent.password());
        browser.open("/tickets/" + ticket);
        browser.waitUntil(d -> browser.findAll("#gesture-form").size() == 1);
        assertThat(browser.find("#gesture-allowance-voucher").getText()).contains("20.00 EUR", "50.00 EUR left this month");
        assertThat(browser.find("#gesture-currency").getDomProperty("value")).isEqualTo("EUR");

        // within the limit: it stands at once
        new Select(browser.find("#gesture-kind")).selectByValue("voucher");
        browser.find("#gesture-amount").sendKeys("15");
        browser.find("#gesture-reason").sendKeys("Parcel ten days late");
        browser.find("#gesture-grant").click();
        browser.waitUntil(d -> browser.findAll("#gesture-done").size() == 1);
        assertThat(browser.find("#gesture-done").getText()).isEqualTo("Gesture granted.");
        assertThat(browser.find("#gesture-list").getText()).contains("15.00 EUR", "Granted");
        assertThat(browser.find("#gesture-allowance-voucher").getText()).contains("35.00 EUR left this month");

        // above it: it waits for a reviewer
        browser.find("#gesture-amount").sendKeys("30");
        browser.find("#gesture-reason").sendKeys("Second late parcel this year");
        browser.find("#gesture-grant").click();
        browser.waitUntil(d -> browser.findAll("#gesture-list li").size() == 2);
        assertThat(browser.find("#gesture-done").getText()).contains("waits for a colleague");
        assertThat(browser.findAll(".gesture-pending")).hasSize(1);
        assertThat(browser.find(".gesture-pending").getText()).contains("30.00 EUR", "Waiting for review");
        assertThat(browser.seriousAccessibilityProblems()).isEmpty();

        // the person card on the ticket page lists them once reloaded
        browser.open("/tickets/" + ticket);
        browser.waitUntil(d -> browser.findAll("#card-gestures-" + customer.id() + " li").size() == 2);
        assertThat(browser.find("#card-gestures-" + customer.id()).getText()).contains("Voucher", "(waiting for review)");
        browser.waitUntil(d -> browser.findAll("#gesture-form").size() == 1);
        browser.driver().executeScript("document.getElementById('ticket-gestures').scrollIntoView()");
        browser.screenshot("gestures");

        // the lead sets the agent's own limit on the limits page
        browser.find("form[action='/logout'] button").click();
        browser.waitUntil(d -> d.getCurrentUrl().contains("/login"));
        browser.signIn(lead.email(), lead.password());
        browser.open("/gestures/limits");
        new Select(browser.find("#limit-owner")).selectByValue("agent:" + agent.id());
        new Select(browser.find("#limit-kind")).selectByValue("refund");
        browser.find("#limit-per-gesture").sendKeys("40");
        browser.find("#limit-save").click();
        browser.waitUntil(d -> browser.findAll("#limit-saved").size() == 1);
        assertThat(browser.find("#limit-list").getText()).contains("Jonas Weber", "Refund", "40.00 EUR", "no monthly limit");
        assertThat(browser.seriousAccessibilityProblems()).isEmpty();
    }
}
