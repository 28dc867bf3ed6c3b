package org.regard.reports;

import org.regard.ratings.Rating;
import org.regard.ratings.Ratings;
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
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
    private final Ratings ratings;
    private final CustomerTiers tiers;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final boolean enabled;
    private final String node = "node-" + UUID.randomUUID();

    ReportBackfill(JdbcClient jdbc, TicketQueries tickets, ReportFacts facts, Ratings ratings, CustomerTiers tiers,
                   PlatformTransactionManager txManager, Clock clock, @Value("${regard.reports.backfill:true}") boolean enabled) {
        this.jdbc = jdbc;
        this.tickets = tickets;
        this.facts = facts;
        this.ratings = ratings;
        this.tiers = tiers;
        this.tx = new TransactionTemplate(txManager);
        this.clock = clock;
        this.enabled = enabled;
    }

    @EventListener(ApplicationReadyEvent.class)
    void startWhenNeeded() {
        // an empty desk has nothing to count, and must not record the backfill finished: tickets loaded in bulk before
        // the next start (the bench's load) are counted then
        if (enabled && (!finished() || !finished(MORE)) && tickets.highestTicketId() > 0) {
            Thread.ofVirtual().name("report-backfill").start(() -> {
                runUntilFinished(FIRST);
                runUntilFinished(MORE);
            });
        }
    }

    /** The first pass (V13_4_1): tickets, resolutions, reopenings, volume and backlog. */
    static final String FIRST = "report_backfill";
    /**
     * The second pass (V13_5_1): tier, flags and root causes, purchase references and ratings of tickets stored before
     * (including those the first pass or the events already counted, which knew nothing of these), with its own progress.
     */
    static final String MORE = "report_backfill_more";

    boolean finished() {
        return finished(FIRST);
    }

    boolean finished(String table) {
        return jdbc.sql("select count(*) from " + table + " where id = 1 and finished_at is not null").query(Long.class).single() > 0;
    }

    private void runUntilFinished(String table) {
        try {
            while (!finished(table)) {
                if (!run(table)) {
                    Thread.sleep(LEASE.toMillis() / 2); // another node holds the lease: take over if it stops renewing it
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            log.error("Counting stored tickets into the reports stopped; it goes on from where it stopped at the next start", e);
        }
    }

    /** Takes the lease and counts every remaining batch of the first pass; false when another node holds the lease. */
    boolean run() {
        return run(FIRST);
    }

    /** The same for the second pass ({@link #MORE}). */
    boolean runMore() {
        return run(MORE);
    }

    private boolean run(String table) {
        Instant now = Instant.now(clock);
        int claimed = jdbc.sql("update " + table + """
                         set lease_holder = ?, lease_until = ?
                        where id = 1 and finished_at is null and (lease_holder is null or lease_holder = ? or lease_until < ?)""")
                .params(node, Timestamp.from(now.plus(LEASE)), node, Timestamp.from(now)).update();
        if (claimed == 0) {
            return finished(table);
        }
        jdbc.sql("update " + table + " set upto_id = ? where id = 1 and upto_id is null").param(tickets.highestTicketId()).update();
        long upto = jdbc.sql("select upto_id from " + table + " where id = 1").query(Long.class).single();
        long started = System.nanoTime();
        long counted = 0;
        while (true) {
            Long done = tx.execute(s -> batch(table, upto));
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
    private Long batch(String table, long upto) {
        Long after = jdbc.sql("select after_id from " + table + " where id = 1 and lease_holder = ? for update")
                .param(node).query(Long.class).optional().orElse(null);
        if (after == null) {
            return null;
        }
        Instant now = Instant.now(clock);
        List<TicketQueries.ReportFacts> rows = tickets.reportFacts(after, upto, BATCH);
        if (rows.isEmpty()) {
            jdbc.sql("update " + table + " set finished_at = ?, lease_holder = null, lease_until = null where id = 1")
                    .param(Timestamp.from(now)).update();
            return -1L;
        }
        long counted;
        if (FIRST.equals(table)) {
            counted = rows.stream().filter(facts::backfill).count();
        } else {
            Map<Long, String> tierOf = tiers.tiersOf(rows.stream().map(TicketQueries.ReportFacts::customerId).distinct().toList());
            Map<Long, List<ReportFacts.Answer>> answers = new HashMap<>();
            for (Rating r : ratings.answeredOfTickets(after, rows.getLast().id())) {
                answers.computeIfAbsent(r.ticketId(), k -> new ArrayList<>()).add(new ReportFacts.Answer(r.id(), r.ticketId(),
                        r.teamId(), r.score().name(), r.resolvedAt(), r.answeredAt()));
            }
            rows.forEach(t -> facts.backfillMore(t, tierOf.get(t.customerId()), answers.getOrDefault(t.id(), List.of())));
            counted = rows.size();
        }
        jdbc.sql("update " + table + " set after_id = ?, tickets = tickets + ?, lease_until = ? where id = 1")
                .params(rows.getLast().id(), counted, Timestamp.from(now.plus(LEASE))).update();
        return counted;
    }
}
