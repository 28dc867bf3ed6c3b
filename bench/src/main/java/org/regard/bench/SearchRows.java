package org.regard.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.sql.Types;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The search rows Regard writes for a document, written the way its search stores write them: on PostgreSQL one
 * {@code search_document} row whose {@code tsvector} is built by the same SQL expression (four weighted groups of
 * terms and the conversation); on H2 the document row and one {@code search_token} row per distinct term, in one
 * multi-row insert. The terms come from a simpler folding than the application's (lower case, split at anything that
 * is not a letter or digit, a crude stem where it differs): about as many terms per text, so the rows cost the
 * database what the application's cost.
 */
final class SearchRows {
    private static final String COLUMNS = "insert into search_document (kind, ref_id, ticket_id, team_id, customer_id, status, language,"
            + " created_at, title, body, folded";
    private static final String PG_TSV = ", setweight(to_tsvector('simple', ?), 'A') || setweight(to_tsvector('simple', ?), 'B')"
            + " || setweight(to_tsvector('simple', ?), 'C') || setweight(to_tsvector('simple', ?), 'D')"
            + " || setweight(strip(to_tsvector('simple', ?)), 'D')";

    private SearchRows() {
    }

    record Doc(String kind, long refId, Long ticketId, Long teamId, long customerId, String status, String language, Timestamp createdAt,
               String title, String body, String conversation) {
    }

    /** Removes the document of this kind and reference (its H2 token rows go with it, by the foreign key's cascade). */
    static void remove(Connection c, String kind, long refId) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("delete from search_document where kind = ? and ref_id = ?")) {
            s.setString(1, kind);
            s.setLong(2, refId);
            s.executeUpdate();
        }
    }

    static void insert(Connection c, boolean postgres, Doc doc) throws SQLException {
        List<String> titleExact = words(doc.title());
        List<String> bodyExact = words(doc.body());
        List<String> titleStems = stems(titleExact);
        List<String> bodyStems = stems(bodyExact);
        Set<String> conversation = new LinkedHashSet<>();
        for (String w : words(doc.conversation())) {
            conversation.add(w);
            String stem = stem(w);
            if (!stem.equals(w)) {
                conversation.add(stem);
            }
        }
        List<String> folded = new ArrayList<>(titleExact);
        folded.addAll(bodyExact);
        String sql = COLUMNS + (postgres ? ", tsv" : "") + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?" + (postgres ? PG_TSV : "") + ")";
        long docId;
        try (PreparedStatement s = c.prepareStatement(sql, postgres ? Statement.NO_GENERATED_KEYS : Statement.RETURN_GENERATED_KEYS)) {
            s.setString(1, doc.kind());
            s.setLong(2, doc.refId());
            setLong(s, 3, doc.ticketId());
            setLong(s, 4, doc.teamId());
            s.setLong(5, doc.customerId());
            s.setString(6, doc.status());
            s.setString(7, doc.language());
            s.setTimestamp(8, doc.createdAt());
            s.setString(9, doc.title());
            s.setString(10, doc.body());
            s.setString(11, String.join(" ", folded));
            if (postgres) {
                s.setString(12, String.join(" ", titleExact));
                s.setString(13, String.join(" ", bodyExact));
                s.setString(14, String.join(" ", titleStems));
                s.setString(15, String.join(" ", bodyStems));
                s.setString(16, String.join(" ", conversation));
            }
            s.executeUpdate();
            if (postgres) {
                return;
            }
            try (ResultSet keys = s.getGeneratedKeys()) {
                keys.next();
                docId = keys.getLong(1);
            }
        }
        // H2: one row per distinct term with its summed weight (exact title 8, exact body 4, title stem 2, body stem 1,
        // conversation 1), as H2SearchStore writes them
        Map<String, Integer> weights = new LinkedHashMap<>();
        titleExact.forEach(t -> weights.merge(t, 8, Integer::sum));
        bodyExact.forEach(t -> weights.merge(t, 4, Integer::sum));
        titleStems.forEach(t -> weights.merge(t, 2, Integer::sum));
        bodyStems.forEach(t -> weights.merge(t, 1, Integer::sum));
        conversation.forEach(t -> weights.merge(t, 1, Integer::sum));
        if (weights.isEmpty()) {
            return;
        }
        StringBuilder tokens = new StringBuilder("insert into search_token (token, doc_id, weight) values ");
        for (int i = 0; i < weights.size(); i++) {
            tokens.append(i == 0 ? "(?, ?, ?)" : ", (?, ?, ?)");
        }
        try (PreparedStatement s = c.prepareStatement(tokens.toString())) {
            int p = 1;
            for (Map.Entry<String, Integer> e : weights.entrySet()) {
                s.setString(p++, e.getKey());
                s.setLong(p++, docId);
                s.setInt(p++, e.getValue());
            }
            s.executeUpdate();
        }
    }

    /** Follows a ticket's team and status on its own document and its messages', as the application does on a status change. */
    static void ticketMoved(Connection c, long ticketId, long teamId, String status) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("update search_document set team_id = ?, status = ? where ticket_id = ?")) {
            s.setLong(1, teamId);
            s.setString(2, status);
            s.setLong(3, ticketId);
            s.executeUpdate();
        }
    }

    static List<String> words(String text) {
        List<String> words = new ArrayList<>();
        if (text == null) {
            return words;
        }
        for (String w : text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{Nd}]+")) {
            if (!w.isEmpty() && w.length() <= 100) {
                words.add(w);
            }
        }
        return words;
    }

    private static List<String> stems(List<String> words) {
        List<String> stems = new ArrayList<>();
        for (String w : words) {
            String stem = stem(w);
            if (!stem.equals(w)) {
                stems.add(stem);
            }
        }
        return stems;
    }

    private static String stem(String w) {
        if (w.length() <= 3) {
            return w;
        }
        String s = w.endsWith("ing") ? w.substring(0, w.length() - 3) : w.endsWith("ed") ? w.substring(0, w.length() - 2)
                : w.endsWith("s") ? w.substring(0, w.length() - 1) : w;
        return s.replaceAll("(.)\\1", "$1");
    }

    private static void setLong(PreparedStatement s, int i, Long v) throws SQLException {
        if (v == null) {
            s.setNull(i, Types.BIGINT);
        } else {
            s.setLong(i, v);
        }
    }
}
