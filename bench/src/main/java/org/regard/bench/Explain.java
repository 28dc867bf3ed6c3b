package org.regard.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Shows how the database runs the statements behind the inbox, the ticket page and "open ticket": the SQL
 * that TicketQueries and Tickets send (written out with literal values), each timed over repeated runs and
 * explained (PostgreSQL: EXPLAIN (ANALYZE, BUFFERS); H2: EXPLAIN ANALYZE).
 * <p>
 * Usage: {@code java -cp regard-bench.jar org.regard.bench.Explain --url=JDBC_URL [--user=] [--password=] [--runs=20]
 * [--plans=true] [--before="create index ...; analyze"]}
 */
public final class Explain {

    public static void main(String[] argv) throws Exception {
        Args args = new Args(argv);
        String url = args.require("url");
        boolean postgres = url.startsWith("jdbc:postgresql:");
        int runs = args.integer("runs", 20);
        boolean plans = Boolean.parseBoolean(args.get("plans", "true"));
        try (Connection c = DriverManager.getConnection(url, args.get("user", postgres ? "postgres" : "sa"), args.get("password", ""))) {
            // statements to try first, e.g. a candidate index: --before="create index ...; analyze"
            for (String statement : args.get("before", "").split(";")) {
                if (!statement.isBlank()) {
                    long start = System.nanoTime();
                    try (Statement s = c.createStatement()) {
                        s.execute(statement);
                    }
                    System.out.printf(Locale.ROOT, "ran in %.0f ms: %s%n", (System.nanoTime() - start) / 1e6, statement.strip());
                }
            }
            long admin = single(c, "select id from agent where role = 'ADMIN' order by id fetch first 1 rows only");
            String adminTeams = list(c, "select team_id from team_member where agent_id = " + admin);
            long agent = single(c, "select assignee_id from ticket where assignee_id is not null and assignee_id <> " + admin
                    + " group by assignee_id order by count(*) desc fetch first 1 rows only");
            String agentTeams = list(c, "select team_id from team_member where agent_id = " + agent);
            long ticket = single(c, "select max(id) / 2 from ticket");
            String old = string(c, "select updated_at from ticket where id = " + ticket);
            String active = "('NEW', 'OPEN', 'WAITING')";
            String order = " order by t.updated_at desc, t.id desc limit 26";
            Instant middle = Instant.parse(string(c, "select updated_at from ticket t where t.status in " + active
                    + " order by t.updated_at desc, t.id desc offset 500 rows fetch next 1 rows only"));

            Map<String, String> queries = new LinkedHashMap<>();
            queries.put("inbox ALL (admin), active statuses", "select * from ticket t where 1 = 1 and t.status in " + active + order);
            queries.put("inbox ALL (admin), page 21 by cursor", "select * from ticket t where 1 = 1 and t.status in " + active
                    + " and (t.updated_at, t.id) < ('" + middle + "', " + Long.MAX_VALUE + ")" + order);
            queries.put("inbox TEAMS (agent " + agent + ")", "select * from ticket t where 1 = 1 and t.team_id in (" + agentTeams
                    + ") and t.status in " + active + order);
            queries.put("inbox MINE (agent " + agent + ")", "select * from ticket t where 1 = 1 and t.team_id in (" + agentTeams
                    + ") and t.assignee_id = " + agent + " and t.status in " + active + order);
            queries.put("inbox UNASSIGNED (agent " + agent + ")", "select * from ticket t where 1 = 1 and t.team_id in (" + agentTeams
                    + ") and t.assignee_id is null and t.status in " + active + order);
            queries.put("inbox TEAMS (admin), all statuses", "select * from ticket t where 1 = 1 and t.team_id in (" + adminTeams + ")" + order);
            queries.put("inbox ALL, only RESOLVED", "select * from ticket t where 1 = 1 and t.status in ('RESOLVED')" + order);
            queries.put("ticket page: messages", "select * from message where ticket_id = " + ticket + " order by created_at, id");
            queries.put("ticket page: changes", "select changed_at, actor_agent_id, field, old_value, new_value from ticket_change where ticket_id = "
                    + ticket + " order by changed_at, id");
            queries.put("open ticket: customer by address", "select customer_id from customer_email where email = 'bench-customer-77@bench.example.com'");
            queries.put("open ticket: submission key lookup", "select ticket_id from ticket_submission where submission_key = 'a1:nothing-like-this'");
            queries.put("ticket page: next ticket after an old one", "select * from ticket t where 1 = 1 and t.team_id in (" + adminTeams
                    + ") and t.status in " + active + " and (t.updated_at, t.id) < ('" + old + "', " + ticket + ")"
                    + order.replace("limit 26", "limit 2"));

            for (Map.Entry<String, String> q : queries.entrySet()) {
                double ms = time(c, q.getValue(), runs);
                System.out.printf(Locale.ROOT, "%n== %s: %.2f ms average over %d runs%n   %s%n", q.getKey(), ms, runs, q.getValue());
                System.out.printf(Locale.ROOT, "RESULT\tsql\t%s\t%.2f%n", q.getKey(), ms);
                if (plans) {
                    try (Statement s = c.createStatement();
                         ResultSet rs = s.executeQuery((postgres ? "explain (analyze, buffers) " : "explain analyze ") + q.getValue())) {
                        while (rs.next()) {
                            System.out.println("   | " + rs.getString(1).replace("\n", "\n   | "));
                        }
                    }
                }
            }
        }
    }

    private static double time(Connection c, String sql, int runs) throws SQLException {
        try (Statement s = c.createStatement()) {
            drain(s, sql); // once to warm caches
            long start = System.nanoTime();
            for (int i = 0; i < runs; i++) {
                // a different text each run: H2 would otherwise hand back its cached result of the same query
                drain(s, "/* run " + i + " */ " + sql);
            }
            return (System.nanoTime() - start) / 1e6 / runs;
        }
    }

    private static void drain(Statement s, String sql) throws SQLException {
        try (ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                rs.getObject(1);
            }
        }
    }

    private static long single(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            return rs.next() ? rs.getLong(1) : -1;
        }
    }

    private static String string(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getObject(1, java.time.OffsetDateTime.class).toInstant().toString();
        }
    }

    private static String list(Connection c, String sql) throws SQLException {
        StringBuilder b = new StringBuilder();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                b.append(b.isEmpty() ? "" : ", ").append(rs.getLong(1));
            }
        }
        return b.isEmpty() ? "-1" : b.toString();
    }
}
