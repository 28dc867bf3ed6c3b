package org.regard.browser;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.Select;
import org.regard.accounts.Role;
import org.regard.support.Browser;
import org.regard.support.BrowserTest;
import org.regard.support.TestData;
import org.regard.tickets.Channel;
import org.regard.tickets.TicketCommands;
import org.regard.tickets.Tickets;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The day-one story: a call comes in, the agent opens a ticket, answers (recorded only: no mailbox serves the team,
 * as the composer says before and after), calls back with the answer, notes, resolves.
 */
@BrowserTest
class TicketStoryBrowserTest {
    @Autowired
    TestData data;
    @Autowired
    Tickets tickets;

    @Test
    void anAgentOpensATicketForANewCustomerRepliesAddsANoteAndResolves(Browser browser) {
        var team = data.accounts().ensureTeam("Support");
        var agent = data.named("Camille Roux", Role.AGENT, null, team);
        browser.signIn(agent.email(), agent.password());

        browser.open("/tickets/new");
        assertThat(browser.seriousAccessibilityProblems()).isEmpty();
        String email = TestData.unique("marie") + "@example.test";
        browser.find("#new-customer-email").sendKeys(email);
        browser.find("#new-customer-name").sendKeys("Marie Lefèvre");
        browser.find("#new-ticket-subject").sendKeys("La livraison n'est pas arrivée");
        browser.find("#new-ticket-body").sendKeys("Elle appelle : le colis attendu lundi n'est pas arrivé.");
        new Select(browser.find("#new-ticket-channel")).selectByValue("PHONE");
        browser.screenshot("new-ticket");
        browser.find("#open-ticket").click();
        browser.waitUntil(d -> browser.path().matches("/tickets/\\d+"));

        assertThat(browser.find("#ticket-subject").getText()).isEqualTo("La livraison n'est pas arrivée");
        assertThat(browser.find(".person").getText()).contains("Marie Lefèvre").contains(email);
        assertThat(browser.find("#touches").getAttribute("data-touches-in")).isEqualTo("1");
        assertThat(browser.find("#touches").getAttribute("data-touches-out")).isEqualTo("0");
        assertThat(browser.seriousAccessibilityProblems()).isEmpty();

        // no mailbox serves the team: before sending, the composer says the reply will be recorded only
        assertThat(browser.find("#composer-destination").getAttribute("data-destination")).isEqualTo("RECORDED");
        assertThat(browser.find("#composer-destination").getText()).contains("Will be recorded only: no mailbox serves this team");
        browser.find("#composer-body").sendKeys("Nous avons relancé le transporteur ; livraison demain matin.");
        showTop("#composer-title", browser);
        browser.screenshot("reply-recorded-before");
        browser.find("#send-reply").click();
        browser.waitUntil(d -> browser.findAll("#messages [data-kind='REPLY']").size() == 1);
        // and afterwards the message says the truth: recorded only, no touch, and the flash does not claim it was sent
        assertThat(browser.find("#flash").getText()).contains("recorded on the ticket only").doesNotContain("was sent");
        assertThat(browser.find("#messages [data-kind='REPLY'] .delivery").getAttribute("data-state")).isEqualTo("RECORDED");
        assertThat(browser.find("#messages [data-kind='REPLY'] .delivery").getText()).contains("Recorded only", "Not sent");
        assertThat(browser.find("#touches").getAttribute("data-touches-out")).isEqualTo("0");
        assertThat(browser.seriousAccessibilityProblems()).isEmpty();
        showTop("#conversation-title", browser);
        browser.screenshot("reply-recorded-after");

        // the agent then calls her with the answer: a reply given by phone is a touch
        browser.find("#composer-body").sendKeys("Appelée : livraison confirmée pour demain matin.");
        new Select(browser.find("#composer-told-by")).selectByValue("PHONE");
        browser.find("#send-reply").click();
        browser.waitUntil(d -> browser.findAll("#messages [data-kind='REPLY']").size() == 2);
        assertThat(browser.find("#touches").getAttribute("data-touches-out")).isEqualTo("1");

        browser.find("label[for='composer-mode-note']").click();
        browser.find("#composer-body").sendKeys("Transporteur contacté à 10h, réf. 4471.");
        browser.find("#add-note").click();
        browser.waitUntil(d -> browser.findAll("#messages [data-kind='NOTE']").size() == 1);
        assertThat(browser.find("#touches").getAttribute("data-touches-out")).as("a note is not a touch").isEqualTo("1");

        browser.find("#resolve").click();
        browser.waitUntil(d -> "RESOLVED".equals(browser.find("#ticket-status").getDomProperty("value")));
        assertThat(browser.findAll("#ticket-facts .badge[class*='status-']")).as("the status is shown once").isEmpty();
        assertThat(browser.find("#history").getText()).contains(agent.principal().displayName());
        browser.screenshot("ticket");
    }

    @Test
    void theKeyboardReachesTheComposerAndTheShortcutList(Browser browser) {
        var team = data.team("keys");
        var agent = data.agent(Role.AGENT, team);
        var customer = data.customer("Jürgen Schäfer");
        long id = tickets.open(new TicketCommands.OpenTicket(customer.id(), "Rechnung doppelt", "Die Rechnung kam zweimal.",
                Channel.WEB, team.id(), null, null, null), agent.principal()).ticketId();
        browser.signIn(agent.email(), agent.password());
        browser.open("/tickets/" + id);

        browser.find("label[for='composer-mode-note']").click();
        browser.blur();
        new Actions(browser.driver()).sendKeys("r").perform();
        browser.waitUntil(d -> "composer-body".equals(d.switchTo().activeElement().getAttribute("id")));
        assertThat(browser.find("#composer-mode-reply").isSelected()).isTrue();

        browser.blur();
        new Actions(browser.driver()).sendKeys("?").perform();
        browser.waitUntil(d -> browser.find("#shortcuts").getAttribute("open") != null);
    }

    /** Scrolls the page so that the element is at the top of the window, for a screenshot that shows it. */
    private static void showTop(String css, Browser browser) {
        browser.driver().executeScript("arguments[0].scrollIntoView(true)", browser.find(css));
    }
}
