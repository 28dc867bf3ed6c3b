package org.regard.browser;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.Keys;
import org.openqa.selenium.interactions.Actions;
import org.regard.accounts.Role;
import org.regard.support.Browser;
import org.regard.support.BrowserTest;
import org.regard.support.TestData;
import org.regard.tickets.Channel;
import org.regard.tickets.TicketCommands;
import org.regard.tickets.TicketQueries;
import org.regard.tickets.TicketStatus;
import org.regard.tickets.Tickets;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/** "Never lose what an agent typed": drafts, the lookup's Enter, a form sent again after Back, an undoable shortcut. */
@BrowserTest
class DraftsBrowserTest {
    @Autowired
    TestData data;
    @Autowired
    Tickets tickets;
    @Autowired
    TicketQueries queries;

    @Test
    void aHalfWrittenReplySurvivesAReloadAndIsGoneOnceSent(Browser browser) {
        var team = data.team("draft-reload");
        var agent = data.agent(Role.AGENT, team);
        long id = open(agent, team, "Facture en double");
        browser.signIn(agent.email(), agent.password());
        browser.open("/tickets/" + id);

        browser.find("#composer-body").sendKeys("Bonjour Madame, nous avons annulé la seconde facture");
        browser.waitUntil(d -> "saved".equals(browser.find("#composer-draft-status").getAttribute("data-state")));
        browser.driver().navigate().refresh();

        browser.waitUntil(d -> "restored".equals(browser.find("#composer-draft-status").getAttribute("data-state")));
        assertThat(browser.find("#composer-body").getAttribute("value")).isEqualTo("Bonjour Madame, nous avons annulé la seconde facture");
        assertThat(browser.find("#composer-draft-status").getText()).contains("Your unsent draft from");
        browser.screenshot("draft-restored");

        browser.find("#composer-body").sendKeys(" et remboursé.");
        browser.find("#send-reply").click();
        browser.waitUntil(d -> browser.findAll("#messages [data-kind='REPLY']").size() == 1);
        browser.driver().navigate().refresh();
        assertThat(browser.find("#composer-body").getAttribute("value")).isEmpty();
        assertThat(browser.find("#composer-draft-status").getAttribute("data-state")).isEqualTo("none");
    }

    @Test
    void enterInTheLookupKeepsTheTextAndBackThenOpenAgainMakesOneTicketAndSaysSo(Browser browser) {
        var team = data.team("draft-back");
        var agent = data.agent(Role.AGENT, team);
        String name = TestData.unique("Ingrid");
        var customer = data.customer(name);
        browser.signIn(agent.email(), agent.password());
        browser.open("/tickets/new");

        browser.find("#new-ticket-subject").sendKeys("Drucker offline");
        browser.find("#new-ticket-body").sendKeys("Seit heute früh meldet der Drucker offline.");
        browser.find("#customer-search").sendKeys(name.substring(name.indexOf('-') + 1), Keys.ENTER);
        browser.waitUntil(d -> !browser.findAll("#suggestion-" + customer.id()).isEmpty());
        assertThat(browser.path()).isEqualTo("/tickets/new");
        assertThat(browser.find("#new-ticket-subject").getAttribute("value")).isEqualTo("Drucker offline");
        assertThat(browser.find("#new-ticket-body").getAttribute("value")).isEqualTo("Seit heute früh meldet der Drucker offline.");

        browser.find("#suggestion-" + customer.id()).click();
        browser.find("#chosen-customer");
        browser.find("#open-ticket").click();
        browser.waitUntil(d -> browser.path().matches("/tickets/\\d+"));
        String created = browser.path();

        browser.driver().navigate().back();
        browser.waitUntil(d -> browser.path().equals("/tickets/new"));
        // whatever the browser kept of the form, the agent fills it in again and sends it
        if (browser.findAll("#chosen-customer").isEmpty()) {
            browser.find("#customer-search").sendKeys(name.substring(name.indexOf('-') + 1));
            browser.find("#suggestion-" + customer.id()).click();
            browser.find("#chosen-customer");
        }
        if (browser.find("#new-ticket-subject").getAttribute("value").isEmpty()) {
            browser.find("#new-ticket-subject").sendKeys("Drucker offline");
            browser.find("#new-ticket-body").sendKeys("Seit heute früh meldet der Drucker offline.");
        }
        browser.find("#open-ticket").click();
        browser.waitUntil(d -> browser.path().matches("/tickets/\\d+"));

        assertThat(browser.path()).isEqualTo(created);
        assertThat(browser.find("#flash").getText()).contains("This ticket was already created");
        browser.screenshot("ticket-already-created");
        assertThat(queries.list(new TicketQueries.ListQuery(TicketQueries.View.ALL, null, null, null, null, customer.id(), null,
                null, 10), agent.principal()).rows()).hasSize(1);
    }

    /**
     * Headless Chromium leaves the browser's own "leave this page?" dialog out, so this asks the page what the browser
     * would ask: whether it refuses to be left quietly (the handler cancels the {@code beforeunload} event).
     */
    @Test
    void leavingNewTicketWithTypedTextAsksFirst(Browser browser) {
        var agent = data.agent(Role.AGENT, data.team("draft-leave"));
        browser.signIn(agent.email(), agent.password());
        browser.open("/tickets/new");
        browser.find("#new-ticket-subject");
        assertThat(wouldAskBeforeLeaving(browser)).as("nothing typed yet").isFalse();

        browser.find("#new-ticket-subject").sendKeys("Half a ticket");

        assertThat(wouldAskBeforeLeaving(browser)).isTrue();
    }

    private static boolean wouldAskBeforeLeaving(Browser browser) {
        return (Boolean) browser.driver().executeScript(
                "const e = new Event('beforeunload', {cancelable: true}); window.dispatchEvent(e); return e.defaultPrevented;");
    }

    @Test
    void theResolveShortcutWaitsWithAnUndo(Browser browser) {
        var team = data.team("draft-undo");
        var agent = data.agent(Role.AGENT, team);
        long id = open(agent, team, "Paket beschädigt");
        browser.signIn(agent.email(), agent.password());
        browser.open("/tickets/" + id);

        browser.blur();
        new Actions(browser.driver()).sendKeys("e").perform();
        browser.waitUntil(d -> browser.find("#resolve-pending").isDisplayed());
        browser.screenshot("resolve-undo");
        new Actions(browser.driver()).sendKeys("z").perform();
        browser.waitUntil(d -> !browser.find("#resolve-pending").isDisplayed());
        assertThat(browser.path()).isEqualTo("/tickets/" + id);
        assertThat(status(id, agent)).isEqualTo(TicketStatus.NEW);

        long pressed = ((Number) browser.driver().executeScript("return Date.now();")).longValue();
        new Actions(browser.driver()).sendKeys("e").perform();
        browser.waitUntil(d -> "RESOLVED".equals(browser.find("#ticket-status").getDomProperty("value")));
        long loaded = ((Number) browser.driver().executeScript("return Math.round(performance.timeOrigin);")).longValue();
        assertThat(loaded - pressed).as("resolved after the undo window of the second press").isGreaterThanOrEqualTo(4_500);
        assertThat(status(id, agent)).isEqualTo(TicketStatus.RESOLVED);
    }

    private TicketStatus status(long id, org.regard.support.TestData.TestAgent agent) {
        return queries.detail(id, agent.principal()).summary().status();
    }

    private long open(org.regard.support.TestData.TestAgent agent, org.regard.accounts.TeamView team, String subject) {
        var customer = data.customer("Kundin " + TestData.unique("d"));
        return tickets.open(new TicketCommands.OpenTicket(customer.id(), subject, "Bitte helfen Sie mir.", Channel.WEB, team.id(),
                null, null, null), agent.principal()).ticketId();
    }
}
