package org.regard.search;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Fills an empty index from the tickets, messages and customers already stored (a database from before search, or
 * one loaded in bulk), in the background after start, in batches of their own transactions. It reads those tables
 * directly, read-only: going through the modules' public reads one row at a time would take hours for millions of
 * messages. Writes made meanwhile are indexed by {@link SearchIndexer} as usual; the backfill never overwrites them.
 */
@Component
class SearchBackfill {
    private static final Logger log = LoggerFactory.getLogger(SearchBackfill.class);
    static final int BATCH = 500;

    private final SearchStore store;
    private final JdbcClient jdbc;
    private final TransactionTemplate tx;

    SearchBackfill(SearchStore store, JdbcClient jdbc, PlatformTransactionManager txManager) {
        this.store = store;
        this.jdbc = jdbc;
        this.tx = new TransactionTemplate(txManager);
    }

    @EventListener(ApplicationReadyEvent.class)
    void startIfEmpty() {
        if (!store.isEmpty()) {
            return;
        }
        boolean anything = jdbc.sql("select count(*) from (select id from customer limit 1) x").query(Long.class).single() > 0;
        if (anything) {
            Thread.ofVirtual().name("search-backfill").start(this::run);
        }
    }

    void run() {
        long started = System.nanoTime();
        try {
            long customers = fill("""
                    select c.id, c.name, c.language, c.created_at,
                           (select string_agg(e.email, ' ') from customer_email e where e.customer_id = c.id) as emails,
                           (select string_agg(n.body, ' ') from customer_note n where n.customer_id = c.id) as notes
                    from customer c where c.id > :after order by c.id limit :limit""",
                    rs -> new SearchDocument(SearchKind.CUSTOMER, rs.getLong("id"), null, null, rs.getLong("id"), null,
                            rs.getString("language"), rs.getTimestamp("created_at").toInstant(), rs.getString("name"),
                            join(rs.getString("emails"), rs.getString("notes"))));
            long ticketCount = fill("""
                    select t.id, t.subject, t.status, t.team_id, t.customer_id, t.created_at, c.language
                    from ticket t join customer c on c.id = t.customer_id where t.id > :after order by t.id limit :limit""",
                    rs -> new SearchDocument(SearchKind.TICKET, rs.getLong("id"), rs.getLong("id"), rs.getLong("team_id"),
                            rs.getLong("customer_id"), rs.getString("status"), rs.getString("language"),
                            rs.getTimestamp("created_at").toInstant(), rs.getString("subject"), ""));
            long messages = fill("""
                    select m.id, m.ticket_id, m.body, m.created_at, t.subject, t.status, t.team_id, t.customer_id, c.language
                    from message m join ticket t on t.id = m.ticket_id join customer c on c.id = t.customer_id
                    where m.id > :after order by m.id limit :limit""",
                    rs -> new SearchDocument(SearchKind.MESSAGE, rs.getLong("id"), rs.getLong("ticket_id"), rs.getLong("team_id"),
                            rs.getLong("customer_id"), rs.getString("status"), rs.getString("language"),
                            rs.getTimestamp("created_at").toInstant(), rs.getString("subject"), rs.getString("body")));
            log.info("Search index filled: {} customers, {} tickets, {} messages in {} s", customers, ticketCount, messages,
                    (System.nanoTime() - started) / 1_000_000_000);
        } catch (RuntimeException e) {
            log.error("Filling the search index stopped; it resumes on the next start only if the index is empty", e);
        }
    }

    private interface Row {
        SearchDocument read(ResultSet rs) throws SQLException;
    }

    private long fill(String sql, Row row) {
        long after = 0;
        long count = 0;
        while (true) {
            Map<String, Object> params = new HashMap<>();
            params.put("after", after);
            params.put("limit", BATCH);
            List<SearchDocument> docs = new ArrayList<>();
            jdbc.sql(sql).params(params).query((ResultSet rs) -> {
                docs.add(row.read(rs));
            });
            if (docs.isEmpty()) {
                return count;
            }
            tx.executeWithoutResult(s -> store.putAllNew(docs));
            after = docs.getLast().refId();
            count += docs.size();
            if (count % 50_000 < BATCH) {
                log.info("Search index: {} {} documents so far", count, docs.getFirst().kind().name().toLowerCase(java.util.Locale.ROOT));
            }
        }
    }

    private static String join(String a, String b) {
        return (a == null ? "" : a) + (b == null ? "" : "\n" + b);
    }
}
