package org.regard.review;

import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.regard.support.ChildRegard;
import org.regard.support.Eventually;
import org.regard.support.TestData;
import org.regard.support.TestMailServer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A reply held for review survives a real crash without leaving: Regard runs as a child process on a database of its
 * own (a fresh H2 file, or a fresh PostgreSQL schema when the suite runs on PostgreSQL), an agent on probation writes a
 * reply that is held, Regard is killed outright ({@code SIGKILL}) before anyone approves it and started again; the
 * restarted sender (its sweep, the undo window long past) and the event publications it resubmits send nothing. Once a
 * reviewer approves it, exactly one email reaches the customer.
 */
@Tag("integration")
class HeldReplyCrashIntegrationTest {
    private static final String ADMIN = "held-admin@regard.test";
    private static final String PASSWORD = "held-crash-password-2026";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @TempDir(cleanup = org.junit.jupiter.api.io.CleanupMode.ON_SUCCESS)
    Path work;

    @Test
    void aHeldReplyStaysUnsentThroughAKillAndARestartAndGoesOutOnceWhenApproved() throws Exception {
        String domain = TestData.unique("held") + ".test";
        String support = "support@" + domain;
        String customer = "claire@" + domain;
        TestMailServer.user(support, "support-password");
        Database db = Database.fresh(work);
        Map<String, String> props = properties(db, support, domain);
        Path log = work.resolve("regard.log");

        long messageId;
        long reviewId;
        String reviewerEmail = "reviewer@" + domain;
        try (ChildRegard regard = ChildRegard.start(props, log)) {
            Api admin = new Api(regard.port(), ADMIN);
            long team = db.id("select id from team where name = 'Held " + domain + "'");
            String authorEmail = "author@" + domain;
            admin.send("POST", "/api/v1/agents", Map.of("email", authorEmail, "name", "Author on probation", "password", PASSWORD,
                    "teams", List.of(team), "probationUntil", LocalDate.now().plusDays(30).toString()), 201);
            admin.send("POST", "/api/v1/agents", Map.of("email", reviewerEmail, "name", "Reviewer", "password", PASSWORD,
                    "teams", List.of(team), "reviewer", true), 201);
            long ticketId = admin.send("POST", "/api/v1/tickets", Map.of("customer", Map.of("email", customer, "name", "Claire"),
                    "subject", "Refund", "body", "Where is my refund?", "channel", "email", "team", team), 201).get("id").asLong();
            JsonNode reply = new Api(regard.port(), authorEmail).send("POST", "/api/v1/tickets/" + ticketId + "/messages",
                    Map.of("kind", "reply", "body", "Held through a real crash."), 201);
            assertThat(reply.get("review").get("state").asString()).isEqualTo("pending");
            messageId = reply.get("id").asLong();
            reviewId = db.id("select id from review where kind = 'reply' and subject_id = " + messageId);
            // killed between held and approved: no shutdown, no graceful stop
            regard.kill();
        }

        try (ChildRegard regard = ChildRegard.start(props, log)) {
            Api admin = new Api(regard.port(), ADMIN);
            long team = db.id("select id from team where name = 'Held " + domain + "'");
            // the restarted node handed out every event publication left incomplete by the kill, and they all ran
            waitFor(() -> db.count("select count(*) from event_publication where completion_date is null") == 0,
                    "the outstanding event publications handled", db);
            // and its sender sent a reply queued after that, once its undo window passed: whatever the held reply could
            // have queued came earlier (the sender takes rows in send_after order), so it would have gone out by now
            sentinelSent(admin, team, domain, db);
            assertThat(db.count("select count(*) from mail_outbox where outbox_key = 'reply:" + messageId + "' or ticket_message_id = "
                    + messageId)).as("no outbox row for the held reply after the restart").isZero();
            assertThat(mailTo(customer)).as("no mail for the held reply").isEmpty();
            assertThat(db.count("select count(*) from review where id = " + reviewId + " and state = 'PENDING'")).isEqualTo(1);

            new Api(regard.port(), reviewerEmail).send("POST", "/api/v1/reviews/" + reviewId + "/approve", null, 200);
            waitFor(() -> mailTo(customer).size() >= 1 && db.count("select count(*) from mail_outbox where outbox_key = 'reply:"
                    + messageId + "' and state = 'SENT'") == 1, "the approved reply sent", db);
            sentinelSent(admin, team, domain, db); // a later sender round: still one
            assertThat(mailTo(customer)).hasSize(1);
            assertThat(ReplyReviewIntegrationTest.text(mailTo(customer).getFirst())).contains("Held through a real crash.");
            assertThat(db.count("select count(*) from mail_outbox where outbox_key = 'reply:" + messageId + "'")).isEqualTo(1);
        }
    }

    /** An ordinary reply on a ticket of its own, queued now, waits for its undo window and is sent: the sender ran since. */
    private static void sentinelSent(Api admin, long team, String domain, Database db) throws Exception {
        String other = TestData.unique("sentinel") + "@" + domain;
        long ticketId = admin.send("POST", "/api/v1/tickets", Map.of("customer", Map.of("email", other, "name", "Sentinel"),
                "subject", "Sentinel", "body", "Only here to see the sender run.", "channel", "email", "team", team), 201).get("id").asLong();
        long replyId = admin.send("POST", "/api/v1/tickets/" + ticketId + "/messages", Map.of("kind", "reply", "body", "Sent."), 201)
                .get("id").asLong();
        waitFor(() -> db.count("select count(*) from mail_outbox where outbox_key = 'reply:" + replyId + "' and state = 'SENT'") == 1,
                "a reply queued after the restart sent", db);
    }

    private Map<String, String> properties(Database db, String support, String domain) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("spring.datasource.url", db.url);
        p.put("spring.datasource.username", db.user);
        p.put("regard.data-dir", work.resolve("data").toString());
        p.put("logging.file.name", "");
        p.put("regard.demo", "false");
        p.put("regard.admin.email", ADMIN);
        p.put("regard.admin.password", PASSWORD);
        p.put("regard.mail.secret-key", "held-crash-test-key");
        p.put("regard.mail.poll-interval", "1s");
        p.put("regard.mail.undo-window", "1s");
        p.put("regard.mail.sending-lease", "10s");
        p.put("regard.mail.send-sweep-interval", "2s");
        p.put("regard.mail.mailboxes[0].address", support);
        p.put("regard.mail.mailboxes[0].display-name", "Held Support");
        p.put("regard.mail.mailboxes[0].team", "Held " + domain);
        p.put("regard.mail.mailboxes[0].acknowledge", "false");
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

    private static List<MimeMessage> mailTo(String address) {
        return java.util.Arrays.stream(TestMailServer.get().getReceivedMessages()).filter(m -> {
            try {
                var to = m.getRecipients(jakarta.mail.Message.RecipientType.TO);
                return to != null && java.util.Arrays.stream(to).anyMatch(a -> a.toString().contains(address));
            } catch (jakarta.mail.MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }

    private static void waitFor(Supplier<Boolean> condition, String what, Database db) throws InterruptedException {
        // generous: a child JVM on a busy two-core machine is slow
        Eventually.until(condition, what, Duration.ofSeconds(120), () -> "outbox rows " + db.count("select count(*) from mail_outbox"));
    }

    /** The API of the child, as one agent (HTTP Basic). */
    private record Api(int port, String email) {
        JsonNode send(String method, String path, Object body, int expected) throws Exception {
            String auth = Base64.getEncoder().encodeToString((email + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
            HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                    .header("Authorization", "Basic " + auth).header("Content-Type", "application/json")
                    .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(method + " " + path + ": " + response.body()).isEqualTo(expected);
            return response.body().isEmpty() ? null : JSON.readTree(response.body());
        }
    }

    /** The child's database, read directly by the test. */
    private record Database(String url, String user) {
        static Database fresh(Path work) throws SQLException {
            String configured = System.getProperty("regard.test.datasource.url", "");
            if (configured.startsWith("jdbc:postgresql:")) {
                String schema = configured.replaceAll(".*currentSchema=([A-Za-z0-9_]+).*", "$1") + "_heldcrash";
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
                return -1;
            }
        }

        long id(String sql) throws SQLException {
            try (Connection c = DriverManager.getConnection(url, user, ""); PreparedStatement s = c.prepareStatement(sql);
                 ResultSet rs = s.executeQuery()) {
                assertThat(rs.next()).as(sql).isTrue();
                return rs.getLong(1);
            }
        }
    }
}
