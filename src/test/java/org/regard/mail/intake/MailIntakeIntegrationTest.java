package org.regard.mail.intake;

import org.regard.mail.mailboxes.Mailbox;
import org.regard.mail.mailboxes.Mailboxes;

import com.icegreen.greenmail.user.GreenMailUser;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.search.HeaderTerm;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.regard.accounts.TeamView;
import org.regard.support.IntegrationTest;
import org.regard.support.TestData;
import org.regard.support.TestMailServer;
import org.regard.tickets.TicketQueries;
import org.regard.tickets.TicketQueries.TicketDetail;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Mail delivered to a real IMAP server reaches a ticket within seconds; the server copy is marked seen only once stored. */
@IntegrationTest
class MailIntakeIntegrationTest {
    private static final Duration DEADLINE = Duration.ofSeconds(20);
    private static final String PASSWORD = "imap-secret-for-tests";

    @Autowired
    Mailboxes mailboxes;
    @Autowired
    TicketQueries queries;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TestData data;

    String address;
    Mailbox mailbox;

    @BeforeEach
    void mailboxOnTheTestServer() {
        TeamView team = data.team("imap");
        address = TestData.unique("help") + "@imap.test";
        TestMailServer.user(address, PASSWORD);
        mailbox = mailboxes.create(new Mailboxes.MailboxForm(address, "Help", team.id(), TestMailServer.imap(address, PASSWORD),
                null, Mailbox.ClosedReply.REOPEN, false, true), Mailbox.Source.ADMIN);
    }

    void deliver(String raw) throws Exception {
        GreenMailUser user = TestMailServer.get().getUserManager().getUserByEmail(address);
        user.deliver(new MimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream(raw.getBytes(StandardCharsets.UTF_8))));
    }

    /** Whether the server copy with this Message-ID is marked seen (empty: no such message). */
    Optional<Boolean> seenOnServer(String messageId) throws Exception {
        Store store = Session.getInstance(new Properties()).getStore("imap");
        store.connect("127.0.0.1", TestMailServer.imapPort(), address, PASSWORD);
        try {
            Folder inbox = store.getFolder("INBOX");
            inbox.open(Folder.READ_ONLY);
            try {
                Message[] found = inbox.search(new HeaderTerm("Message-ID", "<" + messageId + ">"));
                return found.length == 0 ? Optional.empty() : Optional.of(found[0].isSet(Flags.Flag.SEEN));
            } finally {
                inbox.close(false);
            }
        } finally {
            store.close();
        }
    }

    Optional<Map<String, Object>> inbound(String messageId) {
        return jdbc.sql("select id, state, ticket_id from mail_inbound where message_id = ?").param(messageId).query().listOfRows()
                .stream().findFirst();
    }

    static String id() {
        return TestData.unique("imap") + "@client.test";
    }

    @Test
    void deliveredMailBecomesATicketWithItsSenderTextQuoteAndFiles() throws Exception {
        String messageId = id();
        String sender = TestData.unique("lena") + "@example.test";
        deliver("From: Lena Fischer <" + sender + ">\r\nTo: " + address + "\r\nSubject: Broken hinge\r\nMessage-ID: <" + messageId
                + ">\r\nMIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=\"m\"\r\n\r\n--m\r\n"
                + "Content-Type: text/plain; charset=utf-8\r\n\r\nThe hinge broke after a week.\r\n\r\n"
                + "On Tue, 2 Jan 2024, Help wrote:\r\n> Thank you for your order.\r\n"
                + "--m\r\nContent-Type: application/octet-stream; name=\"hinge.jpg\"\r\n"
                + "Content-Disposition: attachment; filename=\"hinge.jpg\"\r\nContent-Transfer-Encoding: base64\r\n\r\nAAECAwQ=\r\n--m--\r\n");

        await().atMost(DEADLINE).until(() -> inbound(messageId).map(r -> "PROCESSED".equals(r.get("state"))).orElse(false));
        Map<String, Object> row = inbound(messageId).orElseThrow();
        // the server copy is seen, and by then the message was safely stored
        assertThat(seenOnServer(messageId)).contains(true);
        TicketDetail t = queries.detail(((Number) row.get("ticket_id")).longValue(), data.admin());
        assertThat(t.summary().subject()).isEqualTo("Broken hinge");
        assertThat(t.summary().customerName()).isEqualTo("Lena Fischer");
        assertThat(t.messages()).singleElement().satisfies(m -> assertThat(m.body()).isEqualTo("The hinge broke after a week."));
        assertThat(jdbc.sql("select quoted_text from mail_message where inbound_id = ?").param(row.get("id")).query(String.class).single())
                .contains("Thank you for your order.");
        var files = queries.filesOf(t.messages().getFirst().id());
        assertThat(files).singleElement().satisfies(f -> {
            assertThat(f.attachment().fileName()).isEqualTo("hinge.jpg");
            assertThat(f.data()).containsExactly(0, 1, 2, 3, 4);
        });
        assertThat(mailboxes.find(mailbox.id()).orElseThrow().lastCheckedAt()).isNotNull();
    }

    @Test
    void theSameMessageDeliveredTwiceIsOneTicketMessage() throws Exception {
        String messageId = id();
        String raw = "From: " + TestData.unique("twice") + "@example.test\r\nTo: " + address + "\r\nSubject: Twice\r\nMessage-ID: <"
                + messageId + ">\r\n\r\nOnce is enough.\r\n";
        deliver(raw);
        await().atMost(DEADLINE).until(() -> seenOnServer(messageId).orElse(false));
        deliver(raw);
        await().atMost(DEADLINE).until(() -> {
            Store store = Session.getInstance(new Properties()).getStore("imap");
            store.connect("127.0.0.1", TestMailServer.imapPort(), address, PASSWORD);
            try {
                Folder inbox = store.getFolder("INBOX");
                inbox.open(Folder.READ_ONLY);
                int unseen = inbox.getUnreadMessageCount();
                int all = inbox.getMessageCount();
                inbox.close(false);
                return all == 2 && unseen == 0;
            } finally {
                store.close();
            }
        });
        await().atMost(DEADLINE).until(() -> inbound(messageId).map(r -> "PROCESSED".equals(r.get("state"))).orElse(false));
        long ticketId = ((Number) inbound(messageId).orElseThrow().get("ticket_id")).longValue();
        assertThat(jdbc.sql("select count(*) from mail_inbound where message_id = ?").param(messageId).query(Long.class).single()).isEqualTo(1);
        assertThat(queries.detail(ticketId, data.admin()).messages()).hasSize(1);
    }

    @Test
    void anOversizeMessageIsLeftUnseenAndReportedWhileTheNextOneArrives() throws Exception {
        String big = id();
        String small = id();
        String filler = "x".repeat(76) + "\r\n";
        deliver("From: " + TestData.unique("big") + "@example.test\r\nTo: " + address + "\r\nSubject: Huge\r\nMessage-ID: <" + big
                + ">\r\n\r\n" + filler.repeat(2_600_000 / filler.length()));
        deliver("From: " + TestData.unique("small") + "@example.test\r\nTo: " + address + "\r\nSubject: Small\r\nMessage-ID: <" + small
                + ">\r\n\r\nJust a line.\r\n");
        await().atMost(DEADLINE).until(() -> inbound(small).map(r -> "PROCESSED".equals(r.get("state"))).orElse(false));
        await().atMost(DEADLINE).until(() -> {
            String error = mailboxes.find(mailbox.id()).orElseThrow().lastError();
            return error != null && error.contains("larger than the limit");
        });
        assertThat(seenOnServer(big)).contains(false);
        assertThat(inbound(big)).isEmpty();
    }

    @Test
    void repliesDeliveredTogetherWithTheMessagesTheyAnswerJoinTheirTicketsInOrder() throws Exception {
        int threads = 5;
        int perThread = 4;
        String[][] ids = new String[threads][perThread];
        for (int k = 0; k < perThread; k++) {
            for (int t = 0; t < threads; t++) {
                ids[t][k] = id();
                // every message of a thread from another person: only the threading headers tie them together
                String references = k == 0 ? "" : "In-Reply-To: <" + ids[t][k - 1] + ">\r\nReferences: "
                        + String.join(" ", java.util.Arrays.stream(ids[t], 0, k).map(i -> "<" + i + ">").toList()) + "\r\n";
                deliver("From: " + TestData.unique("writer") + "@example.test\r\nTo: " + address + "\r\nSubject: "
                        + (k == 0 ? "" : "Re: ") + "Thread " + t + "\r\nMessage-ID: <" + ids[t][k] + ">\r\n" + references
                        + "\r\nThread " + t + ", message " + k + ".\r\n");
            }
        }
        for (String[] thread : ids) {
            for (String messageId : thread) {
                await().atMost(DEADLINE).until(() -> inbound(messageId).map(r -> "PROCESSED".equals(r.get("state"))).orElse(false));
            }
        }
        for (int t = 0; t < threads; t++) {
            long ticketId = ((Number) inbound(ids[t][0]).orElseThrow().get("ticket_id")).longValue();
            for (String messageId : ids[t]) {
                assertThat(((Number) inbound(messageId).orElseThrow().get("ticket_id")).longValue()).as(messageId).isEqualTo(ticketId);
            }
            int thread = t;
            assertThat(queries.detail(ticketId, data.admin()).messages()).extracting(m -> m.body().strip())
                    .containsExactly(java.util.stream.IntStream.range(0, perThread)
                            .mapToObj(k -> "Thread " + thread + ", message " + k + ".").toArray(String[]::new));
        }
    }
}
