package org.regard.tickets.web;

import org.junit.jupiter.api.Test;
import org.regard.accounts.Role;
import org.regard.accounts.TeamView;
import org.regard.support.IntegrationTest;
import org.regard.support.TestData;
import org.regard.support.TestData.TestAgent;
import org.regard.support.WebSession;
import org.regard.tickets.Channel;
import org.regard.tickets.Priority;
import org.regard.tickets.TicketCommands.OpenTicket;
import org.regard.tickets.TicketStatus;
import org.regard.tickets.Tickets;
import org.regard.tickets.TouchDirection;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

@IntegrationTest
class TicketPageIntegrationTest {
    @LocalServerPort
    int port;
    @Autowired
    Tickets tickets;
    @Autowired
    TestData data;

    @Test
    void theTicketPageShowsThePersonTheTouchesSplitAndEveryMessageWithItsAuthor() {
        TeamView team = data.team("page");
        TestAgent agent = data.agent(Role.AGENT, team);
        var customer = data.customer("Élodie Martin");
        long id = tickets.open(new OpenTicket(customer.id(), "Printer jams", "It jams on every page.", Channel.PHONE,
                team.id(), Priority.HIGH, null, null), agent.principal()).ticketId();
        tickets.reply(id, new org.regard.tickets.TicketCommands.Reply("Please try the rear tray.", TicketStatus.WAITING, null,
                java.util.List.of(), Channel.PHONE, false), agent.principal());
        tickets.addNote(id, "Known issue with model X.", null, agent.principal());
        tickets.customerWrote(id, "Still jams.", Channel.EMAIL, null);

        var ticketPage = WebSession.signedIn(port, agent.email(), agent.password()).get("/tickets/" + id);
        String page = ticketPage.body();

        assertThat(page).contains("class=\"card person\"", "Élodie Martin", customer.emails().getFirst());
        assertThat(page).contains("Touches: 3 — 2 from the customer, 1 from the team");
        assertThat(ticketPage.idsStartingWith("message-")).hasSize(4);
        assertThat(page).contains("message kind-customer", "message kind-reply", "message kind-note");
        assertThat(page).contains("Please try the rear tray.", "Known issue with model X.", "Still jams.");
        assertThat(page).contains(agent.principal().displayName(), "written down by " + agent.principal().displayName());
        assertThat(page).containsPattern("<time datetime=\"\\d{4}-\\d{2}-\\d{2}T[^\"]+Z\">");
        assertThat(page).contains("id=\"history\"", "Waiting on customer");
        assertThat(page).contains("id=\"composer-body\"", "data-shortcut=\"r\"", "name=\"submissionKey\"");
        assertThat(page).contains("hx-get=\"/customers/" + customer.id() + "/tickets?exclude=" + id + "\"");
    }

    @Test
    void eachShowingOfTheComposerCarriesANewSubmissionKey() {
        TeamView team = data.team("page");
        TestAgent agent = data.agent(Role.AGENT, team);
        long id = open(agent, team, "Keys");
        WebSession session = WebSession.signedIn(port, agent.email(), agent.password());

        String first = session.get("/tickets/" + id).valueOf("composer-submission-key");
        String second = session.get("/tickets/" + id).valueOf("composer-submission-key");

        assertThat(first).isNotBlank().isNotEqualTo(second);
    }

    @Test
    void aPlainAgentMayNotSeeAnotherTeamsTicketAndAnUnknownTicketIsNotFound() {
        TeamView mine = data.team("mine");
        TeamView theirs = data.team("theirs");
        TestAgent me = data.agent(Role.AGENT, mine);
        TestAgent them = data.agent(Role.AGENT, theirs);
        long theirTicket = open(them, theirs, "Their parcel");
        WebSession session = WebSession.signedIn(port, me.email(), me.password());

        var forbidden = session.get("/tickets/" + theirTicket);
        assertThat(forbidden.status()).isEqualTo(403);
        assertThat(forbidden.body()).doesNotContain("Their parcel");
        assertThat(session.get("/tickets/999999999").status()).isEqualTo(404);
    }

    @Test
    void anAdminMaySeeEveryTeamsTicket() {
        TeamView team = data.team("anyteam");
        TestAgent agent = data.agent(Role.AGENT, team);
        TestAgent admin = data.agent(Role.ADMIN);
        long id = open(agent, team, "Seen by the admin");

        var page = WebSession.signedIn(port, admin.email(), admin.password()).get("/tickets/" + id);

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("Seen by the admin");
    }

    @Test
    void theNextTicketLinkLeadsToTheNextActiveTicketOfTheTeam() {
        TeamView team = data.team("next");
        TestAgent agent = data.agent(Role.AGENT, team);
        long older = open(agent, team, "Older");
        long newer = open(agent, team, "Newer");

        String page = WebSession.signedIn(port, agent.email(), agent.password()).get("/tickets/" + newer).body();

        assertThat(page).contains("id=\"next-ticket\"", "href=\"/tickets/" + older + "\"", "data-shortcut=\"n\"");
    }

    @Test
    void theResolveButtonIsOfferedOnAnActiveTicketAndReopenOnAResolvedOne() {
        TeamView team = data.team("quick");
        TestAgent agent = data.agent(Role.AGENT, team);
        long id = open(agent, team, "Quick buttons");
        WebSession session = WebSession.signedIn(port, agent.email(), agent.password());

        assertThat(session.get("/tickets/" + id).body()).contains("id=\"resolve\"", "data-shortcut=\"e\"").doesNotContain("id=\"reopen\"");
        tickets.update(id, new org.regard.tickets.TicketCommands.UpdateTicket(TicketStatus.RESOLVED, null, null, null, null, null, null),
                agent.principal());
        assertThat(session.get("/tickets/" + id).body()).contains("id=\"reopen\"").doesNotContain("id=\"resolve\"");
    }

    @Test
    void aLoggedCallShowsWhoCalledWhom() {
        TeamView team = data.team("calls");
        TestAgent agent = data.agent(Role.AGENT, team);
        long id = open(agent, team, "Call me");
        tickets.logContact(id, Channel.PHONE, TouchDirection.OUTBOUND, "Called back, all fine.", null, agent.principal());

        String page = WebSession.signedIn(port, agent.email(), agent.password()).get("/tickets/" + id).body();

        assertThat(page).contains("message kind-contact", "We called the customer", "Called back, all fine.");
    }

    @Test
    void theTicketPageSpeaksFrench() {
        TeamView team = data.team("fr");
        TestAgent agent = data.agent(Role.AGENT, team);
        long id = open(agent, team, "Imprimante");

        String page = WebSession.signedIn(port, agent.email(), agent.password(), "fr").get("/tickets/" + id).body();

        assertThat(page).contains("lang=\"fr\"", "Nouveau", "Répondre au client");
    }

    private long open(TestAgent agent, TeamView team, String subject) {
        var customer = data.customer("Customer of " + subject);
        return tickets.open(new OpenTicket(customer.id(), subject, "Please help.", Channel.WEB, team.id(), null, null, null),
                agent.principal()).ticketId();
    }
}
