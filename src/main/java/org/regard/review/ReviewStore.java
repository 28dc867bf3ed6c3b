package org.regard.review;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** The review table: a row is inserted when work is held and updated once, when it is decided. */
@Repository
class ReviewStore {
    private static final String COLUMNS = """
            id, kind, subject_id, ticket_id, team_id, author_agent_id, round_no, reasons, summary, state, requested_at,
            reviewer_agent_id, decided_at, decision_comment, edited_text""";

    private final JdbcClient jdbc;

    ReviewStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insert(ReviewRequest r, int round, Instant now) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                        insert into review (kind, subject_id, ticket_id, team_id, author_agent_id, round_no, reasons, summary,
                            state, requested_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?, 'PENDING', ?)""")
                .params(r.kind(), r.subjectId(), r.ticketId(), r.teamId(), r.authorAgentId(), round,
                        String.join("\n", r.reasons()), r.summary(), Timestamp.from(now))
                .update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }

    Optional<ReviewRow> latest(String kind, long subjectId) {
        return jdbc.sql("select " + COLUMNS + " from review where kind = ? and subject_id = ? order by round_no desc fetch first 1 rows only")
                .params(kind, subjectId).query(ReviewStore::row).optional();
    }

    Optional<ReviewRow> find(long id) {
        return jdbc.sql("select " + COLUMNS + " from review where id = ?").param(id).query(ReviewStore::row).optional();
    }

    /** The row under a lock held until the transaction ends: two reviewers deciding at once take turns. */
    Optional<ReviewRow> lock(long id) {
        return jdbc.sql("select " + COLUMNS + " from review where id = ? for update").param(id).query(ReviewStore::row).optional();
    }

    /** Every round of a piece of work, oldest first. */
    List<ReviewRow> rounds(String kind, long subjectId) {
        return jdbc.sql("select " + COLUMNS + " from review where kind = ? and subject_id = ? order by round_no")
                .params(kind, subjectId).query(ReviewStore::row).list();
    }

    /** Every round on a ticket, oldest first. */
    List<ReviewRow> ofTicket(long ticketId) {
        return jdbc.sql("select " + COLUMNS + " from review where ticket_id = ? order by id")
                .param(ticketId).query(ReviewStore::row).list();
    }

    /**
     * Reviews in a state, oldest first, of the given teams ({@code null}: every team), at most {@code limit}.
     */
    List<ReviewRow> inState(ReviewState state, Collection<Long> teamIds, int limit) {
        if (teamIds != null && teamIds.isEmpty()) {
            return List.of();
        }
        String teams = teamIds == null ? "" : " and team_id in (:teams)";
        var spec = jdbc.sql("select " + COLUMNS + " from review where state = :state" + teams
                        + " order by requested_at, id fetch first :limit rows only")
                .param("state", state.name()).param("limit", limit);
        if (teamIds != null) {
            spec = spec.param("teams", teamIds);
        }
        return spec.query(ReviewStore::row).list();
    }

    void decide(long id, ReviewState state, long reviewerId, Instant now, String comment, String editedText) {
        jdbc.sql("""
                        update review set state = ?, reviewer_agent_id = ?, decided_at = ?, decision_comment = ?, edited_text = ?
                        where id = ? and state = 'PENDING'""")
                .params(state.name(), reviewerId, Timestamp.from(now), comment, editedText, id).update();
    }

    /**
     * The author withdrew the work while its round waited: the round leaves the queue, kept as withdrawn (when, not by
     * whom: its author) so that a decision arriving later is told so. Decided rounds stay as they are.
     */
    void withdrawPending(String kind, long subjectId, Instant at) {
        jdbc.sql("update review set state = 'WITHDRAWN', decided_at = ? where kind = ? and subject_id = ? and state = 'PENDING'")
                .params(Timestamp.from(at), kind, subjectId).update();
    }

    private static ReviewRow row(ResultSet rs, int n) throws SQLException {
        String reasons = rs.getString(8);
        return new ReviewRow(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getLong(4), rs.getLong(5), rs.getLong(6),
                rs.getInt(7), reasons == null || reasons.isEmpty() ? List.of() : Arrays.asList(reasons.split("\n")),
                rs.getString(9), ReviewState.valueOf(rs.getString(10)), instant(rs, 11), rs.getObject(12, Long.class),
                instant(rs, 13), rs.getString(14), rs.getString(15));
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
