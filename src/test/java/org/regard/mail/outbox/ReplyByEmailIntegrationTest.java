package org.regard.mail.outbox;

import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.regard.accounts.Role;
import org.regard.accounts.TeamView;
import org.regard.api.ApiClient;
import org.regard.customers.Customers;
import org.regard.customers.Customers.CustomerView;
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

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.regard.api.ApiClient.bearer;

/**
 * A reply goes out by email whenever a mailbox serves the team and the customer has an address, whatever channel the
 * ticket came in by, and the composer says so before it is sent; a reply stuck in the outbox shows on its ticket, in the
 * inbox and on the mailboxes page.
 */
@IntegrationTest
class ReplyByEmailIntegrationTest {
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
    @Autowired
    Clock clock;

    @Test
    void aReplyToAPhoneTicketWhoseCustomerHasAnAddressIsEmailedFromTheTeamsMailbox() throws Exception {
        TeamView team = data.team("phone-mail");
        TestAgent agent = data.agent(Role.AGENT, team);
        Mailbox mailbox = mailbox(team);
        String address = TestData.unique("pierre") + "@" + TestData.unique("home") + ".test";
        CustomerView customer = customers.findOrCreate(address, "Pierre Durand");
        long id = tickets.open(new OpenTicket(customer.id(), "Kettle leaks", "Called about the kettle.", Channel.PHONE, team.id(),
                null, null, null), agent.principal()).ticketId();
        WebSession session = WebSession.signedIn(port, agent.email(), agent.password());

        assertThat(session.get("/tickets/" + id).body()).contains("data-destination=\"EMAIL\"",
                "Will be emailed to " + address + " from " + mailbox.displayName()).doesNotContain("composer-told-by");
        var posted = session.post("/tickets/" + id + "/replies", "body", "A new kettle is on its way.", "nextStatus", "WAITING",
                "submissionKey", TestData.unique("k"), "mode", "reply");
        assertThat(posted.status()).isEqualTo(302);
        assertThat(session.get("/tickets/" + id).body()).contains("Your reply is queued: it will be emailed");

        var reply = queries.detail(id, agent.principal()).messages().getLast();
        assertThat(reply.channel()).isEqualTo(Channel.EMAIL);
        MailSendingIntegrationTest.await(() -> state(reply.id()).equals("SENT"), "the reply to leave");
        List<MimeMessage> arrived = MailSendingIntegrationTest.mailTo(address);
        assertThat(arrived).hasSize(1);
        assertThat(arrived.getFirst().getSubject()).isEqualTo("Re: Kettle leaks [#" + id + "]");
        assertThat(arrived.getFirst().getFrom()[0].toString()).contains(mailbox.address());
        assertThat(queries.detail(id, agent.principal()).summary().touchesOut()).isEqualTo(1);
        var api = new ApiClient(port).get("/api/v1/tickets/" + id + "/messages/" + reply.id()).auth(bearer(data.apiToken(agent))).send();
        assertThat(api.json().get("delivery").get("state").asString()).isEqualTo("sent");
    }

    @Test
    void withAMailboxButNoCustomerAddressTheComposerSaysRecordedOnlyForWantOfAnAddress() {
        TeamView team = data.team("no-address");
        TestAgent agent = data.agent(Role.AGENT, team);
        mailbox(team);
        CustomerView walkIn = customers.create(new Customers.NewCustomer("Walk-in " + TestData.unique("c"), List.of(), null, null, null, null));
        long id = tickets.open(new OpenTicket(walkIn.id(), "Opening hours", "Asked at the counter.", Channel.VISIT, team.id(),
                null, null, null), agent.principal()).ticketId();

        String page = WebSession.signedIn(port, agent.email(), agent.password()).get("/tickets/" + id).body();

        assertThat(page).contains("Will be recorded only: this customer has no email address");
    }

    @Test
    void aReplyStuckInTheOutboxShowsOnTheTicketInTheInboxAndOnTheMailboxesPage() {
        TeamView team = data.team("stuck");
        TestAgent agent = data.agent(Role.AGENT, team);
        Mailbox mailbox = mailbox(team);
        CustomerView customer = customers.findOrCreate(TestData.unique("ana") + "@example.test", "Ana Lima");
        long id = tickets.open(new OpenTicket(customer.id(), "Refund", "Where is my refund?", Channel.WEB, team.id(),
                null, null, null), agent.principal()).ticketId();
        WebSession session = WebSession.signedIn(port, agent.email(), agent.password());
        assertThat(session.get("/tickets/" + id).body()).doesNotContain("ticket-stuck-badge");
        var written = tickets.reply(id, "The refund left today.", null, null, agent.principal());
        // the mail server did not answer the first attempt: the next one waits for a while
        assertThat(jdbc.sql("update mail_outbox set attempts = 1, last_error = ?, send_after = ? where outbox_key = ? and state = 'QUEUED'")
                .params("Connection refused", Timestamp.from(clock.instant().plus(Duration.ofHours(1))), "reply:" + written.messageId())
                .update()).isEqualTo(1);

        assertThat(session.get("/tickets/" + id).body()).contains("id=\"ticket-stuck-badge\"", "1 reply has not left");
        String inbox = session.get("/inbox").body();
        assertThat(inbox).contains("id=\"stuck-replies\"", "data-count=\"1\"", "1 reply has not left Regard",
                "id=\"stuck-ticket-" + id + "\"");
        TestAgent administrator = data.agent(Role.ADMIN);
        WebSession admin = WebSession.signedIn(port, administrator.email(), administrator.password());
        assertThat(admin.get("/admin/mailboxes").body()).contains("id=\"mailbox-stuck-" + mailbox.id() + "\"", "1 reply stuck");

        TeamView other = data.team("elsewhere");
        TestAgent stranger = data.agent(Role.AGENT, other);
        assertThat(WebSession.signedIn(port, stranger.email(), stranger.password()).get("/inbox").body())
                .as("another team's stuck replies are not counted").doesNotContain("stuck-ticket-" + id);

        jdbc.sql("update mail_outbox set state = 'SENT', sent_at = ? where outbox_key = ?")
                .params(Timestamp.from(clock.instant()), "reply:" + written.messageId()).update();
        assertThat(session.get("/tickets/" + id).body()).doesNotContain("ticket-stuck-badge");
        assertThat(session.get("/inbox").body()).doesNotContain("stuck-ticket-" + id);
    }

    private String state(long messageId) {
        return jdbc.sql("select state from mail_outbox where outbox_key = ?").param("reply:" + messageId).query(String.class).single();
    }

    private Mailbox mailbox(TeamView team) {
        var smtp = new Mailboxes.ServerForm("127.0.0.1", TestMailServer.smtpPort(), Mailbox.Security.NONE, null, null, null);
        return mailboxes.create(new Mailboxes.MailboxForm(TestData.unique("help") + "@" + TestData.unique("desk") + ".test",
                "Help Desk " + TestData.unique("d"), team.id(), null, smtp, Mailbox.ClosedReply.REOPEN, false, true), Mailbox.Source.ADMIN);
    }
}
