package org.regard.search;

import org.springframework.jdbc.core.SqlParameterValue;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;

import java.sql.Timestamp;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Where search documents live, and how they are matched: the same table on both databases, matched by PostgreSQL's
 * full-text index or by H2's token table. Every write happens in the caller's transaction.
 */
abstract class SearchStore {
    protected final JdbcClient jdbc;

    SearchStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * A matching document before its snippet is cut, with what a result shows beside it: the ticket's status, team and
     * customer (null for a customer) and when it was written.
     */
    record Match(long docId, SearchKind kind, long refId, Long ticketId, String title, String body, double score,
                 String status, Long teamId, Long customerId, Instant createdAt) {

        Match withScore(double newScore) {
            return new Match(docId, kind, refId, ticketId, title, body, newScore, status, teamId, customerId, createdAt);
        }
    }

    /** The columns {@link #match} reads, on alias {@code d}; the query adds {@code score}. */
    protected static final String MATCH_COLUMNS =
            "d.id, d.kind, d.ref_id, d.ticket_id, d.title, d.body, d.status, d.team_id, d.customer_id, d.created_at";

    /** Adds or replaces the document of this kind and reference. */
    final void put(SearchDocument doc) {
        remove(doc.kind(), doc.refId());
        add(doc);
    }

    /** Adds the document of something just written, which has none yet. */
    final void add(SearchDocument doc) {
        IndexedTerms terms = doc.terms();
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("insert into search_document (kind, ref_id, ticket_id, team_id, customer_id, status, language, created_at, title, body, folded"
                        + tsvColumn() + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?" + tsvValue() + ")")
                .params(insertParams(doc, terms))
                .update(key, "id");
        afterInsert(key.getKey().longValue(), terms);
    }

    /**
     * Adds documents that are not indexed yet (the backfill), leaving alone any that a concurrent write indexed
     * meanwhile.
     */
    void putAllNew(List<SearchDocument> docs) {
        for (SearchDocument doc : docs) {
            boolean known = jdbc.sql("select count(*) from search_document where kind = ? and ref_id = ?")
                    .params(doc.kind().name(), doc.refId()).query(Long.class).single() > 0;
            if (!known) {
                put(doc);
            }
        }
    }

    protected List<Object> insertParams(SearchDocument doc, IndexedTerms terms) {
        return new java.util.ArrayList<>(List.of(doc.kind().name(), doc.refId(), bigint(doc.ticketId()), bigint(doc.teamId()),
                bigint(doc.customerId()), text(doc.status()), text(doc.language()), Timestamp.from(doc.createdAt()),
                doc.title(), doc.body(), terms.folded()));
    }

    private static SqlParameterValue bigint(Long value) {
        return new SqlParameterValue(Types.BIGINT, value);
    }

    private static SqlParameterValue text(String value) {
        return new SqlParameterValue(Types.VARCHAR, value);
    }

    protected String tsvColumn() {
        return "";
    }

    protected String tsvValue() {
        return "";
    }

    protected void afterInsert(long docId, IndexedTerms terms) {
    }

    final void remove(SearchKind kind, long refId) {
        jdbc.sql("delete from search_document where kind = ? and ref_id = ?").params(kind.name(), refId).update();
    }

    /** Follows a ticket's team and status on its own document and its messages'. */
    final void ticketMoved(long ticketId, long teamId, String status) {
        jdbc.sql("update search_document set team_id = ?, status = ? where ticket_id = ?").params(teamId, status, ticketId).update();
    }

    /** A merged ticket's messages' documents now belong to the survivor (its team, customer and status). */
    final void ticketMerged(long survivorId, long mergedId, long teamId, long customerId, String status) {
        jdbc.sql("update search_document set ticket_id = ?, team_id = ?, customer_id = ?, status = ? where ticket_id = ? and kind = 'MESSAGE'")
                .params(survivorId, teamId, customerId, status, mergedId).update();
    }

    /** Follows a customer's language on their tickets and messages. */
    final void customerSpeaks(long customerId, String language) {
        jdbc.sql("update search_document set language = ? where customer_id = ? and kind <> 'CUSTOMER'")
                .params(text(language), customerId).update();
    }

    /** A merged customer's document goes; their tickets' and messages' documents now belong to the survivor. */
    final void customerMerged(long survivorId, long mergedId) {
        remove(SearchKind.CUSTOMER, mergedId);
        jdbc.sql("update search_document set customer_id = ? where customer_id = ?").params(survivorId, mergedId).update();
    }

    /**
     * After a bulk fill: lets the database's planner see the table as it now is. Statistics gathered while it was
     * empty make PostgreSQL scan millions of rows for the newest twenty thousand until its autovacuum catches up.
     */
    void refreshStatistics() {
    }

    final boolean isEmpty() {
        return jdbc.sql("select count(*) from (select 1 from search_document limit 1) x").query(Long.class).single() == 0;
    }

    /**
     * How far back the first attempts look, in documents: a word in half of all messages cannot be ranked across
     * millions of rows within a page's time, and the newest matches are what an agent most likely wants. A query that
     * fills its page from the newest documents stops there; otherwise it looks further back, and finally everywhere
     * (then the matches are few, so ranking all of them is cheap).
     */
    static final long[] RECENT_WINDOWS = {20_000, 200_000, 2_000_000};
    private static final Duration CUTOFF_AGE = Duration.ofMinutes(1);

    private record Cutoffs(long computedAt, List<Instant> since) {
    }

    private volatile Cutoffs cutoffs = new Cutoffs(Long.MIN_VALUE, List.of());
    private volatile long[] windows = RECENT_WINDOWS;

    /** Tests: looks through windows of these sizes from now on, their cutoffs computed at once. */
    final void useWindows(long... sizes) {
        windows = sizes.clone();
        cutoffs = new Cutoffs(System.nanoTime(), cutoffsOf(windows));
    }

    /**
     * The best matches of the query that the given teams may see ({@code teams} null: every team), best first: ranked
     * among the newest {@link #RECENT_WINDOWS} documents when those alone fill the page; customers among all of them.
     */
    final List<Match> search(SearchQuery query, Set<Long> teams) {
        if (query.kind() == SearchKind.CUSTOMER) {
            // people are few next to messages, and a name matches few of them: straight to the word index
            return search(query, teams, null, false);
        }
        boolean newest = true;
        for (Instant since : recentCutoffs()) {
            List<Match> recent = search(query, teams, since, newest);
            newest = false;
            if (recent.size() >= query.limit()) {
                return recent;
            }
        }
        return search(query, teams, null, false);
    }

    private final java.util.concurrent.atomic.AtomicBoolean refreshing = new java.util.concurrent.atomic.AtomicBoolean();

    /**
     * When the newest N documents begin, for each window the index is larger than. Counting two million entries down
     * an index takes most of a second at millions of documents, so no search waits for it: the cutoffs are refreshed
     * in the background once they are a minute old, and searches use the known ones meanwhile. Only the very first
     * search computes the smallest window itself (a few milliseconds).
     */
    private List<Instant> recentCutoffs() {
        Cutoffs known = cutoffs;
        long now = System.nanoTime();
        if (known.computedAt() == Long.MIN_VALUE) {
            List<Instant> first = new java.util.ArrayList<>();
            cutoff(windows[0]).ifPresent(first::add);
            if (first.isEmpty()) { // a small index: every search looks at all of it
                cutoffs = new Cutoffs(now, List.of());
                return List.of();
            }
            known = new Cutoffs(now - CUTOFF_AGE.toNanos(), List.copyOf(first)); // stale at once: the rest follows
            cutoffs = known;
        }
        if (now - known.computedAt() >= CUTOFF_AGE.toNanos() && refreshing.compareAndSet(false, true)) {
            Thread.ofVirtual().name("search-cutoffs").start(() -> {
                try {
                    long[] sizes = windows;
                    List<Instant> since = cutoffsOf(sizes);
                    if (sizes == windows) {
                        cutoffs = new Cutoffs(System.nanoTime(), since);
                    }
                } catch (RuntimeException e) {
                    org.slf4j.LoggerFactory.getLogger(SearchStore.class).warn("Could not refresh the search windows", e);
                } finally {
                    refreshing.set(false);
                }
            });
        }
        return known.since();
    }

    /** Where each window begins, for the windows the index is larger than. */
    private List<Instant> cutoffsOf(long[] sizes) {
        List<Instant> since = new java.util.ArrayList<>();
        for (long window : sizes) {
            cutoff(window).ifPresent(since::add);
        }
        return List.copyOf(since);
    }

    private java.util.Optional<Instant> cutoff(long window) {
        return jdbc.sql("select created_at from search_document order by created_at desc limit 1 offset ?").param(window)
                .query((rs, n) -> rs.getTimestamp(1).toInstant()).optional();
    }

    /**
     * The best matches among documents created at or after {@code since} (null: all). {@code newestOnly}: the first,
     * smallest window, where reading the newest documents one by one beats looking the words up in the index.
     */
    abstract List<Match> search(SearchQuery query, Set<Long> teams, Instant since, boolean newestOnly);

    /** The filters and visibility, as SQL on alias {@code d} with named parameters. */
    protected static String filters(SearchQuery q, Set<Long> teams, Instant since, Map<String, Object> params) {
        StringBuilder sql = new StringBuilder();
        if (since != null) {
            sql.append(" and d.created_at >= :since");
            params.put("since", Timestamp.from(since));
        }
        if (teams != null) {
            if (teams.isEmpty()) {
                sql.append(" and d.kind in ('CUSTOMER', 'PROCEDURE')");
            } else {
                sql.append(" and (d.kind in ('CUSTOMER', 'PROCEDURE') or d.team_id in (:teams))");
                params.put("teams", teams);
            }
        }
        if (q.kind() != null) {
            sql.append(" and d.kind = :kind");
            params.put("kind", q.kind().name());
        }
        if (q.status() != null) {
            sql.append(" and d.status = :status");
            params.put("status", q.status().name());
        }
        if (q.teamId() != null) {
            sql.append(" and d.team_id = :team");
            params.put("team", q.teamId());
        }
        if (q.from() != null) {
            sql.append(" and d.created_at >= :from");
            params.put("from", Timestamp.from(q.from().atStartOfDay(ZoneOffset.UTC).toInstant()));
        }
        if (q.to() != null) {
            sql.append(" and d.created_at < :to");
            params.put("to", Timestamp.from(q.to().plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant()));
        }
        if (q.language() != null) {
            sql.append(" and lower(d.language) = :language");
            params.put("language", q.language().toLowerCase(java.util.Locale.ROOT));
        }
        return sql.toString();
    }

    protected static Map<String, Object> newParams() {
        return new HashMap<>();
    }

    protected static Match match(java.sql.ResultSet rs) throws java.sql.SQLException {
        long ticketId = rs.getLong("ticket_id");
        Long ticket = rs.wasNull() ? null : ticketId;
        return new Match(rs.getLong("id"), SearchKind.valueOf(rs.getString("kind")), rs.getLong("ref_id"),
                ticket, rs.getString("title"), rs.getString("body"), rs.getDouble("score"), rs.getString("status"),
                rs.getObject("team_id", Long.class), rs.getObject("customer_id", Long.class),
                rs.getTimestamp("created_at").toInstant());
    }
}
