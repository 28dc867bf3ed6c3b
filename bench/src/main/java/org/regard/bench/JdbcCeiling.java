package org.regard.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.UUID;

/**
 * The ceiling for the application's writes: the rows one use case writes in Regard, written through plain JDBC by the
 * same number of concurrent clients, one transaction per use case, batched where rows of one table go together, with
 * no HTTP, security or framework in between. Which rows those are (found in PostgreSQL's statement log of the
 * application, table by table) is listed in {@code bench/README.md}; the two must be kept in step.
 * <ul>
 *   <li>{@code --mode=create}: what one {@code POST /api/v1/tickets} writes (customer found by address or created with
 *   its address and search document, its language learnt, ticket, submission key, first message, the ticket's and the
 *   message's search documents, two event publications and their completion, the team's day counters, the API token's
 *   last use);</li>
 *   <li>{@code --mode=reply}: what one {@code POST /api/v1/tickets/{id}/messages} reply writes (ticket row, message,
 *   status change from new to open where it applies, search documents, event publications, day counter, token);
 *   {@code --hot=N}: all clients on the same N tickets;</li>
 *   <li>{@code --mode=composer}: what one composer reply writes: as a reply, with the status the composer preselects
 *   (waiting, or open for a resolved or closed ticket), the session's last access and its flash message.</li>
 * </ul>
 * For H2 it must run while Regard is stopped (H2 locks its file); for PostgreSQL any time.
 * <p>
 * Usage: {@code java -cp regard-bench.jar org.regard.bench.JdbcCeiling --url=JDBC_URL [--user=] [--password=]
 * [--mode=create] [--clients=8] [--requests=4000] [--warmup=200] [--seconds=60] [--idempotency=true] [--customers=2000]
 * [--first-id=1 --last-id=1000] [--hot=0]}
 */
public final class JdbcCeiling {
    private static final int ATTEMPTS = 5;
    private static final String LEDGER = "org.regard.reports.ActivityLedger.on(org.regard.tickets.TicketEvents$";

    private final String url;
    private final String user;
    private final String password;
    private final boolean postgres;
    private long agentId;
    private long teamId;
    private long tokenId;

    private JdbcCeiling(String url, String user, String password) {
        this.url = url;
        this.user = user;
        this.password = password;
        this.postgres = url.startsWith("jdbc:postgresql:");
    }

    public static void main(String[] argv) throws Exception {
        Args args = new Args(argv);
        String url = args.require("url");
        if (!url.startsWith("jdbc:postgresql://127.0.0.1") && !url.startsWith("jdbc:postgresql://localhost") && !url.startsWith("jdbc:h2:")) {
            throw new IllegalArgumentException("Benchmarks only run against this machine");
        }
        JdbcCeiling ceiling = new JdbcCeiling(url, args.get("user", url.startsWith("jdbc:postgresql:") ? "postgres" : "sa"),
                args.get("password", ""));
        String mode = args.get("mode", "create");
        int clients = args.integer("clients", 8);
        int requests = args.integer("requests", 4000);
        int warmup = args.integer("warmup", 200);
        boolean idempotency = Boolean.parseBoolean(args.get("idempotency", "true"));
        int customerPool = args.integer("customers", 2000);
        long firstId = args.number("first-id", 1);
        long lastId = args.number("last-id", 1000);
        int hot = args.integer("hot", 0);
        Duration limit = Duration.ofSeconds(args.integer("seconds", 60));
        String run = UUID.randomUUID().toString().substring(0, 8);
        ceiling.readDesk();

        Connection[] connections = new Connection[clients];
        String[] sessions = new String[clients];
        SplittableRandom[] randoms = new SplittableRandom[clients];
        for (int c = 0; c < clients; c++) {
            connections[c] = DriverManager.getConnection(url, ceiling.user, ceiling.password);
            connections[c].setAutoCommit(false);
            randoms[c] = new SplittableRandom(31L * c + 7);
            if (mode.equals("composer")) {
                sessions[c] = ceiling.newSession(connections[c]);
            }
        }
        Loop loop;
        String measure;
        String label;
        try {
            switch (mode) {
                case "create" -> {
                    measure = "create";
                    label = "open ticket (JDBC)";
                    loop = Loop.run(clients, warmup, requests, limit, (client, n) -> {
                        int customer = n % 5 == 0 ? customerPool + n : n % customerPool;
                        String key = idempotency ? "a" + ceiling.agentId + ":" + run + "-" + n : null;
                        return ceiling.retrying(connections[client], c -> ceiling.openTicket(c,
                                "jdbc-" + run + "-" + customer + "@bench.example.com", "Bench Customer " + customer, key, n));
                    });
                }
                case "reply", "composer" -> {
                    boolean composer = mode.equals("composer");
                    measure = composer ? "composer" : hot > 0 ? "reply-hot" : "reply";
                    label = composer ? "composer reply (JDBC)" : hot > 0 ? "reply, " + hot + " hot tickets (JDBC)" : "reply (JDBC)";
                    loop = Loop.run(clients, warmup, requests, limit, (client, n) -> {
                        long id = hot > 0 ? lastId - n % hot : firstId + randoms[client].nextLong(lastId - firstId + 1);
                        String key = idempotency || composer ? "a" + ceiling.agentId + ":" + run + "-" + n : null;
                        return ceiling.retrying(connections[client], c -> ceiling.reply(c, id, key, n, composer ? sessions[client] : null));
                    });
                }
                default -> throw new IllegalArgumentException("--mode=create, reply or composer, not " + mode);
            }
        } finally {
            for (int c = 0; c < clients; c++) {
                if (sessions[c] != null) {
                    ceiling.dropSession(connections[c], sessions[c]);
                }
                connections[c].close();
            }
        }
        System.out.printf(Locale.ROOT, "JDBC ceiling (%s), %s: %d clients, idempotency check %s%n", ceiling.postgres ? "PostgreSQL" : "H2",
                label, clients, idempotency ? "on" : "off");
        loop.report("ceiling", measure, label);
    }

    private interface Work {
        void run(Connection c) throws SQLException;
    }

    /** One transaction; again after a deadlock, a serialization failure or a unique key a concurrent writer took first. */
    private int retrying(Connection c, Work work) throws SQLException {
        SQLException last = null;
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            try {
                work.run(c);
                c.commit();
                return 200;
            } catch (SQLException e) {
                c.rollback();
                last = e;
            }
        }
        throw last;
    }

    private void readDesk() throws SQLException {
        try (Connection c = DriverManager.getConnection(url, user, password); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select a.id, m.team_id, (select min(t.id) from api_token t where t.agent_id = a.id) "
                     + "from agent a join team_member m on m.agent_id = a.id "
                     + "where a.role = 'ADMIN' order by a.id, m.team_id fetch first 1 rows only")) {
            rs.next();
            agentId = rs.getLong(1);
            teamId = rs.getLong(2);
            tokenId = rs.getLong(3);
        }
    }

    /** The rows of one {@code POST /api/v1/tickets}. */
    private void openTicket(Connection c, String email, String name, String key, int n) throws SQLException {
        Timestamp now = Timestamp.from(Instant.now());
        touchToken(c, now);
        if (key != null && exists(c, "select ticket_id from ticket_submission where submission_key = ?", key)) {
            return;
        }
        long customerId = longOrMinus(c, "select customer_id from customer_email where email = ?", email);
        if (customerId < 0) {
            // a new customer: the row (with the language detected in the first message), its address, its search document
            customerId = insert(c, "insert into customer (name, tier, language, language_source, created_at, updated_at, version) "
                    + "values (?, 'standard', 'en', 'AUTO', ?, ?, 1)", name, now, now);
            update(c, "insert into customer_email (customer_id, email, position) values (?, ?, 0)", customerId, email);
            SearchRows.insert(c, postgres, new SearchRows.Doc("CUSTOMER", customerId, null, null, customerId, null, "en", now, name, email, ""));
        } else {
            // a known customer: the language is learnt only when it has none yet
            update(c, "update customer set language = ?, language_source = 'AUTO', version = version + 1, updated_at = ? "
                    + "where id = ? and language is null and language_source = 'AUTO'", "en", now, customerId);
        }
        String subject = Texts.SUBJECT + " (" + n + ")";
        String body = Texts.createBody(n);
        long ticketId = insert(c, "insert into ticket (subject, status, priority, channel, customer_id, team_id, touches_in, touches_out, "
                + "created_at, updated_at, version) values (?, 'NEW', 'NORMAL', 'WEB', ?, ?, 1, 0, ?, ?, 1)", subject, customerId, teamId, now, now);
        if (key != null) {
            update(c, "insert into ticket_submission (submission_key, ticket_id) values (?, ?)", key, ticketId);
        }
        long messageId = insert(c, "insert into message (ticket_id, kind, channel, touch, author_agent_id, author_customer_id, body, created_at, "
                + "submission_key, language) values (?, 'CUSTOMER', 'WEB', 'INBOUND', ?, ?, ?, ?, ?, 'en')", ticketId, agentId, customerId, body, now, key);
        SearchRows.insert(c, postgres, new SearchRows.Doc("TICKET", ticketId, ticketId, teamId, customerId, "NEW", "en", now, subject, "", body));
        SearchRows.insert(c, postgres, new SearchRows.Doc("MESSAGE", messageId, ticketId, teamId, customerId, "NEW", "en", now, subject, body, ""));
        // one publication: TicketOpened stands for the first message too (no CustomerWrote for it)
        List<UUID> events = publish(c, now,
                new String[]{"TicketOpened", "{\"ticketId\":" + ticketId + ",\"customerId\":" + customerId + ",\"teamId\":" + teamId
                        + ",\"channel\":\"WEB\",\"subject\":\"" + subject + "\",\"firstMessageId\":" + messageId
                        + ",\"automated\":false,\"language\":\"en\",\"at\":\"" + now.toInstant() + "\"}"});
        // the reports module's day row is shared by every writer of the team: touched last, so it is locked briefly
        countDay(c, now, "tickets_opened = tickets_opened + 1, touches_in = touches_in + 1");
        complete(c, events);
    }

    /** The rows of one reply; with a session, of one composer reply (which also moves the ticket on, as the page preselects). */
    private void reply(Connection c, long ticketId, String key, int n, String session) throws SQLException {
        Timestamp now = Timestamp.from(Instant.now());
        if (session == null) {
            touchToken(c, now);
        } else {
            update(c, "update spring_session set last_access_time = ?, expiry_time = ? where primary_id = ?",
                    now.getTime(), now.getTime() + 28_800_000L, session);
        }
        String status;
        long team;
        long customerId;
        String subject;
        String channel;
        Timestamp createdAt;
        try (PreparedStatement s = c.prepareStatement("select status, team_id, customer_id, subject, channel, created_at from ticket where id = ? for update")) {
            s.setLong(1, ticketId);
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next()) {
                    throw new SQLException("no ticket " + ticketId);
                }
                status = rs.getString(1);
                team = rs.getLong(2);
                customerId = rs.getLong(3);
                subject = rs.getString(4);
                channel = rs.getString(5);
                createdAt = rs.getTimestamp(6);
            }
        }
        if (key != null && exists(c, "select id from message where ticket_id = ? and submission_key = ?", ticketId, key)) {
            return;
        }
        String language = string(c, "select language from customer where id = ?", customerId);
        List<String[]> changes = new ArrayList<>();
        String to = status;
        if (to.equals("NEW")) {
            changes.add(new String[]{to, "OPEN"});
            to = "OPEN";
        }
        if (session != null) {
            String next = switch (to) {
                case "RESOLVED", "CLOSED" -> "OPEN";
                default -> "WAITING";
            };
            if (!next.equals(to)) {
                changes.add(new String[]{to, next});
                to = next;
            }
        }
        // the version counts changes a person makes (here: the status); a touch alone leaves it
        update(c, "update ticket set status = ?, touches_out = touches_out + 1, updated_at = ?, resolved_at = "
                + (to.equals(status) ? "resolved_at" : "null") + ", version = version + " + (to.equals(status) ? 0 : 1) + " where id = ?",
                to, now, ticketId);
        String replyChannel = switch (channel) {
            case "PHONE", "VISIT", "API" -> "WEB";
            default -> channel;
        };
        String body = Texts.replyBody(n);
        long messageId = insert(c, "insert into message (ticket_id, kind, channel, touch, author_agent_id, body, created_at, submission_key) "
                + "values (?, 'REPLY', ?, 'OUTBOUND', ?, ?, ?, ?)", ticketId, replyChannel, agentId, body, now, key);
        if (!changes.isEmpty()) {
            try (PreparedStatement s = c.prepareStatement("insert into ticket_change (ticket_id, actor_agent_id, changed_at, field, old_value, "
                    + "new_value) values (?, ?, ?, 'status', ?, ?)")) {
                for (String[] change : changes) {
                    s.setLong(1, ticketId);
                    s.setLong(2, agentId);
                    s.setTimestamp(3, now);
                    s.setString(4, change[0]);
                    s.setString(5, change[1]);
                    s.addBatch();
                }
                s.executeBatch();
            }
        }
        SearchRows.insert(c, postgres, new SearchRows.Doc("MESSAGE", messageId, ticketId, team, customerId, to, language, now, subject, body, ""));
        SearchRows.remove(c, "TICKET", ticketId);
        SearchRows.insert(c, postgres, new SearchRows.Doc("TICKET", ticketId, ticketId, team, customerId, to, language, createdAt, subject, "",
                conversation(c, ticketId)));
        List<String[]> published = new ArrayList<>();
        // the reply's event carries what the outbox needs: the subject, the customer, the text
        published.add(new String[]{"AgentReplied", "{\"ticketId\":" + ticketId + ",\"teamId\":" + team + ",\"agentId\":" + agentId
                + ",\"messageId\":" + messageId + ",\"channel\":\"" + replyChannel + "\",\"customerId\":" + customerId
                + ",\"subject\":\"" + subject.replace("\"", "'") + "\",\"body\":\"" + body.replace("\"", "'").replace("\n", "\\n")
                + "\",\"at\":\"" + now.toInstant() + "\"}"});
        if (!to.equals(status)) {
            // a status change is published for the ledger only when it resolves the ticket (never here)
            if (to.equals("RESOLVED")) {
                published.add(new String[]{"TicketStatusChanged", "{\"ticketId\":" + ticketId + ",\"teamId\":" + team + ",\"from\":\""
                        + status + "\",\"to\":\"" + to + "\",\"agentId\":" + agentId + ",\"at\":\"" + now.toInstant() + "\"}"});
            }
            SearchRows.ticketMoved(c, ticketId, team, to);
        }
        List<UUID> events = publish(c, now, published.toArray(new String[0][]));
        if (session != null) {
            // the flash message the redirect shows ("Reply sent"), kept in the session until the next page
            byte[] flash = new byte[600];
            if (update(c, "update spring_session_attributes set attribute_bytes = ? where session_primary_id = ? and attribute_name = ?",
                    flash, session, "org.springframework.web.servlet.support.SessionFlashMapManager.FLASH_MAPS") == 0) {
                update(c, "insert into spring_session_attributes (session_primary_id, attribute_name, attribute_bytes) values (?, ?, ?)",
                        session, "org.springframework.web.servlet.support.SessionFlashMapManager.FLASH_MAPS", flash);
            }
        }
        countDayOf(c, team, now, "touches_out = touches_out + 1");
        complete(c, events);
    }

    private String conversation(Connection c, long ticketId) throws SQLException {
        StringBuilder text = new StringBuilder();
        try (PreparedStatement s = c.prepareStatement("select body from message where ticket_id = ? order by created_at, id")) {
            s.setLong(1, ticketId);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    text.append(text.isEmpty() ? "" : " ").append(rs.getString(1));
                }
            }
        }
        return text.toString();
    }

    /** The API token's last use, written at most once a minute, as the application writes it. */
    private void touchToken(Connection c, Timestamp now) throws SQLException {
        long last = tokenTouched.get();
        if (now.getTime() - last < 60_000 || !tokenTouched.compareAndSet(last, now.getTime())) {
            return;
        }
        update(c, "update api_token set last_used_at = ? where id = ? and (last_used_at is null or last_used_at < ?)",
                now, tokenId, new Timestamp(now.getTime() - 60_000));
    }

    private final java.util.concurrent.atomic.AtomicLong tokenTouched = new java.util.concurrent.atomic.AtomicLong();

    /** Event publications for the reports module's listener, one batch; returns their ids. */
    private List<UUID> publish(Connection c, Timestamp now, String[]... events) throws SQLException {
        List<UUID> ids = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("insert into event_publication (id, event_type, listener_id, publication_date, "
                + "serialized_event, status, completion_attempts, last_resubmission_date) values (?, ?, ?, ?, ?, 'PUBLISHED', 1, ?)")) {
            for (String[] e : events) {
                UUID id = UUID.randomUUID();
                ids.add(id);
                s.setObject(1, id);
                s.setString(2, "org.regard.tickets.TicketEvents$" + e[0]);
                s.setString(3, LEDGER + e[0] + ")");
                s.setTimestamp(4, now);
                s.setString(5, e[1]);
                s.setTimestamp(6, now);
                s.addBatch();
            }
            s.executeBatch();
        }
        return ids;
    }

    /** The listener's completion of each publication, one batch. */
    private void complete(Connection c, List<UUID> ids) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("update event_publication set status = 'COMPLETED', completion_date = ? where id = ?")) {
            Timestamp now = Timestamp.from(Instant.now());
            for (UUID id : ids) {
                s.setTimestamp(1, now);
                s.setObject(2, id);
                s.addBatch();
            }
            s.executeBatch();
        }
    }

    private void countDay(Connection c, Timestamp now, String counters) throws SQLException {
        countDayOf(c, teamId, now, counters);
    }

    /** The team's day row, created by the first writer of the day, then counted. */
    private void countDayOf(Connection c, long team, Timestamp now, String counters) throws SQLException {
        LocalDate day = now.toInstant().atZone(ZoneOffset.UTC).toLocalDate();
        update(c, "insert into team_day_activity (team_id, activity_day) values (?, ?) on conflict do nothing", team, day);
        update(c, "update team_day_activity set " + counters + " where team_id = ? and activity_day = ?", team, day);
    }

    /** A session row like Spring Session's for one signed-in agent. */
    private String newSession(Connection c) throws SQLException {
        String id = UUID.randomUUID().toString();
        long now = System.currentTimeMillis();
        update(c, "insert into spring_session (primary_id, session_id, creation_time, last_access_time, max_inactive_interval, expiry_time, "
                + "principal_name) values (?, ?, ?, ?, 28800, ?, 'bench-ceiling')", id, UUID.randomUUID().toString(), now, now, now + 28_800_000L);
        c.commit();
        return id;
    }

    private void dropSession(Connection c, String id) throws SQLException {
        update(c, "delete from spring_session where primary_id = ?", id);
        c.commit();
    }

    private static boolean exists(Connection c, String sql, Object... values) throws SQLException {
        try (PreparedStatement s = bind(c.prepareStatement(sql), values); ResultSet rs = s.executeQuery()) {
            return rs.next();
        }
    }

    private static long longOrMinus(Connection c, String sql, Object... values) throws SQLException {
        try (PreparedStatement s = bind(c.prepareStatement(sql), values); ResultSet rs = s.executeQuery()) {
            return rs.next() ? rs.getLong(1) : -1;
        }
    }

    private static String string(Connection c, String sql, Object... values) throws SQLException {
        try (PreparedStatement s = bind(c.prepareStatement(sql), values); ResultSet rs = s.executeQuery()) {
            return rs.next() ? rs.getString(1) : null;
        }
    }

    private static int update(Connection c, String sql, Object... values) throws SQLException {
        try (PreparedStatement s = bind(c.prepareStatement(sql), values)) {
            return s.executeUpdate();
        }
    }

    private static long insert(Connection c, String sql, Object... values) throws SQLException {
        try (PreparedStatement s = bind(c.prepareStatement(sql, new String[]{"id"}), values)) {
            s.executeUpdate();
            try (ResultSet keys = s.getGeneratedKeys()) {
                return keys.next() ? keys.getLong(1) : -1;
            }
        }
    }

    private static PreparedStatement bind(PreparedStatement s, Object... values) throws SQLException {
        for (int i = 0; i < values.length; i++) {
            if (values[i] == null) {
                s.setNull(i + 1, Types.VARCHAR);
            } else {
                s.setObject(i + 1, values[i]);
            }
        }
        return s;
    }
}
