package org.regard.search;

import org.springframework.jdbc.core.simple.JdbcClient;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * H2: one {@code search_token} row per distinct term of a document, with the term's summed weight there (exact title
 * words 8, exact body words 4, title stems 2, body stems 1, per occurrence). A query looks up each word's terms by the
 * primary key's B-tree, keeps the documents that have every word, and ranks them by their summed weight.
 */
class H2SearchStore extends SearchStore {

    H2SearchStore(JdbcClient jdbc) {
        super(jdbc);
    }

    @Override
    protected void afterInsert(long docId, IndexedTerms terms) {
        Map<String, Integer> weights = terms.weights();
        if (weights.isEmpty()) {
            return;
        }
        StringBuilder sql = new StringBuilder("insert into search_token (token, doc_id, weight) values ");
        List<Object> params = new ArrayList<>();
        int i = 0;
        for (Map.Entry<String, Integer> e : weights.entrySet()) {
            sql.append(i++ == 0 ? "(?, ?, ?)" : ", (?, ?, ?)");
            params.add(e.getKey());
            params.add(docId);
            params.add(e.getValue());
        }
        jdbc.sql(sql.toString()).params(params).update();
    }

    @Override
    List<Match> search(SearchQuery query, Set<Long> teams, java.time.Instant since, boolean newestOnly) {
        return newestOnly && since != null ? searchNewest(query, teams, since) : searchPostings(query, teams, since);
    }

    /**
     * The newest documents one by one (by the {@code created_at} index), each checked for every word by point lookups
     * of {@code (token, doc_id)} in the primary key: the cost follows the window, not the length of a common word's
     * posting list. One lookup per term: with {@code token in (...)} H2 uses only the token part of the key and reads
     * the term's whole posting list for every document.
     */
    private List<Match> searchNewest(SearchQuery query, Set<Long> teams, java.time.Instant since) {
        Map<String, Object> params = newParams();
        List<List<String>> words = query.wordTerms();
        StringBuilder has = new StringBuilder();
        StringBuilder score = new StringBuilder();
        int n = 0;
        for (List<String> terms : words) {
            has.append(" and (");
            for (int j = 0; j < terms.size(); j++) {
                String name = "t" + n++;
                params.put(name, terms.get(j));
                has.append(j == 0 ? "" : " or ").append("exists (select 1 from search_token t where t.token = :").append(name)
                        .append(" and t.doc_id = d.id)");
                score.append(score.isEmpty() ? "" : " + ").append("coalesce((select t.weight from search_token t where t.token = :")
                        .append(name).append(" and t.doc_id = d.id), 0)");
            }
            has.append(")");
        }
        params.put("limit", query.limit());
        String sql = "select " + MATCH_COLUMNS + ", cast(" + score + " as double precision) as score"
                + " from search_document d where 1 = 1" + filters(query, teams, since, params) + has
                + " order by score desc, d.created_at desc, d.id desc limit :limit";
        return jdbc.sql(sql).params(params).query((rs, n2) -> match(rs)).list();
    }

    /** Most documents matching every word that are ranked in Java; a query matching more is ranked by one SQL query. */
    static final int FEW_MATCHES = 5_000;
    private volatile int fewMatches = FEW_MATCHES;

    /** Tests: ranks in Java only up to this many matches (0: always in SQL). */
    void rankInJavaUpTo(int matches) {
        fewMatches = matches;
    }

    /**
     * The documents that have every word, by the words' posting lists. When they are few (a rare word, a name), their
     * ids are read first and only they are checked against the filters: joined in one query, H2 would start from the
     * table when a filter has an index (the kind, say) and aggregate the posting lists again for each row.
     */
    private List<Match> searchPostings(SearchQuery query, Set<Long> teams, java.time.Instant since) {
        Map<String, Object> params = newParams();
        List<List<String>> words = query.wordTerms();
        StringBuilder perWord = new StringBuilder();
        for (int i = 0; i < words.size(); i++) {
            if (i > 0) {
                perWord.append(" union all ");
            }
            perWord.append("select doc_id, sum(weight) as w from search_token where token in (:w").append(i).append(") group by doc_id");
            params.put("w" + i, words.get(i));
        }
        params.put("words", words.size());
        String matching = "select doc_id, cast(sum(w) as double precision) as score from (" + perWord + ") x"
                + " group by doc_id having count(*) = :words";
        int few = fewMatches;
        params.put("cap", few + 1);
        Map<Long, Double> scores = new java.util.HashMap<>();
        jdbc.sql(matching + " limit :cap").params(params).query((java.sql.ResultSet rs) -> {
            scores.put(rs.getLong(1), rs.getDouble(2));
        });
        if (scores.size() <= few) {
            return rankFew(query, teams, since, scores);
        }
        params.remove("cap");
        params.put("limit", query.limit());
        String sql = "select " + MATCH_COLUMNS + ", s.score from search_document d join ("
                + matching + ") s on s.doc_id = d.id"
                + " where 1 = 1" + filters(query, teams, since, params)
                + " order by s.score desc, d.created_at desc, d.id desc limit :limit";
        return jdbc.sql(sql).params(params).query((rs, n) -> match(rs)).list();
    }

    private record Candidate(long id, double score, java.time.Instant createdAt) {
    }

    /** The best of a few matching documents: filtered by their ids, ranked here, and only the page read whole. */
    private List<Match> rankFew(SearchQuery query, Set<Long> teams, java.time.Instant since, Map<Long, Double> scores) {
        if (scores.isEmpty()) {
            return List.of();
        }
        Map<String, Object> params = newParams();
        params.put("ids", scores.keySet());
        List<Candidate> passing = jdbc.sql("select d.id, d.created_at from search_document d where d.id in (:ids)"
                        + filters(query, teams, since, params))
                .params(params)
                .query((rs, n) -> new Candidate(rs.getLong(1), scores.get(rs.getLong(1)), rs.getTimestamp(2).toInstant()))
                .list();
        List<Long> page = passing.stream()
                .sorted(java.util.Comparator.comparingDouble(Candidate::score).reversed()
                        .thenComparing(Candidate::createdAt, java.util.Comparator.reverseOrder())
                        .thenComparing(Candidate::id, java.util.Comparator.reverseOrder()))
                .limit(query.limit()).map(Candidate::id).toList();
        if (page.isEmpty()) {
            return List.of();
        }
        Map<Long, Match> byId = new java.util.HashMap<>();
        jdbc.sql("select " + MATCH_COLUMNS + ", 0 as score from search_document d where d.id in (:ids)")
                .param("ids", page)
                .query((rs, n) -> match(rs)).list()
                .forEach(m -> byId.put(m.docId(), m.withScore(scores.get(m.docId()))));
        return page.stream().map(byId::get).filter(java.util.Objects::nonNull).toList();
    }
}
