package org.regard.bench;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Loads N synthetic tickets, with their customers, conversations and change histories, into a database that
 * Regard has already migrated (and whose administrator exists). PostgreSQL gets COPY, H2 batched multi-row
 * inserts. Indexes and foreign keys stay in place, as in a live desk. Regard must not be running against an
 * H2 file while this runs (H2 locks its file).
 * <p>
 * Usage: {@code java -cp regard-bench.jar org.regard.bench.BulkLoad --url=JDBC_URL [--user=] [--password=]
 * --tickets=100000 [--customers=N/4] [--days=730] [--chunk=20000] [--seed=42] [--token-secret=rgd_...]
 * [--trust-keys=true] [--extra-messages=0] [--report-extras=false]}; report-extras: purchase references shared by two to
 * three tickets on 60 % of the tickets, flags (two thirds with a root cause) on one ticket in ten, and an answered
 * rating request on a quarter of the resolved tickets, for the reports' flags, purchases and satisfaction; extra-messages: hundredths of a message added to each ticket on
 * average (103 turns the usual 4 messages per ticket into 5); with trust-keys (PostgreSQL) the foreign-key triggers are skipped while loading.
 */
public final class BulkLoad {
    private static final String[] TICKET = {"id", "subject", "status", "priority", "channel", "customer_id", "team_id",
            "assignee_id", "category_id", "touches_in", "touches_out", "created_at", "updated_at", "resolved_at", "version"};
    private static final String[] MESSAGE = {"id", "ticket_id", "kind", "channel", "touch", "author_agent_id",
            "author_customer_id", "body", "created_at", "submission_key"};
    private static final String[] CHANGE = {"id", "ticket_id", "actor_agent_id", "changed_at", "field", "old_value", "new_value"};

    private final Connection db;
    private final Sink sink;
    private final SplittableRandom random;
    private final Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    private final List<long[]> teamMembers = new ArrayList<>(); // per team: agent ids
    private final List<Long> teamIds = new ArrayList<>();
    private final List<Long> categoryIds = new ArrayList<>();
    private long messages;
    private long changes;

    private BulkLoad(Connection db, long seed) throws SQLException {
        this.db = db;
        this.sink = Sink.of(db);
        this.random = new SplittableRandom(seed);
    }

    public static void main(String[] argv) throws Exception {
        Args args = new Args(argv);
        String url = args.require("url");
        boolean postgres = url.startsWith("jdbc:postgresql:");
        int tickets = args.integer("tickets", 100_000);
        int customers = args.integer("customers", Math.max(1000, tickets / 4));
        try (Connection db = DriverManager.getConnection(url, args.get("user", postgres ? "postgres" : "sa"), args.get("password", ""))) {
            db.setAutoCommit(false);
            if (postgres && Boolean.parseBoolean(args.get("trust-keys", "true"))) {
                // The rows reference each other correctly by construction; skipping the per-row foreign-key
                // triggers (superuser only) is the usual bulk-load shortcut. Indexes are still maintained.
                try (Statement s = db.createStatement()) {
                    s.execute("set session_replication_role = replica");
                }
            }
            BulkLoad load = new BulkLoad(db, args.number("seed", 42));
            load.referenceData(args.get("token-secret", null));
            long t0 = System.nanoTime();
            long firstCustomer = load.customers(customers);
            double customerSeconds = (System.nanoTime() - t0) / 1e9;
            long t1 = System.nanoTime();
            long[] ticketIds = load.tickets(tickets, firstCustomer, customers, args.integer("days", 730), args.integer("chunk", 20_000),
                    args.integer("extra-messages", 0));
            double ticketSeconds = (System.nanoTime() - t1) / 1e9;
            if (Boolean.parseBoolean(args.get("report-extras", "false"))) {
                load.reportExtras(ticketIds);
            }
            long t2 = System.nanoTime();
            load.restartIdentities();
            load.analyze(postgres);
            double finishSeconds = (System.nanoTime() - t2) / 1e9;
            System.out.printf(Locale.ROOT, "%nBULK LOAD (%s) %d customers in %.1f s (%.0f/s); %d tickets + %d messages + %d changes in %.1f s "
                            + "(%.0f tickets/s, %.0f rows/s); identities + analyze %.1f s%n",
                    postgres ? "PostgreSQL COPY" : "H2 multi-row inserts", customers, customerSeconds, customers / customerSeconds,
                    tickets, load.messages, load.changes, ticketSeconds, tickets / ticketSeconds,
                    (tickets + load.messages + load.changes) / ticketSeconds, finishSeconds);
            System.out.printf(Locale.ROOT, "TICKET_IDS %d %d%n", ticketIds[0], ticketIds[1]);
        }
    }

    /** Teams, agents (sharing the administrator's password hash), categories and the optional API token. */
    private void referenceData(String tokenSecret) throws Exception {
        long adminId = single("select id from agent where role = 'ADMIN' order by id fetch first 1 rows only");
        String hash;
        try (PreparedStatement s = db.prepareStatement("select password_hash from agent where id = ?")) {
            s.setLong(1, adminId);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                hash = rs.getString(1);
            }
        }
        String[] teams = {"Support", "Billing", "Technical", "Key accounts", "Returns", "Hà Nội office"};
        for (String team : teams) {
            teamIds.add(ensure("team", "name", team, "insert into team (name, created_at) values (?, ?)"));
        }
        List<List<Long>> members = new ArrayList<>();
        teamIds.forEach(t -> members.add(new ArrayList<>()));
        members.getFirst().add(adminId);
        join(teamIds.getFirst(), adminId);
        String[] locales = {"en", "fr", "de", "vi"};
        for (int a = 1; a <= 30; a++) {
            String email = "bench-agent-" + a + "@bench.example.com";
            long id = existing("agent", "email", email);
            if (id < 0) {
                try (PreparedStatement s = db.prepareStatement("insert into agent (email, display_name, password_hash, role, locale, "
                        + "languages, active, created_at, version) values (?, ?, ?, 'AGENT', ?, ?, true, ?, 1)", Statement.RETURN_GENERATED_KEYS)) {
                    String locale = locales[a % locales.length];
                    s.setString(1, email);
                    s.setString(2, Names.agent(a));
                    s.setString(3, hash);
                    s.setString(4, locale);
                    s.setString(5, locale.equals("en") ? "en" : locale + ",en");
                    s.setObject(6, now.atOffset(ZoneOffset.UTC));
                    s.executeUpdate();
                    id = generated(s);
                }
            }
            int home = a % teamIds.size();
            members.get(home).add(id);
            join(teamIds.get(home), id);
            if (a % 3 == 0) {
                int second = (home + 1) % teamIds.size();
                members.get(second).add(id);
                join(teamIds.get(second), id);
            }
        }
        members.forEach(m -> teamMembers.add(m.stream().mapToLong(Long::longValue).toArray()));
        for (String category : new String[]{"Invoices and payments", "Sign-in and accounts", "Orders and delivery",
                "Hardware faults", "Questions and how-to", "Complaints", "Returns", "Contracts"}) {
            categoryIds.add(ensure("category", "name", category, "insert into category (name, active) values (?, true)"));
        }
        if (tokenSecret != null) {
            try (PreparedStatement s = db.prepareStatement("insert into api_token (agent_id, name, token_hash, prefix, created_at) values (?, ?, ?, ?, ?)")) {
                s.setLong(1, adminId);
                s.setString(2, "benchmark");
                s.setString(3, HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(tokenSecret.getBytes(StandardCharsets.UTF_8))));
                s.setString(4, tokenSecret.substring(0, 10));
                s.setObject(5, now.atOffset(ZoneOffset.UTC));
                s.executeUpdate();
            }
        }
        db.commit();
    }

    /** Customers with one address each; one in five belongs to an organization. Returns the first customer id. */
    private long customers(int count) throws SQLException {
        long firstOrg = single("select coalesce(max(id), 0) + 1 from organization");
        int orgs = Math.max(1, count / 50);
        sink.table("organization", "id", "name", "tier", "created_at", "version");
        for (int o = 0; o < orgs; o++) {
            sink.row(firstOrg + o, "Bench organization " + (firstOrg + o), o % 10 == 0 ? "key-account" : "standard",
                    now.minus(Duration.ofDays(800)), 1);
        }
        sink.endTable();
        long first = single("select coalesce(max(id), 0) + 1 from customer");
        long firstEmail = single("select coalesce(max(id), 0) + 1 from customer_email");
        String[] languages = {"en", "fr", "de", "vi"};
        sink.table("customer", "id", "name", "language", "organization_id", "tier", "preferences", "created_at", "updated_at", "version");
        for (int c = 0; c < count; c++) {
            String language = languages[random.nextInt(languages.length)];
            int roll = random.nextInt(100);
            Instant since = now.minus(Duration.ofDays(730 + random.nextInt(400)));
            sink.row(first + c, Names.customer(language, random), language, random.nextInt(5) == 0 ? firstOrg + random.nextInt(orgs) : null,
                    roll < 90 ? "standard" : roll < 98 ? "priority" : "key-account", random.nextInt(10) == 0 ? Texts.preference(random) : null,
                    since, since, 1);
        }
        sink.endTable();
        sink.table("customer_email", "id", "customer_id", "email", "position");
        for (int c = 0; c < count; c++) {
            sink.row(firstEmail + c, first + c, "bench-customer-" + (first + c) + "@bench.example.com", 0);
        }
        sink.endTable();
        db.commit();
        return first;
    }

    /** The tickets, oldest first, in chunks of one transaction each; returns the first and last ticket id. */
    private long[] tickets(int count, long firstCustomer, int customers, int days, int chunk, int extraMessages) throws SQLException {
        long firstTicket = single("select coalesce(max(id), 0) + 1 from ticket");
        long nextMessage = single("select coalesce(max(id), 0) + 1 from message");
        long nextChange = single("select coalesce(max(id), 0) + 1 from ticket_change");
        long spanSeconds = Duration.ofDays(days).getSeconds();
        Instant start = now.minusSeconds(spanSeconds);
        long began = System.nanoTime();
        for (int from = 0; from < count; from += chunk) {
            int to = Math.min(count, from + chunk);
            List<Story> stories = new ArrayList<>(to - from);
            for (int i = from; i < to; i++) {
                Instant created = start.plusSeconds(spanSeconds * i / count + random.nextLong(Math.max(1, spanSeconds / count)));
                long customer = firstCustomer + (long) (customers * Math.pow(random.nextDouble(), 2));
                stories.add(Story.make(firstTicket + i, customer, created, now, random, teamIds, teamMembers, categoryIds, extraMessages));
            }
            sink.table("ticket", TICKET);
            for (Story s : stories) {
                sink.row(s.ticketRow());
            }
            sink.endTable();
            sink.table("message", MESSAGE);
            for (Story s : stories) {
                for (Object[] m : s.messages()) {
                    m[0] = nextMessage++;
                    sink.row(m);
                    messages++;
                }
            }
            sink.endTable();
            sink.table("ticket_change", CHANGE);
            for (Story s : stories) {
                for (Object[] c : s.changes()) {
                    c[0] = nextChange++;
                    sink.row(c);
                    changes++;
                }
            }
            sink.endTable();
            db.commit();
            double seconds = (System.nanoTime() - began) / 1e9;
            System.out.printf(Locale.ROOT, "  %,d / %,d tickets (%,.0f tickets/s)%n", to, count, to / seconds);
        }
        return new long[]{firstTicket, firstTicket + count - 1};
    }

    /**
     * Set-based additions over the tickets just loaded (same SQL on both databases, no random draws so the rest of the
     * load stays reproducible): purchase references, flags with or without a root cause, answered ratings.
     */
    private void reportExtras(long[] ids) throws SQLException {
        long t = System.nanoTime();
        String range = " between " + ids[0] + " and " + ids[1];
        try (Statement s = db.createStatement()) {
            int refs = s.executeUpdate("update ticket set purchase_ref = 'BENCH-' || cast(id / 5 as varchar(20))"
                    + " where mod(id, 5) < 3 and id" + range);
            int flags = s.executeUpdate("update ticket set flag_reason = case when mod(id, 20) = 0 then 'BAD_RATING' else 'ALARM' end,"
                    + " flagged_at = updated_at,"
                    + " root_cause = case when mod(id, 3) = 0 then 'policy' when mod(id, 3) = 1 then 'other' else null end"
                    + " where mod(id, 10) = 0 and id" + range);
            int ratings = s.executeUpdate("insert into rating_request (ticket_id, team_id, resolved_at, due_epoch, state, sent_at,"
                    + " score, answered_at) select id, team_id, resolved_at, 0, 'SENT', resolved_at,"
                    + " case mod(id, 7) when 0 then 'BAD' when 1 then 'OKAY' else 'GOOD' end, resolved_at"
                    + " from ticket where resolved_at is not null and mod(id, 4) = 0 and id" + range);
            db.commit();
            System.out.printf(Locale.ROOT, "report extras: %d purchase references, %d flags, %d ratings in %.1f s%n", refs, flags,
                    ratings, (System.nanoTime() - t) / 1e9);
        }
    }

    /** Identity columns were given explicit values: move each sequence past them. */
    private void restartIdentities() throws SQLException {
        boolean postgres = db.getMetaData().getURL().startsWith("jdbc:postgresql:");
        for (String table : new String[]{"organization", "customer", "customer_email", "ticket", "message", "ticket_change",
                "rating_request"}) {
            long next = single("select coalesce(max(id), 0) + 1 from " + table);
            try (Statement s = db.createStatement()) {
                if (postgres) {
                    s.execute("select setval(pg_get_serial_sequence('" + table + "', 'id'), " + next + ", false)");
                } else {
                    s.execute("alter table " + table + " alter column id restart with " + next);
                }
            }
        }
        db.commit();
    }

    private void analyze(boolean postgres) throws SQLException {
        db.setAutoCommit(true);
        try (Statement s = db.createStatement()) {
            s.execute(postgres ? "analyze" : "analyze");
        }
    }

    private void join(long teamId, long agentId) throws SQLException {
        try (PreparedStatement s = db.prepareStatement("select count(*) from team_member where team_id = ? and agent_id = ?")) {
            s.setLong(1, teamId);
            s.setLong(2, agentId);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                if (rs.getLong(1) > 0) {
                    return;
                }
            }
        }
        try (PreparedStatement s = db.prepareStatement("insert into team_member (team_id, agent_id) values (?, ?)")) {
            s.setLong(1, teamId);
            s.setLong(2, agentId);
            s.executeUpdate();
        }
    }

    private long ensure(String table, String column, String value, String insert) throws SQLException {
        long id = existing(table, column, value);
        if (id >= 0) {
            return id;
        }
        try (PreparedStatement s = db.prepareStatement(insert, Statement.RETURN_GENERATED_KEYS)) {
            s.setString(1, value);
            if (insert.contains("created_at")) {
                s.setObject(2, now.atOffset(ZoneOffset.UTC));
            }
            s.executeUpdate();
            return generated(s);
        }
    }

    private long existing(String table, String column, String value) throws SQLException {
        try (PreparedStatement s = db.prepareStatement("select id from " + table + " where " + column + " = ?")) {
            s.setString(1, value);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? rs.getLong(1) : -1;
            }
        }
    }

    private static long generated(PreparedStatement s) throws SQLException {
        try (ResultSet keys = s.getGeneratedKeys()) {
            keys.next();
            return keys.getLong(1);
        }
    }

    private long single(String sql) throws SQLException {
        try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            if (!rs.next()) {
                throw new IllegalStateException("No row for: " + sql + " (has Regard migrated this database and created its administrator?)");
            }
            return rs.getLong(1);
        }
    }
}
