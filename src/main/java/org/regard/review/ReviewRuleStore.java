package org.regard.review;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** The {@code review_rule} table; words are kept one a line. */
@Repository
class ReviewRuleStore {
    private static final String COLUMNS = "id, kind, target_id, words, team_id, active, created_at, created_by, updated_at, updated_by";
    private static final RowMapper<ReviewRule> ROW = (rs, n) -> new ReviewRule(rs.getLong(1),
            ReviewRuleKind.valueOf(rs.getString(2)), rs.getObject(3, Long.class), lines(rs.getString(4)),
            rs.getObject(5, Long.class), rs.getBoolean(6), rs.getTimestamp(7).toInstant(), rs.getObject(8, Long.class),
            rs.getTimestamp(9).toInstant(), rs.getObject(10, Long.class));

    private final JdbcClient jdbc;

    ReviewRuleStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Every rule, active ones first, then by kind and id. */
    List<ReviewRule> all() {
        return jdbc.sql("select " + COLUMNS + " from review_rule order by active desc, kind, id").query(ROW).list();
    }

    Optional<ReviewRule> byId(long id) {
        return jdbc.sql("select " + COLUMNS + " from review_rule where id = ?").param(id).query(ROW).optional();
    }

    /** The active rules that apply to a reply of this team: one statement, what a reply pays for the rules. */
    List<ReviewRule> activeFor(long teamId) {
        return jdbc.sql("select " + COLUMNS + " from review_rule where active = true and (team_id is null or team_id = ?)")
                .param(teamId).query(ROW).list();
    }

    long insert(ReviewRuleKind kind, Long target, List<String> words, Long team, boolean active, Instant now, Long by) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                        insert into review_rule (kind, target_id, words, team_id, active, created_at, created_by, updated_at, updated_by)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(kind.name(), target, joined(kind, words), team, active, Timestamp.from(now), by, Timestamp.from(now), by)
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    boolean update(long id, ReviewRuleKind kind, Long target, List<String> words, Long team, boolean active, Instant now, Long by) {
        return jdbc.sql("""
                        update review_rule set kind = ?, target_id = ?, words = ?, team_id = ?, active = ?, updated_at = ?,
                        updated_by = ? where id = ?""")
                .params(kind.name(), target, joined(kind, words), team, active, Timestamp.from(now), by, id).update() == 1;
    }

    boolean delete(long id) {
        return jdbc.sql("delete from review_rule where id = ?").param(id).update() == 1;
    }

    private static String joined(ReviewRuleKind kind, List<String> words) {
        return kind == ReviewRuleKind.WORDS ? String.join("\n", words) : null;
    }

    private static List<String> lines(String words) {
        return words == null ? List.of() : Arrays.stream(words.split("\n")).filter(w -> !w.isBlank()).toList();
    }
}
