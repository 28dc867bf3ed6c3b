package org.regard.mail.crash;

import com.icegreen.greenmail.imap.ImapHostManager;
import com.icegreen.greenmail.store.MailFolder;
import com.icegreen.greenmail.store.StoredMessage;
import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.GreenMailUtil;
import jakarta.mail.Flags;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.regard.support.ChildRegard;
import org.regard.support.Eventually;
import org.regard.support.TestData;
import org.regard.support.TestMailServer;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Kills Regard ({@code SIGKILL}) twice while it fetches mail and twice while it sends replies, restarts it, and
 * checks that every received message became exactly one ticket message, every server copy ends up seen, and no reply
 * or acknowledgement reached a customer twice (nor was silently dropped).
 * <p>
 * Regard runs here as a child process with its own database: a fresh H2 file, or a fresh PostgreSQL schema when the
 * suite runs on PostgreSQL; the IMAP/SMTP server is the test run's own.
 */
@Tag("integration")
class MailCrashIntegrationTest {
    private static final int MESSAGES = 80;
    private static final int REPLIES = 30;
    private static final String ADMIN = "crash-admin@regard.test";
    private static final String ADMIN_PASSWORD = "crash-admin-password";

    @TempDir(cleanup = org.junit.jupiter.api.io.CleanupMode.ON_SUCCESS)
    Path work;

    private final Random random = new Random(20261122L);
    private final List<String> rounds = new ArrayList<>();

    @Test
    void killingRegardWhileItReadsAndSendsMailLosesNothingAndSendsNothingTwice() throws Exception {
        String domain = TestData.unique("crash") + ".test";
        String support = "support@" + domain;
        TestMailServer.user(support, "support-password");
        GreenMailUser supportUser = TestMailServer.get().getUserManager().getUserByEmail(support);
        Database db = Database.fresh(work);

        List<String> sentIds = new ArrayList<>();
        for (int i = 0; i < MESSAGES; i++) {
            String id = "crash-" + i + "." + domain;
            sentIds.add(id);
            supportUser.deliver(GreenMailUtil.newMimeMessage(mail(id, "customer" + i + "@" + domain, support, i)));
        }

        Map<String, String> props = properties(db, support, domain);
        Path log = work.resolve("regard.log");

        // intake: kill Regard three times, each time just after it committed some more tickets
        String processed = "select count(*) from mail_inbound where state = 'PROCESSED'";
        for (int round = 0; round < 2; round++) {
            int before = Math.max(0, db.count(processed));
            int target = before + 3 + random.nextInt(10);
            try (ChildRegard regard = ChildRegard.launch(props, log)) {
                waitFor(() -> db.count(processed) >= target || !regard.alive(), "progress past " + target, db);
                regard.kill();
            }
            rounds.add("intake kill " + (round + 1) + ": processed " + before + " -> " + db.count(processed) + " of " + MESSAGES);
        }
        ChildRegard regard = ChildRegard.start(props, log);
        try {
            try {
                waitFor(() -> db.count(processed) == MESSAGES && seen(supportUser) == MESSAGES,
                        "all " + MESSAGES + " messages processed and seen", db);
            } catch (AssertionError e) {
                throw new AssertionError(e.getMessage() + "; seen on the server: " + seen(supportUser) + "; " + rounds, e);
            }
            waitFor(() -> db.count("select count(*) from mail_outbox where state in ('QUEUED', 'SENDING')") == 0,
                    "the acknowledgements settled", db);

            // sending: agents answer through the API, then Regard is killed each time a few more replies went out
            List<Long> ticketIds = db.ids("select ticket_id from mail_message where direction = 'IN' order by ticket_id");
            for (int i = 0; i < REPLIES; i++) {
                reply(regard.port(), ticketIds.get(i), "Answer number " + i);
            }
            String sent = "select count(*) from mail_outbox where kind = 'REPLY' and state in ('SENT', 'UNCERTAIN')";
            for (int round = 0; round < 2; round++) {
                int before = db.count(sent);
                int target = Math.min(REPLIES, before + 1 + random.nextInt(6));
                ChildRegard current = regard;
                waitFor(() -> db.count(sent) >= target || !current.alive(), "replies past " + target, db);
                regard.kill();
                rounds.add("send kill " + (round + 1) + ": " + db.states());
                regard = ChildRegard.launch(props, log);
            }
            regard.awaitHealthy(log);
            waitFor(() -> db.count("select count(*) from mail_outbox where state in ('QUEUED', 'SENDING')") == 0,
                    "every reply settled", db);
        } finally {
            regard.close();
        }
        rounds.forEach(System.out::println);
        System.out.println("final outbox: " + db.states());

        // every message exactly once
        assertThat(db.count("select count(*) from mail_message where direction = 'IN'")).isEqualTo(MESSAGES);
        assertThat(db.count("select count(distinct rfc_message_id) from mail_message where direction = 'IN'")).isEqualTo(MESSAGES);
        for (String id : sentIds) {
            assertThat(db.count("select count(*) from mail_message where direction = 'IN' and rfc_message_id = '" + id + "'"))
                    .as("message %s", id).isEqualTo(1);
        }
        assertThat(db.count("select count(*) from message where kind = 'CUSTOMER'")).isEqualTo(MESSAGES);
        assertThat(seen(supportUser)).isEqualTo(MESSAGES);

        // every reply and acknowledgement: delivered once, or (killed mid-handover) held back and shown, never twice
        Map<String, Integer> delivered = deliveredCounts();
        Map<String, String> outbox = db.outbox();
        assertThat(outbox.values()).as("no reply left behind or failed").allMatch(s -> s.equals("SENT") || s.equals("UNCERTAIN"));
        assertThat(outbox.entrySet().stream().filter(e -> e.getKey().startsWith("reply:")).count()).isEqualTo(REPLIES);
        assertThat(outbox.entrySet().stream().filter(e -> e.getKey().startsWith("ack:")).count()).isEqualTo(MESSAGES);
        Map<String, String> messageIds = db.outboxMessageIds();
        for (var e : outbox.entrySet()) {
            int copies = delivered.getOrDefault(messageIds.get(e.getKey()), 0);
            if (e.getValue().equals("SENT")) {
                assertThat(copies).as("%s was sent: exactly one copy arrived", e.getKey()).isEqualTo(1);
            } else {
                assertThat(copies).as("%s is uncertain: at most one copy arrived", e.getKey()).isLessThanOrEqualTo(1);
            }
        }
    }

    private Map<String, String> properties(Database db, String support, String domain) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("spring.datasource.url", db.url);
        p.put("spring.datasource.username", db.user);
        p.put("regard.data-dir", work.resolve("data").toString());
        p.put("logging.file.name", "");
        p.put("regard.demo", "false");
        p.put("regard.admin.email", ADMIN);
        p.put("regard.admin.password", ADMIN_PASSWORD);
        p.put("regard.mail.secret-key", "crash-test-key");
        p.put("regard.mail.poll-interval", "1s");
        p.put("regard.mail.undo-window", "1s");
        // a killed node's claims lapse after these leases; short here so the test need not wait minutes
        p.put("regard.mail.processing-lease", "5s");
        p.put("regard.mail.sending-lease", "10s");
        p.put("regard.mail.intake-sweep-interval", "1s");
        p.put("regard.mail.send-sweep-interval", "2s");
        p.put("regard.mail.mailboxes[0].address", support);
        p.put("regard.mail.mailboxes[0].display-name", "Crash Support");
        p.put("regard.mail.mailboxes[0].team", "Crash " + domain);
        p.put("regard.mail.mailboxes[0].acknowledge", "true");
        p.put("regard.mail.mailboxes[0].imap.host", "127.0.0.1");
        p.put("regard.mail.mailboxes[0].imap.port", String.valueOf(TestMailServer.imapPort()));
        p.put("regard.mail.mailboxes[0].imap.security", "none");
        p.put("regard.mail.mailboxes[0].imap.username", support);
        p.put("regard.mail.mailboxes[0].imap.password", "support-password");
        p.put("regard.mail.mailboxes[0].imap.folder", "INBOX");
        p.put("regard.mail.mailboxes[0].smtp.host", "127.0.0.1");
        p.put("regard.mail.mailboxes[0].smtp.port", String.valueOf(TestMailServer.smtpPort()));
        p.put("regard.mail.mailboxes[0].smtp.security", "none");
        return p;
    }

    private static String mail(String messageId, String from, String to, int i) {
        return "From: Customer " + i + " <" + from + ">\r\n"
                + "To: " + to + "\r\n"
                + "Subject: Question " + i + "\r\n"
                + "Message-ID: <" + messageId + ">\r\n"
                + "Date: Sun, 22 Nov 2026 10:00:00 +0000\r\n"
                + "MIME-Version: 1.0\r\n"
                + "Content-Type: text/plain; charset=UTF-8\r\n"
                + "\r\n"
                + "Hello, this is question " + i + ". Could you help?\r\n";
    }

    private static int seen(GreenMailUser user) {
        ImapHostManager imap = TestMailServer.get().getManagers().getImapHostManager();
        MailFolder inbox;
        try {
            inbox = imap.getInbox(user);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        int seen = 0;
        for (StoredMessage m : inbox.getMessages()) {
            if (m.getFlags().contains(Flags.Flag.SEEN)) {
                seen++;
            }
        }
        return seen;
    }

    /** How many copies of each Message-ID the SMTP server received. */
    private static Map<String, Integer> deliveredCounts() throws Exception {
        Map<String, Integer> counts = new HashMap<>();
        for (MimeMessage m : TestMailServer.get().getReceivedMessages()) {
            String id = m.getMessageID();
            if (id != null) {
                counts.merge(id.replaceAll("^<|>$", ""), 1, Integer::sum);
            }
        }
        return counts;
    }

    private static void reply(int port, long ticketId, String body) throws Exception {
        String auth = Base64.getEncoder().encodeToString((ADMIN + ":" + ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/api/v1/tickets/" + ticketId + "/messages"))
                .header("Authorization", "Basic " + auth).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"kind\":\"reply\",\"body\":\"" + body + "\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
    }

    private static void waitFor(Supplier<Boolean> condition, String what, Database db) throws InterruptedException {
        // generous: a child JVM on a busy two-core machine may take a minute to start
        Eventually.until(condition, what, Duration.ofSeconds(300),
                () -> "outbox " + db.states() + "; received mail " + db.inboundStates() + "; see " + db.url);
    }

    /** The child's database, read directly by the test. */
    private record Database(String url, String user) {

        static Database fresh(Path work) throws SQLException {
            String configured = System.getProperty("regard.test.datasource.url", "");
            if (configured.startsWith("jdbc:postgresql:")) {
                String schema = configured.replaceAll(".*currentSchema=([A-Za-z0-9_]+).*", "$1") + "_crash";
                String url = configured.replaceAll("currentSchema=[A-Za-z0-9_]+", "currentSchema=" + schema);
                String user = System.getProperty("regard.test.datasource.username", "postgres");
                try (Connection c = DriverManager.getConnection(url, user, ""); Statement s = c.createStatement()) {
                    s.execute("drop schema if exists " + schema + " cascade");
                    s.execute("create schema " + schema);
                }
                return new Database(url, user);
            }
            return new Database("jdbc:h2:file:" + work.resolve("db/regard") + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;"
                    + "DEFAULT_NULL_ORDERING=HIGH;WRITE_DELAY=0;AUTO_SERVER=TRUE", "sa");
        }

        int count(String sql) {
            try (Connection c = DriverManager.getConnection(url, user, ""); Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery(sql)) {
                rs.next();
                return rs.getInt(1);
            } catch (SQLException e) {
                return -1; // not migrated yet, or the database is between owners
            }
        }

        List<Long> ids(String sql) throws SQLException {
            List<Long> ids = new ArrayList<>();
            try (Connection c = DriverManager.getConnection(url, user, ""); Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery(sql)) {
                while (rs.next()) {
                    ids.add(rs.getLong(1));
                }
            }
            return ids;
        }

        Map<String, String> outbox() throws SQLException {
            return pairs("select outbox_key, state from mail_outbox");
        }

        Map<String, String> outboxMessageIds() throws SQLException {
            return pairs("select outbox_key, rfc_message_id from mail_outbox");
        }

        String states() {
            try {
                Map<String, Integer> states = new HashMap<>();
                pairs("select outbox_key, state from mail_outbox").values().forEach(s -> states.merge(s, 1, Integer::sum));
                return states.toString();
            } catch (SQLException e) {
                return "(unreadable: " + e.getMessage() + ")";
            }
        }

        String inboundStates() {
            try {
                Map<String, Integer> states = new HashMap<>();
                pairs("select cast(id as varchar(20)), state || ' attempts=' || cast(attempts as varchar(5)) || ' ' || coalesce(last_error, '') from mail_inbound")
                        .values().forEach(s -> states.merge(s, 1, Integer::sum));
                return states + " of " + count("select count(*) from mail_inbound") + " rows";
            } catch (SQLException e) {
                return "(unreadable: " + e.getMessage() + ")";
            }
        }

        private Map<String, String> pairs(String sql) throws SQLException {
            Map<String, String> pairs = new HashMap<>();
            try (Connection c = DriverManager.getConnection(url, user, ""); Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery(sql)) {
                while (rs.next()) {
                    pairs.put(rs.getString(1), rs.getString(2));
                }
            }
            return pairs;
        }
    }
}
