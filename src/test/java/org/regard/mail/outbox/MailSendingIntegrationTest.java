package org.regard.mail.outbox;

import org.regard.mail.mailboxes.Mailbox;
import org.regard.mail.mailboxes.Mailboxes;
import org.regard.mail.parsing.MailParser;

import jakarta.mail.Address;
import jakarta.mail.BodyPart;
import jakarta.mail.Message.RecipientType;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.regard.accounts.Role;
import org.regard.accounts.TeamView;
import org.regard.customers.Customers;
import org.regard.customers.Customers.CustomerView;
import org.regard.support.IntegrationTest;
import org.regard.support.TestData;
import org.regard.support.TestData.TestAgent;
import org.regard.support.TestMailServer;
import org.regard.tickets.Channel;
import org.regard.tickets.NewAttachment;
import org.regard.tickets.TicketCommands.OpenTicket;
import org.regard.tickets.TicketQueries;
import org.regard.tickets.Tickets;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.function.Predicate;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/** Email replies leave through a real SMTP server: once, with the right headers, or not at all when undone. */
@IntegrationTest
class MailSendingIntegrationTest {
    static final Duration DEADLINE = Duration.ofSeconds(20);

    @Autowired
    Tickets tickets;
    @Autowired
    TicketQueries queries;
    @Autowired
    Customers customers;
    @Autowired
    Mailboxes mailboxes;
    @Autowired
    Outbox outbox;
    @Autowired
    MailSender sender;
    @Autowired
    TestData data;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Clock clock;

    /** A team with an agent, a mailbox sending through the given SMTP port, and a customer with their own domain. */
    record Desk(TeamView team, TestAgent agent, Mailbox mailbox, CustomerView customer, String customerAddress) {
    }

    @Test
    void aReplyGoesOutOnceWithThreadingLoopMarkerBothBodiesAndItsFiles() throws Exception {
        Desk desk = desk(TestMailServer.smtpPort());
        long ticketId = emailTicket(desk, "Invoice missing");
        long firstMessage = queries.detail(ticketId, desk.agent().principal()).messages().getFirst().id();
        String customersId = TestData.unique("original") + "@mail.example.test";
        jdbc.sql("insert into mail_message (ticket_message_id, ticket_id, mailbox_id, direction, rfc_message_id, from_address, subject) values (?, ?, ?, 'IN', ?, ?, ?)")
                .params(firstMessage, ticketId, desk.mailbox().id(), customersId, desk.customerAddress(), "Invoice missing").update();
        byte[] pdf = "%PDF-1.4 not really a pdf, but bytes all the same".getBytes(StandardCharsets.ISO_8859_1);

        var written = tickets.reply(ticketId, "Dear customer,\n\nhere it is: 5 < 6 & <b>no tags</b>.\nRegards", null, null,
                List.of(new NewAttachment("Facture été.pdf", "application/pdf", null, false, pdf)), desk.agent().principal());

        OutboxRow queued = reply(written.messageId());
        assertThat(queued.state()).isEqualTo(OutboxRow.State.QUEUED);
        assertThat(queued.sendAfter()).isAfter(clock.instant());
        awaitRow(written.messageId(), r -> r.state() == OutboxRow.State.SENT);
        List<MimeMessage> arrived = mailTo(desk.customerAddress());
        assertThat(arrived).hasSize(1);
        MimeMessage mail = arrived.getFirst();

        String rfcId = jdbc.sql("select rfc_message_id from mail_message where ticket_message_id = ?").param(written.messageId())
                .query(String.class).single();
        assertThat(rfcId).startsWith("regard." + ticketId + "." + written.messageId() + ".").endsWith("@" + desk.mailbox().domain());
        assertThat(mail.getMessageID()).isEqualTo("<" + rfcId + ">");
        assertThat(mail.getHeader("In-Reply-To", null)).isEqualTo("<" + customersId + ">");
        assertThat(mail.getHeader("References", null)).isEqualTo("<" + customersId + ">");
        assertThat(mail.getHeader(MailParser.LOOP_HEADER, null)).isEqualTo(String.valueOf(ticketId));
        assertThat(mail.getSubject()).isEqualTo("Re: Invoice missing [#" + ticketId + "]");
        InternetAddress from = (InternetAddress) mail.getFrom()[0];
        assertThat(from.getAddress()).isEqualTo(desk.mailbox().address());
        assertThat(from.getPersonal()).isEqualTo(desk.mailbox().displayName());
        assertThat(Arrays.stream(mail.getRecipients(RecipientType.TO)).map(a -> ((InternetAddress) a).getAddress()))
                .containsExactly(desk.customerAddress());
        assertThat(mail.getSentDate()).isNotNull();

        Multipart mixed = (Multipart) mail.getContent();
        assertThat(mail.getContentType()).startsWith("multipart/mixed");
        Multipart alternative = (Multipart) mixed.getBodyPart(0).getContent();
        assertThat(alternative.getContentType()).startsWith("multipart/alternative");
        String plain = text(alternative.getBodyPart(0), "text/plain");
        String html = text(alternative.getBodyPart(1), "text/html");
        assertThat(plain.replace("\r\n", "\n")).contains("here it is: 5 < 6 & <b>no tags</b>.\nRegards");
        assertThat(html).contains("<p>Dear customer,</p>").contains("here it is: 5 &lt; 6 &amp; &lt;b&gt;no tags&lt;/b&gt;.<br>")
                .doesNotContain("<b>").doesNotContain("http");
        BodyPart file = mixed.getBodyPart(1);
        assertThat(file.getFileName()).isEqualTo("Facture été.pdf");
        assertThat(file.getContentType()).startsWith("application/pdf");
        assertThat(file.getInputStream().readAllBytes()).isEqualTo(pdf);
        assertThat(reply(written.messageId()).attempts()).isEqualTo(1);
    }

    @Test
    void theFirstReplyOfAThreadHasNoInReplyToAndDoesNotDoubleReOrTheToken() throws Exception {
        Desk desk = desk(TestMailServer.smtpPort());
        long ticketId = emailTicket(desk, "placeholder");
        jdbc.sql("update ticket set subject = ? where id = ?").params("RE: Delivery [#" + ticketId + "]", ticketId).update();

        var written = tickets.reply(ticketId, "On its way.", null, null, desk.agent().principal());

        awaitRow(written.messageId(), r -> r.state() == OutboxRow.State.SENT);
        MimeMessage mail = mailTo(desk.customerAddress()).getFirst();
        assertThat(mail.getSubject()).isEqualTo("RE: Delivery [#" + ticketId + "]");
        assertThat(mail.getHeader("In-Reply-To")).isNull();
        assertThat(mail.getContentType()).startsWith("multipart/alternative");
    }

    @Test
    void anUndoInsideTheWindowSendsNothingAndGivesTheTextBack() throws Exception {
        Desk desk = desk(TestMailServer.smtpPort());
        long ticketId = emailTicket(desk, "Change my address");
        var written = tickets.reply(ticketId, "Done, your new address is saved.", null, null, desk.agent().principal());
        assertThat(queries.detail(ticketId, desk.agent().principal()).summary().touchesOut()).isEqualTo(1);

        var withdrawn = outbox.undo(written.messageId(), desk.agent().principal());

        assertThat(withdrawn).isPresent();
        assertThat(withdrawn.get().body()).isEqualTo("Done, your new address is saved.");
        var detail = queries.detail(ticketId, desk.agent().principal());
        assertThat(detail.messages()).extracting(TicketQueries.MessageView::id).doesNotContain(written.messageId());
        assertThat(detail.summary().touchesOut()).isZero();
        assertThat(jdbc.sql("select count(*) from mail_message where ticket_message_id = ?").param(written.messageId())
                .query(Integer.class).single()).isZero();
        OutboxRow row = byKey("reply:" + written.messageId());
        assertThat(row.state()).isEqualTo(OutboxRow.State.CANCELLED);

        await(() -> clock.instant().isAfter(row.sendAfter().plusMillis(200)), "the undo window to pass");
        sender.sendDue();
        assertThat(byKey("reply:" + written.messageId()).state()).isEqualTo(OutboxRow.State.CANCELLED);
        assertThat(mailTo(desk.customerAddress())).isEmpty();
    }

    @Test
    void anUndoAfterTheReplyLeftIsRefusedAndChangesNothing() throws Exception {
        Desk desk = desk(TestMailServer.smtpPort());
        long ticketId = emailTicket(desk, "Opening hours");
        var written = tickets.reply(ticketId, "We open at nine.", null, null, desk.agent().principal());
        awaitRow(written.messageId(), r -> r.state() == OutboxRow.State.SENT);

        assertThat(outbox.undo(written.messageId(), desk.agent().principal())).isEmpty();

        assertThat(reply(written.messageId()).state()).isEqualTo(OutboxRow.State.SENT);
        assertThat(queries.detail(ticketId, desk.agent().principal()).messages()).extracting(TicketQueries.MessageView::id)
                .contains(written.messageId());
        assertThat(mailTo(desk.customerAddress())).hasSize(1);
    }

    @Test
    void aPermanentRefusalFailsAtOnceWithTheServersReason() throws Exception {
        try (FakeSmtpServer server = new FakeSmtpServer(new FakeSmtpServer.Script("250 2.1.0 Ok",
                "550 5.1.1 Recipient address rejected: user unknown", "250 2.0.0 Queued"))) {
            Desk desk = desk(server.port());
            long ticketId = emailTicket(desk, "Refund");
            var written = tickets.reply(ticketId, "Your refund is on its way.", null, null, desk.agent().principal());

            OutboxRow failed = awaitRow(written.messageId(), r -> r.state() == OutboxRow.State.FAILED);

            assertThat(lastError(written.messageId())).contains("550 5.1.1 Recipient address rejected: user unknown");
            assertThat(failed.attempts()).isEqualTo(1);
            assertThat(server.accepted()).isZero();
            assertThat(queries.detail(ticketId, desk.agent().principal()).messages()).extracting(TicketQueries.MessageView::id)
                    .contains(written.messageId());
        }
    }

    @Test
    void aTemporaryRefusalIsTriedAgainLater() throws Exception {
        try (FakeSmtpServer server = new FakeSmtpServer(
                new FakeSmtpServer.Script("451 4.3.0 Mail server temporarily busy", "250 2.1.5 Ok", "250 2.0.0 Queued"),
                FakeSmtpServer.Script.ACCEPT)) {
            Desk desk = desk(server.port());
            long ticketId = emailTicket(desk, "Password reset");
            var written = tickets.reply(ticketId, "Use the link on the sign-in page.", null, null, desk.agent().principal());

            OutboxRow waiting = awaitRow(written.messageId(), r -> r.state() == OutboxRow.State.QUEUED && r.attempts() == 1);

            assertThat(lastError(written.messageId())).contains("451 4.3.0 Mail server temporarily busy");
            assertThat(waiting.sendAfter()).isAfter(clock.instant().plusSeconds(20));
            assertThat(server.accepted()).isZero();

            jdbc.sql("update mail_outbox set send_after = ? where id = ? and state = 'QUEUED'")
                    .params(Timestamp.from(clock.instant()), waiting.id()).update();
            OutboxRow sent = awaitRow(written.messageId(), r -> r.state() == OutboxRow.State.SENT);
            assertThat(sent.attempts()).isEqualTo(2);
            assertThat(server.accepted()).isEqualTo(1);
        }
    }

    @Test
    void withoutAMailboxOrAnAddressTheReplyIsRecordedOnlyAndTheNextOneLeavesOnceAMailboxServesTheTeam() throws Exception {
        TeamView team = data.team("no-mailbox");
        TestAgent agent = data.agent(Role.AGENT, team);
        String address = TestData.unique("cust") + "@" + TestData.unique("home") + ".test";
        CustomerView customer = customers.findOrCreate(address, "Ana Lima");
        long ticketId = tickets.open(new OpenTicket(customer.id(), "Where is my parcel?", "It did not come.", Channel.EMAIL,
                team.id(), null, null, null), agent.principal()).ticketId();
        // the ticket came in by mail (through a mailbox that was removed since)
        long firstMessage = queries.detail(ticketId, agent.principal()).messages().getFirst().id();
        jdbc.sql("insert into mail_message (ticket_message_id, ticket_id, direction, rfc_message_id, from_address, subject) values (?, ?, 'IN', ?, ?, ?)")
                .params(firstMessage, ticketId, TestData.unique("parcel") + "@mail.example.test", address, "Where is my parcel?").update();

        var recorded = tickets.reply(ticketId, "It left yesterday.", null, null, agent.principal());

        assertThat(jdbc.sql("select count(*) from mail_outbox where ticket_message_id = ?").param(recorded.messageId())
                .query(Integer.class).single()).as("no mailbox: nothing queued, nothing pretends to leave").isZero();
        assertThat(recorded.message().orElseThrow().channel()).isEqualTo(Channel.WEB);
        assertThat(queries.detail(ticketId, agent.principal()).summary().touchesOut()).isZero();

        Mailbox mailbox = mailbox(team, TestMailServer.smtpPort());
        var emailed = tickets.reply(ticketId, "Here is the tracking number.", null, null, agent.principal());
        awaitRow(emailed.messageId(), r -> r.state() == OutboxRow.State.SENT);
        MimeMessage mail = mailTo(address).getFirst();
        assertThat(mail.getMessageID()).endsWith("@" + mailbox.domain() + ">");
        assertThat(mailTo(address)).as("only the reply that was promised by email left").hasSize(1);
        assertThat(queries.detail(ticketId, agent.principal()).summary().touchesOut()).isEqualTo(1);

        Desk desk = desk(TestMailServer.smtpPort());
        CustomerView silent = customers.create(new Customers.NewCustomer("Walk-in " + TestData.unique("c"), List.of(), null, null, null, null));
        long other = tickets.open(new OpenTicket(silent.id(), "Question", "Asked at the desk.", Channel.EMAIL,
                desk.team().id(), null, null, null), desk.agent().principal()).ticketId();
        var unaddressed = tickets.reply(other, "Here is the answer.", null, null, desk.agent().principal());
        assertThat(jdbc.sql("select count(*) from mail_outbox where ticket_message_id = ?").param(unaddressed.messageId())
                .query(Integer.class).single()).as("no address: recorded only").isZero();
    }

    @Test
    void aSenderThatStoppedBeforeHandingOverIsSentAgainOnce() throws Exception {
        Desk desk = desk(TestMailServer.smtpPort());
        long ticketId = emailTicket(desk, "Crash before");
        var written = tickets.reply(ticketId, "Sent after a crash.", null, null, desk.agent().principal());
        Instant past = clock.instant().minusSeconds(60);
        assertThat(jdbc.sql("update mail_outbox set state = 'SENDING', attempts = 1, lease_until = ?, send_after = ? where outbox_key = ? and state = 'QUEUED'")
                .params(Timestamp.from(past), Timestamp.from(past), "reply:" + written.messageId()).update()).isEqualTo(1);

        sender.recover();

        OutboxRow sent = awaitRow(written.messageId(), r -> r.state() == OutboxRow.State.SENT);
        assertThat(sent.attempts()).isEqualTo(2);
        assertThat(mailTo(desk.customerAddress())).hasSize(1);
    }

    @Test
    void aSenderThatStoppedAfterHandingOverLeavesItUncertainUntilAnAgentSendsItAgain() throws Exception {
        Desk desk = desk(TestMailServer.smtpPort());
        long ticketId = emailTicket(desk, "Crash after");
        var written = tickets.reply(ticketId, "Maybe sent.", null, null, desk.agent().principal());
        Instant past = clock.instant().minusSeconds(60);
        assertThat(jdbc.sql("update mail_outbox set state = 'SENDING', attempts = 1, lease_until = ?, send_after = ?, handed_over_at = ? where outbox_key = ? and state = 'QUEUED'")
                .params(Timestamp.from(past), Timestamp.from(past), Timestamp.from(past), "reply:" + written.messageId()).update()).isEqualTo(1);

        sender.recover();

        assertThat(reply(written.messageId()).state()).isEqualTo(OutboxRow.State.UNCERTAIN);
        assertThat(lastError(written.messageId())).isEqualTo(MailSender.UNCERTAIN_REASON);
        sender.sendDue();
        assertThat(reply(written.messageId()).state()).isEqualTo(OutboxRow.State.UNCERTAIN);
        assertThat(mailTo(desk.customerAddress())).isEmpty();
        assertThat(outbox.undo(written.messageId(), desk.agent().principal())).isEmpty();

        assertThat(outbox.resend(written.messageId(), desk.agent().principal())).isTrue();

        OutboxRow sent = awaitRow(written.messageId(), r -> r.state() == OutboxRow.State.SENT);
        assertThat(sent.attempts()).isEqualTo(2);
        assertThat(mailTo(desk.customerAddress())).hasSize(1);
        assertThat(outbox.resend(written.messageId(), desk.agent().principal())).isFalse();
    }

    @Test
    void anAcknowledgementGoesOutInTheCustomersLanguageAndIsMarkedAutomatic() throws Exception {
        Desk desk = desk(TestMailServer.smtpPort());
        long ticketId = emailTicket(desk, "Ma commande");
        String rfcId = Outbox.messageId(ticketId, null, desk.mailbox().domain());
        Instant now = clock.instant();
        jdbc.sql("""
                        insert into mail_outbox (outbox_key, kind, ticket_id, ticket_message_id, mailbox_id, recipient, rfc_message_id,
                            subject, body, language, state, send_after, attempts, created_at)
                        values (?, 'ACKNOWLEDGEMENT', ?, null, ?, ?, ?, null, null, 'fr', 'QUEUED', ?, 0, ?)""")
                .params("ack:" + ticketId, ticketId, desk.mailbox().id(), desk.customerAddress(), rfcId, Timestamp.from(now), Timestamp.from(now))
                .update();

        await(() -> byKey("ack:" + ticketId).state() == OutboxRow.State.SENT, "the acknowledgement to be sent");

        MimeMessage mail = mailTo(desk.customerAddress()).getFirst();
        assertThat(mail.getSubject()).isEqualTo("Nous avons bien reçu votre message [#" + ticketId + "]");
        assertThat(mail.getHeader("Auto-Submitted", null)).isEqualTo("auto-replied");
        assertThat(mail.getHeader(MailParser.LOOP_HEADER, null)).isEqualTo(String.valueOf(ticketId));
        assertThat(mail.getMessageID()).isEqualTo("<" + rfcId + ">");
        Multipart alternative = (Multipart) mail.getContent();
        String plain = text(alternative.getBodyPart(0), "text/plain");
        assertThat(plain).contains("Bonjour").contains(desk.mailbox().displayName()).contains("#" + ticketId)
                .doesNotContain("{0}").doesNotContain("{1}");
        assertThat(queries.detail(ticketId, desk.agent().principal()).messages()).hasSize(1);
    }

    @Test
    void twoSendersAtOnceDeliverOnce() throws Exception {
        Desk desk = desk(TestMailServer.smtpPort());
        long ticketId = emailTicket(desk, "Race");
        var written = tickets.reply(ticketId, "Only once, please.", null, null, desk.agent().principal());
        jdbc.sql("update mail_outbox set send_after = ? where outbox_key = ? and state = 'QUEUED'")
                .params(Timestamp.from(clock.instant().minusSeconds(1)), "reply:" + written.messageId()).update();

        CountDownLatch start = new CountDownLatch(1);
        List<Thread> senders = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            senders.add(Thread.ofPlatform().start(() -> {
                try {
                    start.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                sender.sendDue();
            }));
        }
        start.countDown();
        for (Thread t : senders) {
            t.join(DEADLINE.toMillis());
        }

        OutboxRow sent = awaitRow(written.messageId(), r -> r.state() == OutboxRow.State.SENT);
        assertThat(sent.attempts()).isEqualTo(1);
        assertThat(mailTo(desk.customerAddress())).hasSize(1);
    }

    // --- helpers

    Desk desk(int smtpPort) {
        TeamView team = data.team("mail");
        TestAgent agent = data.agent(Role.AGENT, team);
        Mailbox mailbox = mailbox(team, smtpPort);
        String address = TestData.unique("cust") + "@" + TestData.unique("home") + ".test";
        CustomerView customer = customers.findOrCreate(address, "Claire Dubois");
        return new Desk(team, agent, mailbox, customer, address);
    }

    Mailbox mailbox(TeamView team, int smtpPort) {
        var smtp = new Mailboxes.ServerForm("127.0.0.1", smtpPort, Mailbox.Security.NONE, null, null, null);
        return mailboxes.create(new Mailboxes.MailboxForm(TestData.unique("help") + "@" + TestData.unique("desk") + ".test",
                "Help Desk " + TestData.unique("d"), team.id(), null, smtp, Mailbox.ClosedReply.REOPEN, false, true), Mailbox.Source.ADMIN);
    }

    long emailTicket(Desk desk, String subject) {
        return tickets.open(new OpenTicket(desk.customer().id(), subject, "Hello, can you help?", Channel.EMAIL, desk.team().id(),
                null, null, null), desk.agent().principal()).ticketId();
    }

    OutboxRow reply(long messageId) {
        return byKey("reply:" + messageId);
    }

    OutboxRow byKey(String key) {
        return jdbc.sql("select * from mail_outbox where outbox_key = ?").param(key).query(OutboxRow::read).single();
    }

    String lastError(long messageId) {
        return jdbc.sql("select last_error from mail_outbox where outbox_key = ?").param("reply:" + messageId).query(String.class).single();
    }

    OutboxRow awaitRow(long messageId, Predicate<OutboxRow> condition) throws InterruptedException {
        await(() -> condition.test(reply(messageId)), "outbox row of message " + messageId);
        return reply(messageId);
    }

    static void await(Supplier<Boolean> condition, String what) throws InterruptedException {
        org.regard.support.Eventually.until(condition, what);
    }

    /** What GreenMail received for this address. */
    static List<MimeMessage> mailTo(String address) throws MessagingException {
        List<MimeMessage> found = new ArrayList<>();
        for (MimeMessage m : TestMailServer.get().getReceivedMessages()) {
            Address[] to = m.getRecipients(RecipientType.TO);
            if (to != null && Arrays.stream(to).anyMatch(a -> ((InternetAddress) a).getAddress().equalsIgnoreCase(address))) {
                found.add(m);
            }
        }
        return found;
    }

    static String text(BodyPart part, String type) throws MessagingException, IOException {
        assertThat(part.getContentType()).startsWith(type);
        return (String) part.getContent();
    }
}
