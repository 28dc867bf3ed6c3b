package org.regard.tickets.web;

import org.junit.jupiter.api.Test;
import org.regard.accounts.Actor;
import org.regard.accounts.Role;
import org.regard.accounts.TeamView;
import org.regard.support.IntegrationTest;
import org.regard.support.TestData;
import org.regard.support.TestData.TestAgent;
import org.regard.support.WebSession;
import org.regard.tickets.Channel;
import org.regard.tickets.Priority;
import org.regard.tickets.TicketCommands.OpenTicket;
import org.regard.tickets.Tickets;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

@IntegrationTest
class UnreadIntegrationTest {
    @LocalServerPort
    int port;
    @Autowired
    Tickets tickets;
    @Autowired
    TestData data;

    @Test
    void aTicketIsUnreadForEachAgentUntilTheyOpenItAndAgainWhenSomeoneElseWrites() {
        // as mail intake opens it: nobody in the team has seen the customer's first message
        TeamView team = data.team("unread");
        TestAgent anna = data.agent(Role.AGENT, team);
        TestAgent ben = data.agent(Role.AGENT, team);
        var customer = data.customer("Unread customer");
        long id = tickets.open(new OpenTicket(customer.id(), "Is anyone there?", "Hello?", Channel.WEB, team.id(), Priority.NORMAL,
                null, null), Actor.SYSTEM).ticketId();
        WebSession annas = WebSession.signedIn(port, anna.email(), anna.password());
        WebSession bens = WebSession.signedIn(port, ben.email(), ben.password());
        String inbox = "/inbox?view=TEAMS&team=" + team.id();

        assertThat(unread(annas, inbox, id)).as("a new ticket is unread").isTrue();
        assertThat(annas.get("/tickets/" + id).status()).isEqualTo(200);
        assertThat(unread(annas, inbox, id)).as("opened by Anna").isFalse();
        assertThat(unread(bens, inbox, id)).as("not opened by Ben").isTrue();

        tickets.customerWrote(id, "Still waiting.", Channel.EMAIL, null);
        assertThat(unread(annas, inbox, id)).as("the customer wrote again").isTrue();
        annas.get("/tickets/" + id);
        assertThat(unread(annas, inbox, id)).isFalse();

        // what Anna writes herself is nothing new to her, but it is to Ben
        bens.get("/tickets/" + id);
        tickets.addNote(id, "I am on it.", null, anna.principal());
        assertThat(unread(annas, inbox, id)).as("her own note").isFalse();
        assertThat(unread(bens, inbox, id)).as("Anna's note, for Ben").isTrue();
        assertThat(bens.get(inbox).body()).contains("id=\"unread-" + id + "\"", "New activity since you last opened it");
    }

    private static boolean unread(WebSession session, String inbox, long id) {
        String page = session.get(inbox).body();
        assertThat(page).contains("id=\"ticket-row-" + id + "\"");
        return page.matches("(?s).*<tr id=\"ticket-row-" + id + "\"[^>]*class=\"unread\".*");
    }
}
