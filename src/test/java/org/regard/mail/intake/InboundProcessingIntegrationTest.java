package org.regard.mail.intake;

import org.regard.mail.mailboxes.Mailbox;
import org.regard.mail.mailboxes.Mailboxes;
import org.regard.mail.parsing.MailParser;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.regard.accounts.Role;
import org.regard.accounts.TeamView;
import org.regard.customers.Customers;
import org.regard.support.IntegrationTest;
import org.regard.support.TestData;
import org.regard.tickets.AttachmentView;
import org.regard.tickets.MessageKind;
import org.regard.tickets.TicketCommands.UpdateTicket;
import org.regard.tickets.TicketQueries;
import org.regard.tickets.TicketQueries.TicketDetail;
import org.regard.tickets.TicketStatus;
import org.regard.tickets.Tickets;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Stored messages become ticket messages: threading, de-duplication, closed tickets, automatic mail, bounces, loops,
 * unreadable mail, acknowledgements, and the boundaries where a node may stop or two workers meet.
 */
@IntegrationTest
class InboundProcessingIntegrationTest {
    @Autowired
    InboundStore store;
    @Autowired
    InboundProcessor processor;
    @Autowired
    Mailboxes mailboxes;
    @Autowired
    TicketQueries queries;
    @Autowired
    Tickets tickets;
    @Autowired
    Customers customers;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TestData data;

    TeamView team;
    Mailbox mailbox;
    String customer;

    @BeforeEach
    void mailboxOfItsOwn() {
        team = data.team("intake");
        mailbox = mailbox(Mailbox.ClosedReply.REOPEN, false);
        customer = TestData.unique("anna") + "@example.test";
    }

    Mailbox mailbox(Mailbox.ClosedReply closedReply, boolean acknowledge) {
        return mailboxes.create(new Mailboxes.MailboxForm(TestData.unique("support") + "@desk.test", "Support", team.id(),
                null, null, closedReply, acknowledge, true), Mailbox.Source.ADMIN);
    }

    static String mail(String from, String subject, String messageId, String extraHeaders, String body) {
        return "From: " + from + "\r\nTo: support@desk.test\r\nSubject: " + subject + "\r\n"
                + (messageId == null ? "" : "Message-ID: <" + messageId + ">\r\n") + extraHeaders
                + "MIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n" + body + "\r\n";
    }

    static String id() {
        return TestData.unique("msg") + "@client.test";
    }

    /** Stores and processes a message; returns its inbound row id. */
    long receive(Mailbox into, String raw) {
        InboundStore.Stored stored = store.store(into.id(), raw.getBytes(StandardCharsets.UTF_8));
        processor.process(stored.id());
        return stored.id();
    }

    Map<String, Object> inbound(long id) {
        return jdbc.sql("select state, ticket_id, ticket_message_id, attempts, last_error from mail_inbound where id = ?")
                .param(id).query().singleRow();
    }

    long ticketOf(long inboundId) {
        return ((Number) inbound(inboundId).get("ticket_id")).longValue();
    }

    TicketDetail ticket(long id) {
        return queries.detail(id, data.admin());
    }

    Map<String, Object> mailMessage(long inboundId) {
        return jdbc.sql("select * from mail_message where inbound_id = ?").param(inboundId).query().singleRow();
    }

    @Test
    void aMessageOpensATicketForItsSenderWithTheVisibleTextAndTheQuotedHistoryKeptApart() {
        long row = receive(mailbox, mail("Anna Berg <" + customer + ">", "Printer on fire", id(), "",
                "My printer is on fire.\r\n\r\nOn Mon, 1 Jan 2024, Support wrote:\r\n> Have you tried turning it off?\r\n"));
        assertThat(inbound(row).get("state")).isEqualTo("PROCESSED");
        TicketDetail t = ticket(ticketOf(row));
        assertThat(t.summary().subject()).isEqualTo("Printer on fire");
        assertThat(t.summary().teamId()).isEqualTo(team.id());
        assertThat(t.summary().customerName()).isEqualTo("Anna Berg");
        assertThat(customers.customer(t.summary().customerId()).orElseThrow().emails()).containsExactly(customer);
        assertThat(t.messages()).singleElement().satisfies(m -> assertThat(m.body()).isEqualTo("My printer is on fire."));
        assertThat((String) mailMessage(row).get("quoted_text")).contains("Have you tried turning it off?");
        assertThat(mailMessage(row).get("direction")).isEqualTo("IN");
        assertThat(mailMessage(row).get("from_address")).isEqualTo(customer);
    }

    @Test
    void theSameMessageIdStoredTwiceIsOneMessageAndSoAreTheSameBytesWithoutAnId() {
        String raw = mail(customer, "Twice", id(), "", "Hello twice.");
        long first = receive(mailbox, raw);
        InboundStore.Stored again = store.store(mailbox.id(), raw.replace("Hello twice.", "Hello again.").getBytes(StandardCharsets.UTF_8));
        assertThat(again.isNew()).isFalse();
        assertThat(again.id()).isEqualTo(first);
        assertThat(processor.process(again.id())).isEqualTo(InboundProcessor.Result.NOT_CLAIMED);
        assertThat(ticket(ticketOf(first)).messages()).hasSize(1);

        String noId = mail(customer, "No id", null, "", "Same bytes " + TestData.unique("x"));
        long a = receive(mailbox, noId);
        InboundStore.Stored b = store.store(mailbox.id(), noId.getBytes(StandardCharsets.UTF_8));
        assertThat(b.isNew()).isFalse();
        assertThat(b.id()).isEqualTo(a);
        assertThat(ticket(ticketOf(a)).messages()).hasSize(1);
        assertThat((String) mailMessage(a).get("rfc_message_id")).endsWith("@regard.invalid");
    }

    @Test
    void aReplyToOurOwnMailContinuesItsTicketButSubjectTextAloneNeverDoes() {
        long row = receive(mailbox, mail(customer, "Order 42 is late", id(), "", "Where is it?"));
        long ticketId = ticketOf(row);
        var agent = data.agent(Role.AGENT, team);
        // the mailbox it came in by only receives: the reply goes out through the team's mailbox that sends
        mailboxes.create(new Mailboxes.MailboxForm(TestData.unique("out") + "@desk.test", "Support", team.id(), null,
                new Mailboxes.ServerForm("127.0.0.1", org.regard.support.TestMailServer.smtpPort(), Mailbox.Security.NONE,
                        null, null, null), Mailbox.ClosedReply.REOPEN, false, true), Mailbox.Source.ADMIN);
        long replyMessage = tickets.reply(ticketId, "It left today.", null, null, agent.principal()).messageId();
        // the Message-ID the outbox gave the reply (written with the reply itself)
        String ourId = jdbc.sql("select rfc_message_id from mail_message where ticket_message_id = ? and direction = 'OUT'")
                .param(replyMessage).query(String.class).single();

        long reply = receive(mailbox, mail(customer, "Re: Order 42 is late", id(), "In-Reply-To: <" + ourId + ">\r\nReferences: <" + ourId + ">\r\n",
                "Thanks, still waiting."));
        assertThat(ticketOf(reply)).isEqualTo(ticketId);
        assertThat(ticket(ticketId).messages()).hasSize(3);

        long sameSubject = receive(mailbox, mail(customer, "Re: Order 42 is late", id(), "", "Same subject, no ids."));
        assertThat(ticketOf(sameSubject)).isNotEqualTo(ticketId);
    }

    @Test
    void aTicketTokenCountsOnlyFromThatTicketsCustomer() {
        long ticketId = ticketOf(receive(mailbox, mail(customer, "Refund", id(), "", "I want a refund.")));
        long own = receive(mailbox, mail(customer, "Re: Refund [#" + ticketId + "]", id(), "", "Any news?"));
        assertThat(ticketOf(own)).isEqualTo(ticketId);

        String stranger = TestData.unique("mallory") + "@example.test";
        long foreign = receive(mailbox, mail(stranger, "Re: Refund [#" + ticketId + "]", id(), "", "Let me in."));
        assertThat(ticketOf(foreign)).isNotEqualTo(ticketId);
        assertThat(ticket(ticketId).messages()).hasSize(2);
    }

    @Test
    void aClosedTicketReopensOrGetsAFollowUpAsTheMailboxSays() {
        var agent = data.agent(Role.AGENT, team);
        long reopened = ticketOf(receive(mailbox, mail(customer, "Closed one", id(), "", "First.")));
        close(reopened, agent);
        long again = receive(mailbox, mail(customer, "Re: Closed one [#" + reopened + "]", id(), "", "It broke again."));
        assertThat(ticketOf(again)).isEqualTo(reopened);
        assertThat(ticket(reopened).summary().status()).isEqualTo(TicketStatus.OPEN);

        Mailbox followUps = mailbox(Mailbox.ClosedReply.FOLLOW_UP, false);
        long closed = ticketOf(receive(followUps, mail(customer, "Closed two", id(), "", "First.")));
        close(closed, agent);
        long next = receive(followUps, mail(customer, "Re: Closed two [#" + closed + "]", id(), "", "New trouble."));
        long followUp = ticketOf(next);
        assertThat(followUp).isNotEqualTo(closed);
        assertThat(ticket(followUp).followUpOf()).isEqualTo(closed);
        assertThat(ticket(closed).summary().status()).isEqualTo(TicketStatus.CLOSED);
    }

    private void close(long ticketId, TestData.TestAgent agent) {
        tickets.update(ticketId, new UpdateTicket(TicketStatus.RESOLVED, null, null, null, null, null, null), agent.principal());
        tickets.update(ticketId, new UpdateTicket(TicketStatus.CLOSED, null, null, null, null, null, null), agent.principal());
    }

    @Test
    void anAutoReplyIsNoTouchAndGetsNoAcknowledgement() {
        Mailbox acking = mailbox(Mailbox.ClosedReply.REOPEN, true);
        long ticketId = ticketOf(receive(acking, mail(customer, "Question", id(), "", "A question.")));
        assertThat(outboxKinds(ticketId)).containsExactly("ACKNOWLEDGEMENT");
        int touchesBefore = ticket(ticketId).summary().touchesIn();

        long auto = receive(acking, mail(customer, "Out of office: Question [#" + ticketId + "]", id(),
                "Auto-Submitted: auto-replied\r\n", "I am away until Monday."));
        assertThat(ticketOf(auto)).isEqualTo(ticketId);
        TicketDetail t = ticket(ticketId);
        assertThat(t.summary().touchesIn()).isEqualTo(touchesBefore);
        assertThat(t.messages().getLast().kind()).isEqualTo(MessageKind.AUTOMATED);
        assertThat(mailMessage(auto).get("auto_reply")).isEqualTo(true);

        long autoNew = ticketOf(receive(acking, mail(TestData.unique("bot") + "@example.test", "Automatic reply", id(),
                "Auto-Submitted: auto-replied\r\n", "Thanks for your mail.")));
        assertThat(outboxKinds(autoNew)).isEmpty();
        long listMail = ticketOf(receive(acking, mail(TestData.unique("list") + "@example.test", "Newsletter", id(),
                "List-Id: <news.example.test>\r\n", "News.")));
        assertThat(outboxKinds(listMail)).isEmpty();
    }

    List<String> outboxKinds(long ticketId) {
        return jdbc.sql("select kind from mail_outbox where ticket_id = ?").param(ticketId).query(String.class).list();
    }

    @Test
    void anAcknowledgementIsQueuedForANewTicketWhenTheMailboxAsksForIt() {
        Mailbox acking = mailbox(Mailbox.ClosedReply.REOPEN, true);
        long ticketId = ticketOf(receive(acking, mail("Anna <" + customer + ">", "Please confirm", id(), "", "Hello.")));
        Map<String, Object> ack = jdbc.sql("select * from mail_outbox where ticket_id = ?").param(ticketId).query().singleRow();
        assertThat(ack.get("kind")).isEqualTo("ACKNOWLEDGEMENT");
        assertThat(ack.get("outbox_key")).isEqualTo("ack:" + ticketId);
        assertThat(ack.get("recipient")).isEqualTo(customer);
        assertThat(ack.get("state")).isEqualTo("QUEUED");
        assertThat(ack.get("body")).isNull();
        assertThat((String) ack.get("rfc_message_id")).startsWith("regard.ack." + ticketId + ".").endsWith("@desk.test");

        receive(acking, mail(customer, "Re: Please confirm [#" + ticketId + "]", id(), "", "More."));
        assertThat(outboxKinds(ticketId)).hasSize(1);
        long noAck = ticketOf(receive(mailbox, mail(customer, "Other mailbox", id(), "", "Hello.")));
        assertThat(outboxKinds(noAck)).isEmpty();
    }

    @Test
    void aBounceFailsTheOutboxRowMarksTheAddressAndLandsOnTheTicketAsAnAutomatedMessage() {
        long ticketId = ticketOf(receive(mailbox, mail(customer, "Invoice", id(), "", "Send me the invoice.")));
        var agent = data.agent(Role.AGENT, team);
        tickets.update(ticketId, new UpdateTicket(TicketStatus.WAITING, null, null, null, null, null, null), agent.principal());
        String ourId = TestData.unique("regard.reply") + "@desk.test";
        Timestamp now = Timestamp.from(Instant.now());
        jdbc.sql("""
                insert into mail_outbox (outbox_key, kind, ticket_id, mailbox_id, recipient, rfc_message_id, state, send_after, attempts, created_at, sent_at)
                values (?, 'REPLY', ?, ?, ?, ?, 'SENT', ?, 1, ?, ?)""")
                .params(TestData.unique("reply"), ticketId, mailbox.id(), customer, ourId, now, now, now).update();
        int touchesBefore = ticket(ticketId).summary().touchesIn();

        String boundary = "b-" + TestData.unique("dsn");
        String dsn = "From: Mail Delivery System <MAILER-DAEMON@mx.desk.test>\r\nTo: " + mailbox.address()
                + "\r\nSubject: Undelivered Mail Returned to Sender\r\nMessage-ID: <" + id() + ">\r\nMIME-Version: 1.0\r\n"
                + "Content-Type: multipart/report; report-type=delivery-status; boundary=\"" + boundary + "\"\r\n\r\n"
                + "--" + boundary + "\r\nContent-Type: text/plain\r\n\r\nYour message could not be delivered.\r\n"
                + "--" + boundary + "\r\nContent-Type: message/delivery-status\r\n\r\nReporting-MTA: dns; mx.desk.test\r\n\r\n"
                + "Final-Recipient: rfc822; " + customer + "\r\nAction: failed\r\nStatus: 5.1.1\r\n"
                + "Diagnostic-Code: smtp; 550 5.1.1 No such user\r\n\r\n"
                + "--" + boundary + "\r\nContent-Type: text/rfc822-headers\r\n\r\nFrom: " + mailbox.address()
                + "\r\nTo: " + customer + "\r\nSubject: Re: Invoice\r\nMessage-ID: <" + ourId + ">\r\n\r\n"
                + "--" + boundary + "--\r\n";
        long bounce = receive(mailbox, dsn);

        assertThat(ticketOf(bounce)).isEqualTo(ticketId);
        Map<String, Object> outbox = jdbc.sql("select state, last_error from mail_outbox where rfc_message_id = ?").param(ourId).query().singleRow();
        assertThat(outbox.get("state")).isEqualTo("FAILED");
        assertThat((String) outbox.get("last_error")).startsWith("Bounced: ").contains("No such user");
        assertThat(customers.failingAddresses(List.of(customer))).singleElement()
                .satisfies(f -> assertThat(f.reason()).contains("No such user"));
        TicketDetail t = ticket(ticketId);
        assertThat(t.messages().getLast().kind()).isEqualTo(MessageKind.AUTOMATED);
        assertThat(t.summary().touchesIn()).isEqualTo(touchesBefore);
        assertThat(t.summary().status()).isEqualTo(TicketStatus.OPEN);
        assertThat(mailMessage(bounce).get("bounce")).isEqualTo(true);

        // the customer writes from the address again: it works after all
        receive(mailbox, mail(customer, "Re: Invoice [#" + ticketId + "]", id(), "", "Got it now."));
        assertThat(customers.failingAddresses(List.of(customer))).isEmpty();
    }

    @Test
    void ourOwnMailComingBackOpensNoTicket() {
        long looped = receive(mailbox, mail(customer, "Re: Something", id(), MailParser.LOOP_HEADER + ": " + mailbox.address() + "\r\n", "Echo."));
        assertThat(inbound(looped).get("state")).isEqualTo("PROCESSED");
        assertThat(inbound(looped).get("ticket_id")).isNull();
        long fromUs = receive(mailbox, mail(mailbox.address(), "Loop", id(), "", "From ourselves."));
        assertThat(inbound(fromUs).get("ticket_id")).isNull();
    }

    @Test
    void garbageAndTruncatedMimeStillBecomeTicketsWithWarnings() {
        byte[] garbage = new byte[2000];
        new java.util.Random(7).nextBytes(garbage);
        InboundStore.Stored stored = store.store(mailbox.id(), garbage);
        assertThat(processor.process(stored.id())).isEqualTo(InboundProcessor.Result.PROCESSED);
        TicketDetail t = ticket(ticketOf(stored.id()));
        assertThat(t.summary().customerName()).isEqualTo("Unknown sender");
        assertThat((String) mailMessage(stored.id()).get("warnings")).isNotBlank();

        String truncated = "From: " + customer + "\r\nSubject: Cut off\r\nMessage-ID: <" + id() + ">\r\nMIME-Version: 1.0\r\n"
                + "Content-Type: multipart/mixed; boundary=\"zz\"\r\n\r\n--zz\r\nContent-Type: text/plain\r\n\r\nThe start of it\r\n"
                + "--zz\r\nContent-Type: application/pdf; name=\"a.pdf\"\r\nContent-Transfer-Encoding: base64\r\n\r\nJVBERi0xLjQK";
        long row = receive(mailbox, truncated);
        TicketDetail cut = ticket(ticketOf(row));
        assertThat(cut.summary().subject()).isEqualTo("Cut off");
        assertThat(cut.messages().getFirst().body()).contains("The start of it");
        assertThat((String) mailMessage(row).get("warnings")).isNotBlank();
    }

    @Test
    void attachmentsAndInlineImagesAreStoredWithTheMessage() {
        String raw = "From: " + customer + "\r\nSubject: Files\r\nMessage-ID: <" + id() + ">\r\nMIME-Version: 1.0\r\n"
                + "Content-Type: multipart/mixed; boundary=\"outer\"\r\n\r\n--outer\r\n"
                + "Content-Type: multipart/related; boundary=\"rel\"\r\n\r\n--rel\r\nContent-Type: text/html; charset=utf-8\r\n\r\n"
                + "<p>See <img src=\"cid:logo@x\"></p>\r\n--rel\r\nContent-Type: image/png\r\nContent-ID: <logo@x>\r\n"
                + "Content-Disposition: inline\r\nContent-Transfer-Encoding: base64\r\n\r\niVBORw0KGgo=\r\n--rel--\r\n"
                + "--outer\r\nContent-Type: text/plain; name=\"notes.txt\"\r\nContent-Disposition: attachment; filename=\"notes.txt\"\r\n\r\n"
                + "hello file\r\n--outer--\r\n";
        long row = receive(mailbox, raw);
        TicketDetail t = ticket(ticketOf(row));
        List<AttachmentView> files = t.messages().getFirst().attachments();
        assertThat(files).extracting(AttachmentView::fileName).contains("notes.txt");
        AttachmentView logo = files.stream().filter(f -> "logo@x".equals(f.contentId())).findFirst().orElseThrow();
        assertThat(logo.inline()).isTrue();
        var contents = queries.filesOf(t.messages().getFirst().id());
        assertThat(contents).anySatisfy(c -> {
            assertThat(c.attachment().fileName()).isEqualTo("notes.txt");
            assertThat(new String(c.data(), StandardCharsets.UTF_8).strip()).isEqualTo("hello file");
        });
        assertThat((String) mailMessage(row).get("safe_html")).contains("cid:logo");
    }

    @Test
    void aRowLeftByAStoppedNodeIsProcessedByTheSweep() {
        InboundStore.Stored left = store.store(mailbox.id(), mail(customer, "Left behind", id(), "", "Did it arrive?").getBytes(StandardCharsets.UTF_8));
        InboundStore.Stored claimed = store.store(mailbox.id(), mail(customer, "Claimed then lost", id(), "", "And this?").getBytes(StandardCharsets.UTF_8));
        // a node claimed the second row and stopped: its lease lapsed
        jdbc.sql("update mail_inbound set lease_until = ? where id = ?").params(Timestamp.from(Instant.now().minusSeconds(5)), claimed.id()).update();
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            assertThat(inbound(left.id()).get("state")).isEqualTo("PROCESSED");
            assertThat(inbound(claimed.id()).get("state")).isEqualTo("PROCESSED");
        });
        assertThat(ticket(ticketOf(left.id())).summary().subject()).isEqualTo("Left behind");
    }

    @Test
    void twoWorkersOnTheSameRowWriteOneTicketMessage() throws Exception {
        InboundStore.Stored row = store.store(mailbox.id(), mail(customer, "Race", id(), "", "Only once, please.").getBytes(StandardCharsets.UTF_8));
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Callable<InboundProcessor.Result>> work = List.of(() -> processor.process(row.id()), () -> processor.process(row.id()));
            List<InboundProcessor.Result> results = new ArrayList<>();
            for (Future<InboundProcessor.Result> f : pool.invokeAll(work)) {
                results.add(f.get());
            }
            assertThat(results).containsOnlyOnce(InboundProcessor.Result.PROCESSED);
        } finally {
            pool.shutdown();
        }
        long ticketId = ticketOf(row.id());
        assertThat(ticket(ticketId).messages()).hasSize(1);
        assertThat(jdbc.sql("select count(*) from mail_message where inbound_id = ?").param(row.id()).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void aMessageThatKeepsFailingEndsUpOnATicketAsReceived() {
        String raw = mail(customer, "Stubborn", id(), "", "Hard to read.");
        InboundStore.Stored row = store.store(mailbox.id(), raw.getBytes(StandardCharsets.UTF_8));
        // as if five attempts had failed
        jdbc.sql("update mail_inbound set state = 'FAILED', attempts = ?, last_error = 'IllegalStateException: boom' where id = ?")
                .params(InboundProcessor.MAX_ATTEMPTS, row.id()).update();
        assertThat(processor.process(row.id())).isEqualTo(InboundProcessor.Result.PROCESSED);
        TicketDetail t = ticket(ticketOf(row.id()));
        assertThat(t.summary().subject()).isEqualTo("Stubborn");
        assertThat(t.messages().getFirst().body()).contains("could not be turned into a ticket message").contains("message.eml");
        var files = queries.filesOf(t.messages().getFirst().id());
        assertThat(files).singleElement().satisfies(f -> {
            assertThat(f.attachment().fileName()).isEqualTo("message.eml");
            assertThat(f.data()).isEqualTo(raw.getBytes(StandardCharsets.UTF_8));
        });
    }

    @Test
    void aLargeStoredMessageIsReadBackInPiecesAndItsFileKeptByteForByte() {
        byte[] file = new byte[InboundProcessor.READ_CHUNK * 5 / 2];
        new java.util.Random(7).nextBytes(file);
        String encoded = java.util.Base64.getMimeEncoder(76, "\r\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(file);
        String raw = "From: " + customer + "\r\nTo: support@desk.test\r\nSubject: The scans\r\nMessage-ID: <" + id() + ">\r\n"
                + "MIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=\"b\"\r\n\r\n--b\r\n"
                + "Content-Type: text/plain; charset=utf-8\r\n\r\nHere they are.\r\n--b\r\n"
                + "Content-Type: application/octet-stream; name=\"scans.bin\"\r\nContent-Transfer-Encoding: base64\r\n\r\n"
                + encoded + "\r\n--b--\r\n";
        InboundStore.Stored row = store.store(mailbox.id(), raw.getBytes(StandardCharsets.US_ASCII));
        assertThat(raw.length()).isGreaterThan(3 * InboundProcessor.READ_CHUNK);

        assertThat(processor.process(row.id())).isIn(InboundProcessor.Result.PROCESSED, InboundProcessor.Result.NOT_CLAIMED);
        await().atMost(Duration.ofSeconds(20)).until(() -> "PROCESSED".equals(inbound(row.id()).get("state")));
        TicketDetail t = ticket(ticketOf(row.id()));
        assertThat(t.messages().getFirst().body()).isEqualTo("Here they are.");
        assertThat(queries.filesOf(t.messages().getFirst().id())).singleElement()
                .satisfies(f -> assertThat(f.data()).isEqualTo(file));
    }
}
