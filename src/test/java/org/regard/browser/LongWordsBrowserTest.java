package org.regard.browser;

import org.junit.jupiter.api.Test;
import org.regard.accounts.Role;
import org.regard.customers.Customers;
import org.regard.support.Browser;
import org.regard.support.BrowserTest;
import org.regard.support.TestData;
import org.regard.tickets.Channel;
import org.regard.tickets.TicketCommands;
import org.regard.tickets.Tickets;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** One word of 300 characters, in a subject, a customer's name and a message, never widens a page past the window. */
@BrowserTest
class LongWordsBrowserTest {
    @Autowired
    TestData data;
    @Autowired
    Tickets tickets;
    @Autowired
    Customers customers;

    /** The innermost elements that reach past the window's right edge, to say what widened the page. */
    private static final String WIDEST = """
            return [...document.querySelectorAll('body *')]
                .filter(e => e.getBoundingClientRect().right > window.innerWidth + 1)
                .filter(e => ![...e.children].some(c => c.getBoundingClientRect().right > window.innerWidth + 1))
                .slice(0, 3).map(e => e.tagName + (e.id ? '#' + e.id : '') + '.' + e.className).join(', ');
            """;

    @Test
    void aThreeHundredCharacterWordWrapsOrIsCutOnEveryPageThatShowsIt(Browser browser) {
        String word = TestData.unique("Wort").replace("-", "") + "x".repeat(300 - 12);
        var team = data.team("longwords");
        var agent = data.agent(Role.AGENT, team);
        var customer = customers.create(new Customers.NewCustomer("Kunde" + word.substring(0, 190), List.of(TestData.unique("long") + "@example.test"),
                "de", null, null, null));
        long id = tickets.open(new TicketCommands.OpenTicket(customer.id(), word, "Bitte " + word + " prüfen.",
                Channel.WEB, team.id(), null, null, null), data.admin()).ticketId();
        browser.signIn(agent.email(), agent.password());

        List<String> problems = new ArrayList<>();
        List<String> paths = List.of("/inbox", "/tickets/" + id, "/search?q=" + word.substring(0, 20) + "*",
                "/search?q=" + word, "/customers/" + customer.id(), "/customers?q=Kunde" + word.substring(0, 10));
        for (int[] size : new int[][]{{1366, 768}, {390, 844}}) {
            browser.resize(size[0], size[1]);
            for (String path : paths) {
                browser.open(path);
                browser.waitUntil(d -> browser.findAll(".htmx-request").isEmpty());
                Object widths = browser.driver().executeScript(
                        "return [document.documentElement.scrollWidth, window.innerWidth];");
                @SuppressWarnings("unchecked") List<Long> w = (List<Long>) widths;
                browser.screenshot("long-word-" + paths.indexOf(path) + "-" + size[0]);
                if (w.get(0) > w.get(1)) {
                    problems.add(path + " at " + size[0] + "px is " + w.get(0) + "px wide, past the window: "
                            + browser.driver().executeScript(WIDEST));
                }
            }
        }
        assertThat(problems).isEmpty();
        browser.resize(1366, 768);
        browser.open("/inbox");
        var subject = browser.find("#ticket-row-" + id + " a");
        assertThat(subject.getAttribute("title")).as("the full subject on hover").isEqualTo(word);
        var status = browser.find("#ticket-row-" + id + " .badge").getRect();
        assertThat(status.getX() + status.getWidth()).as("the status is on screen").isLessThanOrEqualTo(1366);
    }
}
