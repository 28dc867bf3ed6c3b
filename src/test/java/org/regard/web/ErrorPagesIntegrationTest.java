package org.regard.web;

import org.junit.jupiter.api.Test;
import org.regard.accounts.Role;
import org.regard.accounts.Actor;
import org.regard.support.IntegrationTest;
import org.regard.support.TicketFixtures;
import org.regard.tickets.Tickets;
import org.regard.support.TestData;
import org.regard.support.WebSession;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/** A signed-in agent who reaches an error page keeps the navigation; every page names the favicon, which is there. */
@IntegrationTest
class ErrorPagesIntegrationTest {
    private static final String BROWSER = "text/html,application/xhtml+xml,*/*;q=0.8";
    @LocalServerPort
    int port;
    @Autowired
    TestData data;
    @Autowired
    Tickets tickets;

    @Test
    void aPageThatDoesNotExistKeepsTheNavigationForASignedInAgent() {
        var agent = data.agent(Role.AGENT, data.team("errors"));
        var session = WebSession.signedIn(port, agent.email(), agent.password()).header("Accept", BROWSER);

        for (String path : new String[]{"/no-such-page", "/tickets/987654321", "/customers/987654321"}) {
            var page = session.get(path);

            assertThat(page.status()).as(path).isEqualTo(404);
            assertThat(page.body()).as(path).contains("This page does not exist")
                    .contains("href=\"/customers\"").contains("/logout").contains("id=\"topbar-search\"");
        }
    }

    @Test
    void aTicketOfAnotherTeamIsRefusedWithTheNavigationKept() {
        var agent = data.agent(Role.AGENT, data.team("errors"));
        var other = data.team("others");
        long ticket = tickets.open(TicketFixtures.aNewTicket().forCustomer(data.customer("Elsewhere").id())
                .inTeam(other.id()).command(), Actor.SYSTEM).ticketId();
        var session = WebSession.signedIn(port, agent.email(), agent.password()).header("Accept", BROWSER);

        var page = session.get("/tickets/" + ticket);

        assertThat(page.status()).isEqualTo(403);
        assertThat(page.body()).contains("href=\"/customers\"").contains("/logout");
    }

    @Test
    void anonymousVisitorsSeeTheErrorWithoutTheNavigation() {
        var page = WebSession.anonymous(port).header("Accept", BROWSER).get("/css/no-such.css");

        assertThat(page.status()).isEqualTo(404);
        assertThat(page.body()).doesNotContain("/logout").doesNotContain("href=\"/customers\"");
    }

    @Test
    void everyPageNamesTheFaviconAndItIsServed() {
        var session = WebSession.anonymous(port);

        assertThat(session.get("/login").body()).contains("rel=\"icon\"").contains("/favicon.svg");
        var icon = session.download("/favicon.svg");
        assertThat(icon.statusCode()).isEqualTo(200);
        assertThat(icon.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("image/svg+xml"));
        assertThat(session.download("/favicon.ico").statusCode()).as("browsers that ask for it anyway").isEqualTo(200);
    }
}
