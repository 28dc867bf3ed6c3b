package org.regard.tickets.web;

import org.junit.jupiter.api.Test;
import org.regard.accounts.Role;
import org.regard.accounts.TeamView;
import org.regard.support.IntegrationTest;
import org.regard.support.TestData;
import org.regard.support.TestData.TestAgent;
import org.regard.support.WebSession;
import org.regard.tickets.Channel;
import org.regard.tickets.TicketCommands.OpenTicket;
import org.regard.tickets.TicketCommands.UpdateTicket;
import org.regard.tickets.TicketStatus;
import org.regard.tickets.Tickets;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

@IntegrationTest
class CustomerTicketsIntegrationTest {
    @LocalServerPort
    int port;
    @Autowired
    Tickets tickets;
    @Autowired
    TestData data;

    @Test
    void theListShowsTheCustomersTicketsTheAgentMaySeeNewestFirstInEveryStatus() {
        TeamView mine = data.team("ct-mine");
        TeamView theirs = data.team("ct-theirs");
        TestAgent me = data.agent(Role.AGENT, mine);
        TestAgent them = data.agent(Role.AGENT, theirs);
        var customer = data.customer("Ana Costa");
        long older = open(me, mine, customer.id(), "Older question");
        long resolved = open(me, mine, customer.id(), "Resolved question");
        tickets.update(resolved, new UpdateTicket(TicketStatus.RESOLVED, null, null, null, null, null, null), me.principal());
        open(them, theirs, customer.id(), "Other team's question");
        WebSession session = WebSession.signedIn(port, me.email(), me.password());

        var fragment = session.htmxGet("/customers/" + customer.id() + "/tickets");

        assertThat(fragment.status()).isEqualTo(200);
        assertThat(fragment.body()).doesNotContain("<html", "Other team");
        assertThat(fragment.idsStartingWith("customer-ticket-")).containsExactly(
                String.valueOf(resolved), String.valueOf(older));
        assertThat(fragment.body()).contains("Resolved");

        var page = session.get("/customers/" + customer.id() + "/tickets");
        assertThat(page.body()).contains("<html", "Tickets of Ana Costa", "href=\"/tickets/new?customerId=" + customer.id() + "\"");
    }

    @Test
    void theTicketPageLeavesTheCurrentTicketOutOfTheCustomersOtherTickets() {
        TeamView team = data.team("ct-exclude");
        TestAgent me = data.agent(Role.AGENT, team);
        var customer = data.customer("Only One");
        long id = open(me, team, customer.id(), "The only one");

        var fragment = WebSession.signedIn(port, me.email(), me.password())
                .htmxGet("/customers/" + customer.id() + "/tickets?exclude=" + id);

        assertThat(fragment.body()).contains("No other tickets you can see.").doesNotContain("customer-ticket-" + id);
    }

    @Test
    void anUnknownCustomerIsNotFound() {
        TestAgent me = data.agent(Role.AGENT, data.team("ct-unknown"));

        assertThat(WebSession.signedIn(port, me.email(), me.password()).get("/customers/999999999/tickets").status()).isEqualTo(404);
    }

    @Test
    void theListSpeaksFrench() {
        TeamView team = data.team("ct-fr");
        TestAgent me = data.agent(Role.AGENT, team);
        var customer = data.customer("Claire Dubois");
        open(me, team, customer.id(), "Question");

        String page = WebSession.signedIn(port, me.email(), me.password(), "fr").get("/customers/" + customer.id() + "/tickets").body();

        assertThat(page).contains("lang=\"fr\"", "Tickets de Claire Dubois", "Nouveau");
    }

    private long open(TestAgent agent, TeamView team, long customerId, String subject) {
        return tickets.open(new OpenTicket(customerId, subject, "Please help.", Channel.WEB, team.id(), null, null, null),
                agent.principal()).ticketId();
    }
}
