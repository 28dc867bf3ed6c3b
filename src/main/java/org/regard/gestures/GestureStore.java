package org.regard.gestures;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** The gestures' tables: {@code gesture} and {@code gesture_limit}. */
@Repository
class GestureStore {
    private static final String GESTURE = """
            select id, ticket_id, customer_id, team_id, category_id, agent_id, kind, amount, currency, reason, state,
                   held_because, created_at, decided_by, decided_at, decision_comment from gesture""";
    private static final String LIMIT = "select id, team_id, agent_id, kind, currency, per_gesture, per_month, set_by, set_at from gesture_limit";

    private final JdbcClient jdbc;

    GestureStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record NewRow(long ticketId, long customerId, long teamId, Long categoryId, long agentId, GestureKind kind,
                  BigDecimal amount, String currency, String reason, GestureState state, String heldBecause,
                  String submissionKey, Instant createdAt) {
    }

    long insert(NewRow r) {
        var keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
        jdbc.sql("""
                        insert into gesture (ticket_id, customer_id, team_id, category_id, agent_id, kind, amount, currency,
                                             reason, state, held_because, submission_key, created_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(r.ticketId(), r.customerId(), r.teamId(), r.categoryId(), r.agentId(), r.kind().key(), r.amount(),
                        r.currency(), r.reason(), r.state().name(), r.heldBecause(), r.submissionKey(), Timestamp.from(r.createdAt()))
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    Optional<Gesture> gesture(long id) {
        return jdbc.sql(GESTURE + " where id = ?").param(id).query(GestureStore::gesture).optional();
    }

    Optional<Gesture> bySubmission(long agentId, String key) {
        return jdbc.sql(GESTURE + " where agent_id = ? and submission_key = ?").params(agentId, key)
                .query(GestureStore::gesture).optional();
    }

    List<Gesture> ofTicket(long ticketId) {
        return jdbc.sql(GESTURE + " where ticket_id = ? order by id").param(ticketId).query(GestureStore::gesture).list();
    }

    /** The customer's gestures, newest first, in these teams (null: every team). */
    List<Gesture> ofCustomer(long customerId, Set<Long> teams, int limit) {
        if (teams != null && teams.isEmpty()) {
            return List.of();
        }
        String inTeams = teams == null ? "" : " and team_id in (:teams)";
        var sql = jdbc.sql(GESTURE + " where customer_id = :customer" + inTeams + " order by created_at desc, id desc limit :limit")
                .param("customer", customerId).param("limit", limit);
        if (teams != null) {
            sql = sql.param("teams", teams);
        }
        return sql.query(GestureStore::gesture).list();
    }

    /** The sum of the agent's standing and pending gestures of the kind in the currency, from {@code from} to {@code to}. */
    BigDecimal used(long agentId, GestureKind kind, String currency, Instant from, Instant to) {
        return jdbc.sql("""
                        select coalesce(sum(amount), 0) from gesture where agent_id = ? and kind = ? and currency = ?
                        and state in ('STANDING', 'PENDING') and created_at >= ? and created_at < ?""")
                .params(agentId, kind.key(), currency, Timestamp.from(from), Timestamp.from(to)).query(BigDecimal.class).single();
    }

    /** Decides a pending gesture; false when it is not pending any more. */
    boolean decide(long id, GestureState state, Long by, Instant at, String comment) {
        return jdbc.sql("""
                        update gesture set state = ?, decided_by = ?, decided_at = ?, decision_comment = ?
                        where id = ? and state = 'PENDING'""")
                .params(state.name(), by, Timestamp.from(at), comment, id).update() == 1;
    }

    int moveCustomer(long from, long to) {
        return jdbc.sql("update gesture set customer_id = ? where customer_id = ?").params(to, from).update();
    }

    /** One row of the sums: the group's id (agent, team, category; null for no category) or kind, its currency. */
    record SumRow(Long groupId, String kind, String currency, long count, BigDecimal total) {
    }

    List<SumRow> sums(String by, Instant from, Instant to, Set<Long> teams) {
        if (teams != null && teams.isEmpty()) {
            return List.of();
        }
        String column = switch (by) {
            case "agent" -> "agent_id";
            case "team" -> "team_id";
            case "category" -> "category_id";
            case "kind" -> "kind";
            default -> throw new IllegalArgumentException(by);
        };
        String inTeams = teams == null ? "" : " and team_id in (:teams)";
        var sql = jdbc.sql("select " + column + ", currency, count(*), sum(amount) from gesture"
                        + " where state = 'STANDING' and created_at >= :from and created_at < :to" + inTeams
                        + " group by " + column + ", currency order by " + column + ", currency")
                .param("from", Timestamp.from(from)).param("to", Timestamp.from(to));
        if (teams != null) {
            sql = sql.param("teams", teams);
        }
        boolean isKind = by.equals("kind");
        return sql.query((rs, n) -> new SumRow(isKind ? null : rs.getObject(1, Long.class), isKind ? rs.getString(1) : null,
                rs.getString(2).strip(), rs.getLong(3), Amounts.scaled(rs.getBigDecimal(4), rs.getString(2).strip()))).list();
    }

    // limits

    List<GestureLimit> limits() {
        return jdbc.sql(LIMIT + " order by team_id, agent_id, kind").query(GestureStore::limit).list();
    }

    /** The limits that may apply to this agent on a ticket of this team: their own and the team's. */
    List<GestureLimit> limitsFor(long agentId, long teamId) {
        return jdbc.sql(LIMIT + " where agent_id = ? or team_id = ?").params(agentId, teamId).query(GestureStore::limit).list();
    }

    /** The agent's own limits and those of these teams. */
    List<GestureLimit> limitsFor(long agentId, Collection<Long> teams) {
        List<Long> ids = new ArrayList<>(teams);
        ids.add(-1L);
        return jdbc.sql(LIMIT + " where agent_id = :agent or team_id in (:teams) order by team_id, agent_id, kind")
                .param("agent", agentId).param("teams", ids).query(GestureStore::limit).list();
    }

    Optional<GestureLimit> limit(long id) {
        return jdbc.sql(LIMIT + " where id = ?").param(id).query(GestureStore::limit).optional();
    }

    Optional<GestureLimit> limitOf(Long teamId, Long agentId, GestureKind kind) {
        return teamId != null
                ? jdbc.sql(LIMIT + " where team_id = ? and kind = ?").params(teamId, kind.key()).query(GestureStore::limit).optional()
                : jdbc.sql(LIMIT + " where agent_id = ? and kind = ?").params(agentId, kind.key()).query(GestureStore::limit).optional();
    }

    long insertLimit(Long teamId, Long agentId, GestureKind kind, String currency, BigDecimal perGesture, BigDecimal perMonth,
                     Long by, Instant at) {
        var keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
        jdbc.sql("""
                        insert into gesture_limit (team_id, agent_id, kind, currency, per_gesture, per_month, set_by, set_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(teamId, agentId, kind.key(), currency, perGesture, perMonth, by, Timestamp.from(at)).update(keys, "id");
        return keys.getKey().longValue();
    }

    void updateLimit(long id, String currency, BigDecimal perGesture, BigDecimal perMonth, Long by, Instant at) {
        jdbc.sql("update gesture_limit set currency = ?, per_gesture = ?, per_month = ?, set_by = ?, set_at = ? where id = ?")
                .params(currency, perGesture, perMonth, by, Timestamp.from(at), id).update();
    }

    void deleteLimit(long id) {
        jdbc.sql("delete from gesture_limit where id = ?").param(id).update();
    }

    private static Gesture gesture(ResultSet rs, int n) throws SQLException {
        Timestamp decided = rs.getTimestamp(15);
        return new Gesture(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getObject(5, Long.class),
                rs.getLong(6), GestureKind.parse(rs.getString(7)).orElse(GestureKind.OTHER),
                Amounts.scaled(rs.getBigDecimal(8), rs.getString(9).strip()), rs.getString(9).strip(), rs.getString(10), GestureState.valueOf(rs.getString(11)), rs.getString(12),
                rs.getTimestamp(13).toInstant(), rs.getObject(14, Long.class), decided == null ? null : decided.toInstant(),
                rs.getString(16));
    }

    private static GestureLimit limit(ResultSet rs, int n) throws SQLException {
        return new GestureLimit(rs.getLong(1), rs.getObject(2, Long.class), rs.getObject(3, Long.class),
                GestureKind.parse(rs.getString(4)).orElse(GestureKind.OTHER), rs.getString(5).strip(),
                Amounts.scaled(rs.getBigDecimal(6), rs.getString(5).strip()), Amounts.scaled(rs.getBigDecimal(7), rs.getString(5).strip()), rs.getObject(8, Long.class), rs.getTimestamp(9).toInstant());
    }
}
