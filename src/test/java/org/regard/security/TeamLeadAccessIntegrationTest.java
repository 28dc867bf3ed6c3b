package org.regard.security;

import org.junit.jupiter.api.Test;
import org.regard.accounts.Actor;
import org.regard.accounts.Role;
import org.regard.api.ApiClient;
import org.regard.support.IntegrationTest;
import org.regard.support.TestData;
import org.regard.support.WebSession;
import org.regard.tickets.Tickets;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.regard.api.ApiClient.bearer;
import static org.regard.support.TicketFixtures.aNewTicket;

/**
 * A team lead works on the tickets of their own teams like an agent, and on nothing of another team's; leading a team
 * gives no administration: pages and API alike.
 */
@IntegrationTest
class TeamLeadAccessIntegrationTest {
    @LocalServerPort
    int port;
    @Autowired
    TestData data;
    @Autowired
    Tickets tickets;

    @Test
    void aLeadWorksOnTheirTeamsTicketsOnlyAndAdministersNothing() {
        var mine = data.team("lead-mine");
        var theirs = data.team("lead-theirs");
        var lead = data.agent(Role.LEAD, mine);
        long customer = data.customer("Ines Duarte").id();
        long own = tickets.open(aNewTicket().forCustomer(customer).inTeam(mine.id()).command(), Actor.SYSTEM).ticketId();
        long other = tickets.open(aNewTicket().forCustomer(customer).inTeam(theirs.id()).command(), Actor.SYSTEM).ticketId();
        WebSession page = WebSession.signedIn(port, lead.email(), lead.password());
        String token = data.apiToken(lead);
        ApiClient api = new ApiClient(port);

        assertThat(page.get("/tickets/" + own).status()).isEqualTo(200);
        assertThat(page.get("/tickets/" + other).status()).as("another team's ticket, page").isEqualTo(403);
        assertThat(api.get("/api/v1/tickets/" + own).auth(bearer(token)).send().status()).isEqualTo(200);
        var refused = api.get("/api/v1/tickets/" + other).auth(bearer(token)).send();
        assertThat(refused.status()).as("another team's ticket, API").isEqualTo(403);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(page.post("/tickets/" + other + "/notes", "body", "a lead's note").status())
                .as("a note on another team's ticket").isEqualTo(403);

        for (String path : List.of("/admin/agents", "/admin/teams", "/admin/audit", "/admin/audit/export", "/admin/security")) {
            assertThat(page.get(path).status()).as(path).isEqualTo(403);
        }
        for (String path : List.of("/api/v1/agents", "/api/v1/teams", "/api/v1/categories", "/api/v1/audit")) {
            assertThat(api.get(path).auth(bearer(token)).send().status()).as(path).isEqualTo(403);
        }
    }
}
