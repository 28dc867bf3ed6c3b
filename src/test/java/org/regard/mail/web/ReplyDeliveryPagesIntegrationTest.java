package org.regard.mail.web;

import org.junit.jupiter.api.Test;
import org.regard.accounts.Role;
import org.regard.accounts.TeamView;
import org.regard.customers.Customers;
import org.regard.mail.mailboxes.Mailbox;
import org.regard.mail.mailboxes.Mailboxes;
import org.regard.support.IntegrationTest;
import org.regard.support.TestData;
import org.regard.support.TestData.TestAgent;
import org.regard.support.TestMailServer;
import org.regard.support.WebSession;
import org.regard.tickets.Channel;
import org.regard.tickets.TicketCommands.OpenTicket;
import org.regard.tickets.TicketQueries;
import org.regard.tickets.Tickets;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;


import static org.assertj.core.api.Assertions.assertThat;

/** Taking back and sending again an email reply from the ticket page: forms with CSRF, redirects, flash messages. */
@IntegrationTest
class ReplyDeliveryPagesIntegrationTest {
    @LocalServerPort
    int port;
    @Autowired
    Tickets tickets;
    @Autowired
    TicketQueries queries;
    @Autowired
    Customers customers;
    @Autowired
    Mailboxes mailboxes;
    @Autowired
    TestData data;
    @Autowired
    JdbcClient jdbc;

    @Test
    void undoOnThePageTakesTheReplyBackAndSaysSo() {
        TeamView team = data.team("pages");
        TestAgent agent = data.agent(Role.AGENT, team);
        mailbox(team);
        long ticketId = ticket(team, agent);
        var written = tickets.reply(ticketId, "Oops, wrong customer.", null, null, agent.principal());
        WebSession web = WebSession.signedIn(port, agent.email(), agent.password());

        var answer = web.post("/tickets/" + ticketId + "/replies/" + written.messageId() + "/undo");

        assertThat(answer.status()).isEqualTo(302);
        assertThat(answer.redirectPath()).isEqualTo("/tickets/" + ticketId);
        assertThat(web.get("/tickets/" + ticketId).body()).contains("Your reply was taken back before it left.");
        assertThat(state(written.messageId())).isEqualTo("CANCELLED");
        assertThat(queries.detail(ticketId, agent.principal()).messages()).extracting(TicketQueries.MessageView::id)
                .doesNotContain(written.messageId());
    }

    @Test
    void undoWithoutTheFormsTokenIsRefused() {
        TeamView team = data.team("pages");
        TestAgent agent = data.agent(Role.AGENT, team);
        mailbox(team);
        long ticketId = ticket(team, agent);
        var written = tickets.reply(ticketId, "Stays.", null, null, agent.principal());
        WebSession web = WebSession.signedIn(port, agent.email(), agent.password());

        var answer = web.postAsIs("/tickets/" + ticketId + "/replies/" + written.messageId() + "/undo");

        assertThat(answer.status()).isEqualTo(403);
        assertThat(state(written.messageId())).isIn("QUEUED", "SENDING", "SENT");
    }

    @Test
    void undoTooLateChangesNothingAndSaysWhy() throws InterruptedException {
        TeamView team = data.team("pages");
        TestAgent agent = data.agent(Role.AGENT, team);
        mailbox(team);
        long ticketId = ticket(team, agent);
        var written = tickets.reply(ticketId, "Already gone.", null, null, agent.principal());
        awaitState(written.messageId(), "SENT");
        WebSession web = WebSession.signedIn(port, agent.email(), agent.password());

        var answer = web.post("/tickets/" + ticketId + "/replies/" + written.messageId() + "/undo");

        assertThat(answer.redirectPath()).isEqualTo("/tickets/" + ticketId);
        assertThat(web.get("/tickets/" + ticketId).body()).contains("Too late to take this reply back");
        assertThat(state(written.messageId())).isEqualTo("SENT");
        assertThat(queries.detail(ticketId, agent.principal()).messages()).extracting(TicketQueries.MessageView::id)
                .contains(written.messageId());
    }

    @Test
    void anAgentOfAnotherTeamCanNeitherUndoNorResend() {
        TeamView team = data.team("pages");
        TestAgent agent = data.agent(Role.AGENT, team);
        TestAgent stranger = data.agent(Role.AGENT, data.team("elsewhere"));
        mailbox(team);
        long ticketId = ticket(team, agent);
        var written = tickets.reply(ticketId, "Not yours to take back.", null, null, agent.principal());
        WebSession web = WebSession.signedIn(port, stranger.email(), stranger.password());

        assertThat(web.post("/tickets/" + ticketId + "/replies/" + written.messageId() + "/undo").status()).isEqualTo(403);
        assertThat(web.post("/tickets/" + ticketId + "/replies/" + written.messageId() + "/resend").status()).isEqualTo(403);
        assertThat(web.post("/tickets/" + (ticketId + 1_000_000) + "/replies/" + written.messageId() + "/undo").status()).isEqualTo(404);
        assertThat(state(written.messageId())).isNotEqualTo("CANCELLED");
        assertThat(queries.detail(ticketId, agent.principal()).messages()).extracting(TicketQueries.MessageView::id)
                .contains(written.messageId());
    }

    @Test
    void resendOnThePageQueuesAFailedReplyAgain() throws InterruptedException {
        TeamView team = data.team("pages");
        TestAgent agent = data.agent(Role.AGENT, team);
        mailbox(team);
        long ticketId = ticket(team, agent);
        var written = tickets.reply(ticketId, "Sent once the server takes it.", null, null, agent.principal());
        // the mail server refused it for good
        assertThat(jdbc.sql("update mail_outbox set state = 'FAILED', attempts = 1, last_error = ? where outbox_key = ? and state = 'QUEUED'")
                .params("554 Transaction failed", "reply:" + written.messageId()).update()).isEqualTo(1);
        WebSession web = WebSession.signedIn(port, agent.email(), agent.password());

        var answer = web.post("/tickets/" + ticketId + "/replies/" + written.messageId() + "/resend");

        assertThat(answer.redirectPath()).isEqualTo("/tickets/" + ticketId);
        assertThat(web.get("/tickets/" + ticketId).body()).contains("The reply will be sent again.");
        awaitState(written.messageId(), "SENT");
        web.post("/tickets/" + ticketId + "/replies/" + written.messageId() + "/resend");
        assertThat(web.get("/tickets/" + ticketId).body()).contains("This reply is not waiting to be sent again");
    }

    private void mailbox(TeamView team) {
        var smtp = new Mailboxes.ServerForm("127.0.0.1", TestMailServer.smtpPort(), Mailbox.Security.NONE, null, null, null);
        mailboxes.create(new Mailboxes.MailboxForm(TestData.unique("help") + "@" + TestData.unique("desk") + ".test",
                "Pages Desk", team.id(), null, smtp, Mailbox.ClosedReply.REOPEN, false, true), Mailbox.Source.ADMIN);
    }

    private long ticket(TeamView team, TestAgent agent) {
        var customer = customers.findOrCreate(TestData.unique("cust") + "@" + TestData.unique("home") + ".test", "Minh Tran");
        long id = tickets.open(new OpenTicket(customer.id(), "Delivery date", "When will it come?", Channel.EMAIL, team.id(),
                null, null, null), agent.principal()).ticketId();
        // it came in by mail: the customer waits for the answer by mail
        long first = queries.detail(id, agent.principal()).messages().getFirst().id();
        jdbc.sql("insert into mail_message (ticket_message_id, ticket_id, direction, rfc_message_id, from_address, subject) values (?, ?, 'IN', ?, ?, ?)")
                .params(first, id, TestData.unique("in") + "@home.test", customer.emails().getFirst(), "Delivery date").update();
        return id;
    }

    private String state(long messageId) {
        return jdbc.sql("select state from mail_outbox where outbox_key = ?").param("reply:" + messageId).query(String.class).single();
    }

    private void awaitState(long messageId, String wanted) throws InterruptedException {
        org.regard.support.Eventually.until(() -> state(messageId).equals(wanted), "state " + wanted + " of reply " + messageId);
    }
}
