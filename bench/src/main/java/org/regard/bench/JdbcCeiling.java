package org.regard.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The ceiling for {@link ApiLoad}: the same rows an API "open ticket" writes (find or create the customer by
 * address, check the submission key, insert the ticket, its submission key and its first message), as
 * {@code Tickets.open} does, written by the same number
 * of concurrent clients through plain JDBC, one transaction per ticket, with no HTTP, security or framework
 * in between. For H2 it must run while Regard is stopped (H2 locks its file); for PostgreSQL any time.
 * <p>
 * Usage: {@code java -cp regard-bench.jar org.regard.bench.JdbcCeiling --url=JDBC_URL [--user=] [--password=]
 * [--clients=8] [--requests=4000] [--warmup=200] [--seconds=60] [--idempotency=true] [--customers=2000]}
 */
public final class JdbcCeiling {

    public static void main(String[] argv) throws Exception {
        Args args = new Args(argv);
        String url = args.require("url");
        boolean postgres = url.startsWith("jdbc:postgresql:");
        String user = args.get("user", postgres ? "postgres" : "sa");
        String password = args.get("password", "");
        int clients = args.integer("clients", 8);
        int requests = args.integer("requests", 4000);
        int warmup = args.integer("warmup", 200);
        boolean idempotency = Boolean.parseBoolean(args.get("idempotency", "true"));
        int customerPool = args.integer("customers", 2000);
        long deadline = System.nanoTime() + Duration.ofSeconds(args.integer("seconds", 60)).toNanos();
        String run = UUID.randomUUID().toString().substring(0, 8);

        long teamId;
        long agentId;
        try (Connection c = DriverManager.getConnection(url, user, password); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select a.id, m.team_id from agent a join team_member m on m.agent_id = a.id "
                     + "where a.role = 'ADMIN' order by a.id, m.team_id fetch first 1 rows only")) {
            rs.next();
            agentId = rs.getLong(1);
            teamId = rs.getLong(2);
        }

        AtomicInteger issued = new AtomicInteger();
        AtomicLong from = new AtomicLong();
        AtomicLong until = new AtomicLong();
        Latencies measured = new Latencies();
        List<Future<?>> work = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(clients)) {
            for (int t = 0; t < clients; t++) {
                work.add(pool.submit(() -> {
                    try (Connection c = DriverManager.getConnection(url, user, password)) {
                        c.setAutoCommit(false);
                        int n;
                        while ((n = issued.getAndIncrement()) < warmup + requests && System.nanoTime() < deadline) {
                            if (n == warmup) {
                                from.set(System.nanoTime());
                            }
                            int customer = n % 5 == 0 ? customerPool + n : n % customerPool;
                            long start = System.nanoTime();
                            openTicket(c, "jdbc-" + run + "-" + customer + "@bench.example.com", "Bench Customer " + customer,
                                    idempotency ? "a" + agentId + ":" + run + "-" + n : null, teamId, agentId, n);
                            if (n >= warmup) {
                                measured.add(System.nanoTime() - start);
                                until.accumulateAndGet(System.nanoTime(), Math::max);
                            }
                        }
                    }
                    return null;
                }));
            }
        }
        for (Future<?> f : work) {
            f.get();
        }
        double seconds = Math.max(1e-9, (until.get() - from.get()) / 1e9);
        System.out.printf(Locale.ROOT, "JDBC ceiling (%s): %d clients, idempotency check %s%n", postgres ? "PostgreSQL" : "H2",
                clients, idempotency ? "on" : "off");
        System.out.printf(Locale.ROOT, "  throughput %.1f tickets/s over %.1f s%n", measured.count() / seconds, seconds);
        System.out.println("  " + measured.line("open ticket (JDBC)"));
        System.out.printf(Locale.ROOT, "RESULT\tjdbc_ceiling\t%.1f\t%s%n", measured.count() / seconds, measured.tsv("open ticket (JDBC)"));
    }

    private static void openTicket(Connection c, String email, String name, String key, long teamId, long agentId, int n)
            throws SQLException {
        Instant now = Instant.now();
        long customerId;
        try {
            customerId = findCustomer(c, email);
            if (customerId < 0) {
                customerId = insert(c, "insert into customer (name, tier, created_at, updated_at, version) values (?, 'standard', ?, ?, 0)",
                        name, now.atOffset(ZoneOffset.UTC), now.atOffset(ZoneOffset.UTC));
                insert(c, "insert into customer_email (customer_id, email, position) values (?, ?, 0)", customerId, email);
            }
            c.commit();
        } catch (SQLException raced) {
            c.rollback(); // another client created the same customer a moment ago
            customerId = findCustomer(c, email);
        }
        if (key != null) {
            try (PreparedStatement s = c.prepareStatement("select ticket_id from ticket_submission where submission_key = ?")) {
                s.setString(1, key);
                try (ResultSet rs = s.executeQuery()) {
                    if (rs.next()) {
                        c.commit();
                        return;
                    }
                }
            }
        }
        long ticketId = insert(c, "insert into ticket (subject, status, priority, channel, customer_id, team_id, touches_in, touches_out, "
                        + "created_at, updated_at, version) values (?, 'NEW', 'NORMAL', 'WEB', ?, ?, 1, 0, ?, ?, 0)",
                "Card reader keeps restarting (" + n + ")", customerId, teamId, now.atOffset(ZoneOffset.UTC), now.atOffset(ZoneOffset.UTC));
        if (key != null) {
            try (PreparedStatement s = c.prepareStatement("insert into ticket_submission (submission_key, ticket_id) values (?, ?)")) {
                s.setString(1, key);
                s.setLong(2, ticketId);
                s.executeUpdate();
            }
        }
        insert(c, "insert into message (ticket_id, kind, channel, touch, author_agent_id, author_customer_id, body, created_at, submission_key) "
                        + "values (?, 'CUSTOMER', 'WEB', 'INBOUND', ?, ?, ?, ?, ?)", ticketId, agentId, customerId,
                "Since this morning the card reader restarts every few minutes. We tried unplugging it twice. Order ORD-" + (480000 + n) + ".",
                now.atOffset(ZoneOffset.UTC), key);
        c.commit();
    }

    private static long findCustomer(Connection c, String email) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("select customer_id from customer_email where email = ?")) {
            s.setString(1, email);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? rs.getLong(1) : -1;
            }
        }
    }

    private static long insert(Connection c, String sql, Object... values) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql, Statement.RETURN_GENERATED_KEYS)) {
            for (int i = 0; i < values.length; i++) {
                s.setObject(i + 1, values[i]);
            }
            s.executeUpdate();
            try (ResultSet keys = s.getGeneratedKeys()) {
                return keys.next() ? keys.getLong(1) : -1;
            }
        }
    }
}
