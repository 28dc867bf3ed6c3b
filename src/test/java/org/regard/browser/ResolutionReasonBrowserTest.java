package org.regard.browser;

import org.junit.jupiter.api.Test;
import org.regard.accounts.Role;
import org.regard.accounts.TeamView;
import org.regard.api.ApiClient;
import org.regard.support.Browser;
import org.regard.support.BrowserTest;
import org.regard.support.TestData;
import org.regard.support.TicketFixtures;
import org.regard.tickets.Categories;
import org.regard.tickets.Tickets;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.regard.api.ApiClient.bearer;

/**
 * Resolving from the ticket page under a {@code warn} gate asks why, and the history keeps the answer; in a category
 * with resolution review the page says the resolution waits.
 */
@BrowserTest
class ResolutionReasonBrowserTest {
    @LocalServerPort
    int port;
    @Autowired
    TestData data;
    @Autowired
    Categories categories;
    @Autowired
    Tickets tickets;

    @Test
    void theResolveButtonAsksForAReasonThenResolvesAndAReviewedCategoryWaits(Browser browser) {
        TeamView team = data.team("warned");
        var lead = data.agent(Role.LEAD, team);
        var agent = data.named("Linh Pham", Role.AGENT, "en", team);
        long warned = categories.create(TestData.unique("Late delivery")).id();
        long reviewed = categories.requireResolutionReview(categories.create(TestData.unique("Refund")).id(), true).id();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("team", team.id());
        body.put("categories", List.of(warned));
        body.put("sourceLanguage", "en");
        body.put("gate", "warn");
        body.put("titles", Map.of("en", "Late delivery"));
        body.put("steps", List.of(Map.of("texts", Map.of("en", "Call the carrier"), "required", true, "afterPrevious", false)));
        var published = new ApiClient(port).post("/api/v1/procedures").auth(bearer(data.apiToken(lead))).json(body).send();
        assertThat(published.status()).as(published.body()).isEqualTo(201);
        long customer = data.customer("Bao Tran").id();
        long ticket = tickets.open(TicketFixtures.aNewTicket().forCustomer(customer).inTeam(team.id()).inCategory(warned)
                .command(), agent.principal()).ticketId();
        long waiting = tickets.open(TicketFixtures.aNewTicket().forCustomer(customer).inTeam(team.id()).inCategory(reviewed)
                .command(), agent.principal()).ticketId();

        browser.signIn(agent.email(), agent.password());
        browser.open("/tickets/" + ticket);
        browser.find("#resolve").click();
        browser.waitUntil(d -> browser.findAll("#resolution-reason").size() == 1);
        assertThat(browser.text()).contains("Call the carrier", "Why resolve it now?");
        assertThat(browser.seriousAccessibilityProblems()).isEmpty();
        browser.find("#resolution-reason").sendKeys("The carrier confirmed the delivery by email.");
        browser.find("#save-properties").click();
        browser.waitUntil(d -> browser.findAll("#ticket-status").size() == 1
                && "RESOLVED".equals(browser.find("#ticket-status").getDomProperty("value")));
        assertThat(browser.find("#history").getText()).contains("Resolved with open steps, because",
                "The carrier confirmed the delivery by email.");

        browser.open("/tickets/" + waiting);
        browser.find("#resolve").click();
        browser.waitUntil(d -> browser.findAll("#resolution-review").size() == 1);
        assertThat(browser.find("#resolution-review").getText()).contains("Resolution waiting for review", "Linh Pham");
        assertThat(browser.findAll("#resolve")).isEmpty();
        assertThat(browser.seriousAccessibilityProblems()).isEmpty();
    }
}
