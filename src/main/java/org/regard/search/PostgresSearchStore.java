package org.regard.search;

import org.springframework.jdbc.core.simple.JdbcClient;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * PostgreSQL: each document's folded terms in a {@code tsvector} (the {@code simple} configuration, since the words
 * arrive already folded and stemmed) in four weights: exact title words A, exact body words B, title stems C, body
 * stems D, and a ticket's conversation D without positions. A query is an AND of each word's terms OR-ed together, answered by the GIN index, ranked by
 * {@code ts_rank}.
 */
class PostgresSearchStore extends SearchStore {

    PostgresSearchStore(JdbcClient jdbc) {
        super(jdbc);
    }

    @Override
    protected String tsvColumn() {
        return ", tsv";
    }

    @Override
    protected String tsvValue() {
        return ", setweight(to_tsvector('simple', ?), 'A') || setweight(to_tsvector('simple', ?), 'B')"
                + " || setweight(to_tsvector('simple', ?), 'C') || setweight(to_tsvector('simple', ?), 'D')"
                + " || setweight(strip(to_tsvector('simple', ?)), 'D')";
    }

    @Override
    protected List<Object> insertParams(SearchDocument doc, IndexedTerms terms) {
        List<Object> params = super.insertParams(doc, terms);
        params.add(String.join(" ", terms.titleExact()));
        params.add(String.join(" ", terms.bodyExact()));
        params.add(String.join(" ", terms.titleStems()));
        params.add(String.join(" ", terms.bodyStems()));
        params.add(String.join(" ", terms.conversation()));
        return params;
    }

    @Override
    void refreshStatistics() {
        jdbc.sql("analyze search_document").update();
    }

    /** One multi-row insert per batch; a document a concurrent write indexed meanwhile is kept as it is. */
    @Override
    void putAllNew(List<SearchDocument> docs) {
        if (docs.isEmpty()) {
            return;
        }
        StringBuilder sql = new StringBuilder("insert into search_document (kind, ref_id, ticket_id, team_id, customer_id, status, language,"
                + " created_at, title, body, folded" + tsvColumn() + ") values ");
        List<Object> params = new java.util.ArrayList<>();
        for (int i = 0; i < docs.size(); i++) {
            sql.append(i == 0 ? "" : ", ").append("(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?").append(tsvValue()).append(")");
            SearchDocument doc = docs.get(i);
            params.addAll(insertParams(doc, doc.terms()));
        }
        sql.append(" on conflict (kind, ref_id) do nothing");
        jdbc.sql(sql.toString()).params(params).update();
    }

    @Override
    List<Match> search(SearchQuery query, Set<Long> teams, java.time.Instant since, boolean newestOnly) {
        Map<String, Object> params = newParams();
        params.put("query", tsquery(query.wordTerms()));
        params.put("limit", query.limit());
        String sql = "select " + MATCH_COLUMNS + ", ts_rank(d.tsv, q.query) as score"
                + " from " + (newestOnly && since != null
                        // "offset 0" keeps the planner from merging the subquery: it reads the newest rows by the
                        // created_at index and checks the words on each, instead of scanning the word's whole
                        // posting list (millions of entries for a common word) in the GIN index
                        ? "(select * from search_document where created_at >= :since offset 0) d"
                        : "search_document d")
                + ", (select to_tsquery('simple', :query) as query) q"
                + " where d.tsv @@ q.query" + filters(query, teams, since, params)
                + " order by score desc, d.created_at desc, d.id desc limit :limit";
        return jdbc.sql(sql).params(params).query((rs, n) -> match(rs)).list();
    }

    /** {@code ('a' | 'b') & ('c')}: every word, by any of its terms. Terms hold only letters and digits. */
    static String tsquery(List<List<String>> words) {
        return words.stream()
                .map(terms -> terms.stream().map(t -> "'" + t.replace("'", "") + "'").collect(Collectors.joining(" | ", "(", ")")))
                .collect(Collectors.joining(" & "));
    }
}
