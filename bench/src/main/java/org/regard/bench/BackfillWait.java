package org.regard.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.Locale;

/**
 * Waits until Regard's background search backfill of a bulk-loaded database is done: Regard records its completion in
 * {@code search_backfill}. Polls every few seconds, up to a time limit, and says which it was. Used by {@code run.sh}
 * (before anything is measured, so the backfill does not compete with the measurements) and by {@link SearchLatency}.
 * <p>
 * Prints {@code RESULT backfill <completed|timed-out> <seconds waited> <documents indexed> <documents wanted>}.
 * <p>
 * Usage: {@code java -cp regard-bench.jar org.regard.bench.BackfillWait --url=JDBC_URL [--user=] [--wait-seconds=1800]}
 */
public final class BackfillWait {

    /** What the wait found. */
    record Outcome(boolean completed, double seconds, long indexed, long wanted) {
    }

    public static void main(String[] argv) throws Exception {
        Args args = new Args(argv);
        String url = args.require("url");
        Outcome o = await(url, args.get("user", url.startsWith("jdbc:postgresql:") ? "postgres" : "sa"), args.integer("wait-seconds", 1800));
        System.out.printf(Locale.ROOT, "RESULT\tbackfill\t%s\t%.0f\t%d\t%d%n", o.completed() ? "completed" : "timed-out", o.seconds(),
                o.indexed(), o.wanted());
    }

    /** Polls until {@code search_backfill} records the backfill as finished, or {@code seconds} have passed. */
    static Outcome await(String url, String user, int seconds) throws Exception {
        if (!url.startsWith("jdbc:postgresql://127.0.0.1") && !url.startsWith("jdbc:postgresql://localhost") && !url.startsWith("jdbc:h2:")) {
            throw new IllegalArgumentException("Benchmarks only run against this machine");
        }
        long start = System.nanoTime();
        long until = start + Duration.ofSeconds(seconds).toNanos();
        try (Connection c = DriverManager.getConnection(url, user, "")) {
            long wanted = single(c, "select (select count(*) from customer) + (select count(*) from ticket) + (select count(*) from message)");
            long reported = 0;
            while (true) {
                boolean finished = single(c, "select count(*) from search_backfill") > 0;
                double waited = (System.nanoTime() - start) / 1e9;
                if (finished || System.nanoTime() > until) {
                    long indexed = single(c, "select count(*) from search_document");
                    System.out.printf(Locale.ROOT, "Search backfill %s after %.0f s of waiting: %d documents indexed, %d rows to index%n",
                            finished ? "completed" : "NOT completed (time limit " + seconds + " s)", waited, indexed, wanted);
                    return new Outcome(finished, waited, indexed, wanted);
                }
                if (System.nanoTime() - reported > Duration.ofSeconds(30).toNanos()) {
                    reported = System.nanoTime();
                    System.out.printf(Locale.ROOT, "  waiting for the search backfill: %d of %d documents after %.0f s%n",
                            single(c, "select count(*) from search_document"), wanted, waited);
                }
                Thread.sleep(2_000);
            }
        }
    }

    private static long single(Connection c, String sql) throws Exception {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
