package org.regard.reports;

import org.regard.tickets.TicketQueries;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Counts the tickets stored before the ledger kept per-ticket facts (an upgrade, a bulk load) into the reports, in the
 * background after start, by ticket id in batches of their own transactions, reading them through
 * {@link TicketQueries#reportFacts}. Its progress is the single row of {@code report_backfill}: the last id done, the
 * highest id to do (the highest at its first start: later tickets are heard from events), and a lease, so that of
 * several nodes one works at a time and another takes over when the holder stops renewing it (a crash). Each batch
 * advances the progress in its own transaction, so a stopped node loses at most one batch of work, done again. A ticket
 * the ledger already knows is skipped ({@code report_ticket}'s key), so nothing counts twice.
 */
@Component
class ReportBackfill {
    private static final Logger log = LoggerFactory.getLogger(ReportBackfill.class);
    static final int BATCH = 500;
    static final Duration LEASE = Duration.ofSeconds(60);

    private final JdbcClient jdbc;
    private final TicketQueries tickets;
    private final ReportFacts facts;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final boolean enabled;
    private final String node = "node-" + UUID.randomUUID();

    ReportBackfill(JdbcClient jdbc, TicketQueries tickets, ReportFacts facts, PlatformTransactionManager txManager, Clock clock,
                   @Value("${regard.reports.backfill:true}") boolean enabled) {
        this.jdbc = jdbc;
        this.tickets = tickets;
        this.facts = facts;
        this.tx = new TransactionTemplate(txManager);
        this.clock = clock;
        this.enabled = enabled;
    }

    @EventListener(ApplicationReadyEvent.class)
    void startWhenNeeded() {
        // an empty desk has nothing to count, and must not record the backfill finished: tickets loaded in bulk before
        // the next start (the bench's load) are counted then
        if (enabled && !finished() && tickets.highestTicketId() > 0) {
            Thread.ofVirtual().name("report-backfill").start(this::runUntilFinished);
        }
    }

    boolean finished() {
        return jdbc.sql("select count(*) from report_backfill where id = 1 and finished_at is not null").query(Long.class).single() > 0;
    }

    private void runUntilFinished() {
        try {
            while (!finished()) {
                if (!run()) {
                    Thread.sleep(LEASE.toMillis() / 2); // another node holds the lease: take over if it stops renewing it
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            log.error("Counting stored tickets into the reports stopped; it goes on from where it stopped at the next start", e);
        }
    }

    /** Takes the lease and counts every remaining batch; false when another node holds the lease. */
    boolean run() {
        Instant now = Instant.now(clock);
        int claimed = jdbc.sql("""
                        update report_backfill set lease_holder = ?, lease_until = ?
                        where id = 1 and finished_at is null and (lease_holder is null or lease_holder = ? or lease_until < ?)""")
                .params(node, Timestamp.from(now.plus(LEASE)), node, Timestamp.from(now)).update();
        if (claimed == 0) {
            return finished();
        }
        jdbc.sql("update report_backfill set upto_id = ? where id = 1 and upto_id is null").param(tickets.highestTicketId()).update();
        long upto = jdbc.sql("select upto_id from report_backfill where id = 1").query(Long.class).single();
        long started = System.nanoTime();
        long counted = 0;
        while (true) {
            Long done = tx.execute(s -> batch(upto));
            if (done == null) {
                log.info("Another node took over counting stored tickets into the reports");
                return true;
            }
            if (done < 0) {
                break;
            }
            counted += done;
        }
        log.info("Reports: {} stored tickets counted in {} s", counted, (System.nanoTime() - started) / 1_000_000_000);
        return true;
    }

    /** One batch: the tickets counted, -1 when none were left (and the backfill is recorded finished), null when the lease was lost. */
    private Long batch(long upto) {
        Long after = jdbc.sql("select after_id from report_backfill where id = 1 and lease_holder = ? for update")
                .param(node).query(Long.class).optional().orElse(null);
        if (after == null) {
            return null;
        }
        Instant now = Instant.now(clock);
        List<TicketQueries.ReportFacts> rows = tickets.reportFacts(after, upto, BATCH);
        if (rows.isEmpty()) {
            jdbc.sql("update report_backfill set finished_at = ?, lease_holder = null, lease_until = null where id = 1")
                    .param(Timestamp.from(now)).update();
            return -1L;
        }
        long counted = rows.stream().filter(facts::backfill).count();
        jdbc.sql("update report_backfill set after_id = ?, tickets = tickets + ?, lease_until = ? where id = 1")
                .params(rows.getLast().id(), counted, Timestamp.from(now.plus(LEASE))).update();
        return counted;
    }
}
