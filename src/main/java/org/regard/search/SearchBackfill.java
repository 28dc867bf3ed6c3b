package org.regard.search;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Indexes the tickets, messages and customers that have no search document yet (a database from before search, one
 * loaded in bulk, or a backfill a stopped node left half done), in the background after start, in batches of their
 * own transactions, by several workers each taking a slice of the ids. It reads those tables directly, read-only:
 * going through the modules' public reads one row at a time would take hours for millions of messages. Writes made
 * meanwhile are indexed by {@link SearchIndexer} as usual; the backfill skips rows that already have a document and
 * never overwrites one. When everything is indexed it records so in {@code search_backfill} and does not run again.
 */
@Component
class SearchBackfill {
    private static final Logger log = LoggerFactory.getLogger(SearchBackfill.class);
    static final int BATCH = 500;
    private static final long PROGRESS_EVERY = 100_000;

    private final SearchStore store;
    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final int workers;

    SearchBackfill(SearchStore store, JdbcClient jdbc, PlatformTransactionManager txManager,
                   @Value("${regard.search.backfill-workers:0}") int workers) {
        this.store = store;
        this.jdbc = jdbc;
        this.tx = new TransactionTemplate(txManager);
        this.workers = workers > 0 ? workers : Math.clamp(Runtime.getRuntime().availableProcessors(), 1, 4);
    }

    @EventListener(ApplicationReadyEvent.class)
    void startWhenNeeded() {
        if (finished()) {
            return;
        }
        // an empty desk has nothing to fill: everything it will ever hold is indexed as it is written
        boolean anything = jdbc.sql("select count(*) from (select id from customer limit 1) x").query(Long.class).single() > 0;
        if (anything) {
            Thread.ofVirtual().name("search-backfill").start(this::run);
        }
    }

    boolean finished() {
        return jdbc.sql("select count(*) from search_backfill").query(Long.class).single() > 0;
    }

    /** Indexes every row that has no document yet, then records that the index is complete. */
    void run() {
        long started = System.nanoTime();
        try {
            long customers = fill(SearchKind.CUSTOMER, "customer", """
                    select c.id, c.name, c.language, c.created_at,
                           (select string_agg(e.email, ' ') from customer_email e where e.customer_id = c.id) as emails,
                           (select string_agg(p.number || ' ' || p.match_key, ' ') from customer_phone p
                            where p.customer_id = c.id) as phones,
                           (select string_agg(n.body, ' ') from customer_note n where n.customer_id = c.id) as notes
                    from customer c where c.id > :after and c.id <= :upto
                    order by c.id limit :limit""",
                    rs -> new SearchDocument(SearchKind.CUSTOMER, rs.getLong("id"), null, null, rs.getLong("id"), null,
                            rs.getString("language"), rs.getTimestamp("created_at").toInstant(), rs.getString("name"),
                            join(join(rs.getString("emails"), rs.getString("phones")), rs.getString("notes"))));
            // a reply held for review is not said yet: it is indexed when a reviewer approves it (AgentReplied)
            long ticketCount = fill(SearchKind.TICKET, "ticket", """
                    select t.id, t.subject, t.status, t.team_id, t.customer_id, t.created_at, c.language, t.purchase_ref,
                           (select string_agg(m.body, ' ') from message m where m.ticket_id = t.id
                            and (m.review_state is null or m.review_state = 'APPROVED')) as conversation
                    from ticket t join customer c on c.id = t.customer_id where t.id > :after and t.id <= :upto
                    order by t.id limit :limit""",
                    rs -> new SearchDocument(SearchKind.TICKET, rs.getLong("id"), rs.getLong("id"), rs.getLong("team_id"),
                            rs.getLong("customer_id"), rs.getString("status"), rs.getString("language"),
                            rs.getTimestamp("created_at").toInstant(), rs.getString("subject"),
                            rs.getString("purchase_ref") == null ? "" : rs.getString("purchase_ref"), rs.getString("conversation")));
            long messages = fill(SearchKind.MESSAGE, "message", """
                    select m.id, m.ticket_id, m.body, m.created_at, t.subject, t.status, t.team_id, t.customer_id, c.language
                    from message m join ticket t on t.id = m.ticket_id join customer c on c.id = t.customer_id
                    where m.id > :after and m.id <= :upto and (m.review_state is null or m.review_state = 'APPROVED')
                    order by m.id limit :limit""",
                    rs -> new SearchDocument(SearchKind.MESSAGE, rs.getLong("id"), rs.getLong("ticket_id"), rs.getLong("team_id"),
                            rs.getLong("customer_id"), rs.getString("status"), rs.getString("language"),
                            rs.getTimestamp("created_at").toInstant(), rs.getString("subject"), rs.getString("body")));
            long seconds = (System.nanoTime() - started) / 1_000_000_000;
            long total = customers + ticketCount + messages;
            if (total > 0) {
                store.refreshStatistics();
            }
            markFinished(total);
            log.info("Search index filled: {} customers, {} tickets, {} messages in {} s ({} documents/s, {} workers)", customers,
                    ticketCount, messages, seconds, seconds == 0 ? total : total / seconds, workers);
        } catch (RuntimeException e) {
            log.error("Filling the search index stopped; it goes on from where it stopped at the next start", e);
        }
    }

    private void markFinished(long documents) {
        try {
            jdbc.sql("insert into search_backfill (id, finished_at, documents) values (1, ?, ?)")
                    .params(Timestamp.from(Instant.now()), documents).update();
        } catch (DuplicateKeyException e) {
            // another node finished the same work at the same time
        }
    }

    private interface Row {
        SearchDocument read(ResultSet rs) throws SQLException;
    }

    /** Splits the ids of {@code table} into one slice per worker and fills the slices side by side. */
    private long fill(SearchKind kind, String table, String sql, Row row) {
        long[] range = jdbc.sql("select coalesce(min(id), 0), coalesce(max(id), 0) from " + table)
                .query((rs, n) -> new long[]{rs.getLong(1) - 1, rs.getLong(2)}).single();
        if (range[1] == 0) { // empty table
            return 0;
        }
        long min = range[0];
        long max = range[1];
        long slice = Math.max(1, (max - min + workers - 1) / workers);
        AtomicLong count = new AtomicLong();
        try (ExecutorService pool = Executors.newFixedThreadPool(workers, Thread.ofPlatform().name("search-backfill-", 1).factory())) {
            List<Future<?>> slices = new ArrayList<>();
            for (long from = min; from < max; from += slice) {
                long after = from;
                long upto = Math.min(max, from + slice);
                slices.add(pool.submit(() -> fillSlice(kind, sql, row, after, upto, count)));
            }
            for (Future<?> f : slices) {
                f.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while filling the search index", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        }
        return count.get();
    }

    private void fillSlice(SearchKind kind, String sql, Row row, long after, long upto, AtomicLong count) {
        while (true) {
            Map<String, Object> params = new HashMap<>();
            params.put("after", after);
            params.put("upto", upto);
            params.put("limit", BATCH);
            List<SearchDocument> docs = new ArrayList<>();
            jdbc.sql(sql).params(params).query((ResultSet rs) -> {
                docs.add(row.read(rs));
            });
            if (docs.isEmpty()) {
                return;
            }
            after = docs.getLast().refId();
            // what is indexed already (written since, or by an earlier run) is left as it is; asked by a range of the
            // unique (kind, ref_id) index rather than an anti-join, whose plan the database may get wrong while the
            // index table grows from nothing
            Set<Long> known = new HashSet<>(jdbc.sql("select ref_id from search_document where kind = ? and ref_id >= ? and ref_id <= ?")
                    .params(kind.name(), docs.getFirst().refId(), after).query(Long.class).list());
            List<SearchDocument> missing = docs.stream().filter(d -> !known.contains(d.refId())).toList();
            if (missing.isEmpty()) {
                continue;
            }
            tx.executeWithoutResult(s -> store.putAllNew(missing));
            long before = count.getAndAdd(missing.size());
            if ((before + missing.size()) / PROGRESS_EVERY > before / PROGRESS_EVERY) {
                log.info("Search index: {} {} documents so far", before + missing.size(), kind.name().toLowerCase(Locale.ROOT));
            }
        }
    }

    private static String join(String a, String b) {
        return (a == null ? "" : a) + (b == null ? "" : "\n" + b);
    }
}
