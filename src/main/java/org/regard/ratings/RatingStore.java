package org.regard.ratings;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** The SQL of the ratings module: {@code rating_request} and {@code rating_setting}. */
@Component
class RatingStore {
    static final Duration OPEN_FOR = Duration.ofDays(7);

    private final JdbcClient jdbc;

    RatingStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Rating> find(long id) {
        return jdbc.sql("select * from rating_request where id = ?").param(id).query(RatingStore::read).optional();
    }

    /** Answered requests of tickets with ids in ({@code afterTicketId}, {@code uptoTicketId}], for the reports' backfill. */
    List<Rating> answeredOfTickets(long afterTicketId, long uptoTicketId) {
        return jdbc.sql("select * from rating_request where ticket_id > ? and ticket_id <= ? and score is not null order by id")
                .params(afterTicketId, uptoTicketId).query(RatingStore::read).list();
    }

    List<Rating> answeredOfTicket(long ticketId) {
        return jdbc.sql("select * from rating_request where ticket_id = ? and score is not null order by id desc")
                .param(ticketId).query(RatingStore::read).list();
    }

    List<Rating> answeredOfCustomer(long customerId, Set<Long> teams, int limit) {
        List<Object> params = new ArrayList<>(List.of(customerId));
        String where = teamClause(teams, params);
        params.add(limit);
        return jdbc.sql("select * from rating_request where customer_id = ? and score is not null" + where
                + " order by answered_at desc limit ?").params(params).query(RatingStore::read).list();
    }

    List<Rating> answered(Set<Long> teams, Long teamId, Instant from, Instant to, Score score, int limit) {
        List<Object> params = new ArrayList<>();
        StringBuilder sql = new StringBuilder("select * from rating_request where score is not null");
        sql.append(teamClause(teams, params));
        if (teamId != null) {
            sql.append(" and team_id = ?");
            params.add(teamId);
        }
        if (from != null) {
            sql.append(" and answered_at >= ?");
            params.add(Timestamp.from(from));
        }
        if (to != null) {
            sql.append(" and answered_at < ?");
            params.add(Timestamp.from(to));
        }
        if (score != null) {
            sql.append(" and score = ?");
            params.add(score.name());
        }
        sql.append(" order by answered_at desc, id desc limit ?");
        params.add(limit);
        return jdbc.sql(sql.toString()).params(params).query(RatingStore::read).list();
    }

    private static String teamClause(Set<Long> teams, List<Object> params) {
        if (teams == null) {
            return "";
        }
        if (teams.isEmpty()) {
            return " and 1 = 0";
        }
        params.addAll(teams);
        return " and team_id in (" + String.join(", ", teams.stream().map(t -> "?").toList()) + ")";
    }

    /** Records the answer, only while the link is open; false when it is not (expired, or never sent). */
    boolean answer(long id, Score score, String comment, Instant now) {
        return jdbc.sql("""
                        update rating_request set score = ?, rating_comment = ?, answered_at = ?
                        where id = ? and state = 'SENT' and sent_at > ?""")
                .params(score.name(), comment, Timestamp.from(now), id, Timestamp.from(now.minus(OPEN_FOR)))
                .update() == 1;
    }

    /** Takes the lease on up to {@code limit} due requests for this node; the ids it now holds. */
    List<Long> claimDue(String holder, Instant now, Duration lease, int limit) {
        List<Long> due = jdbc.sql("""
                        select id from rating_request where state = 'PENDING' and due_epoch <= ?
                        and (lease_until is null or lease_until < ?) order by id limit ?""")
                .params(now.getEpochSecond(), Timestamp.from(now), limit).query(Long.class).list();
        List<Long> claimed = new ArrayList<>();
        for (long id : due) {
            // the conditional update decides between nodes: only one sees its row count of 1
            int won = jdbc.sql("""
                            update rating_request set lease_holder = ?, lease_until = ?
                            where id = ? and state = 'PENDING' and (lease_until is null or lease_until < ?)""")
                    .params(holder, Timestamp.from(now.plus(lease)), id, Timestamp.from(now)).update();
            if (won == 1) {
                claimed.add(id);
            }
        }
        return claimed;
    }

    boolean newerExists(Rating request) {
        return jdbc.sql("select count(*) from rating_request where ticket_id = ? and id > ?")
                .params(request.ticketId(), request.id()).query(Integer.class).single() > 0;
    }

    boolean markSent(long id, String holder, long customerId, String recipient, String language, Instant now) {
        return jdbc.sql("""
                        update rating_request set state = 'SENT', customer_id = ?, recipient = ?, language = ?, sent_at = ?,
                            lease_holder = null, lease_until = null
                        where id = ? and state = 'PENDING' and lease_holder = ?""")
                .params(customerId, recipient, language, Timestamp.from(now), id, holder).update() == 1;
    }

    void markSkipped(long id, String holder, String reason) {
        jdbc.sql("""
                        update rating_request set state = 'SKIPPED', skip_reason = ?, lease_holder = null, lease_until = null
                        where id = ? and state = 'PENDING' and lease_holder = ?""")
                .params(reason, id, holder).update();
    }

    Optional<RatingSettings.Setting> setting(long teamId) {
        return jdbc.sql("select enabled, delay_minutes from rating_setting where team_id = ?").param(teamId)
                .query((rs, n) -> new RatingSettings.Setting(teamId, rs.getBoolean("enabled"), rs.getInt("delay_minutes")))
                .optional();
    }

    void saveSetting(RatingSettings.Setting s) {
        int updated = jdbc.sql("update rating_setting set enabled = ?, delay_minutes = ? where team_id = ?")
                .params(s.enabled(), s.delayMinutes(), s.teamId()).update();
        if (updated == 0) {
            jdbc.sql("insert into rating_setting (team_id, enabled, delay_minutes) values (?, ?, ?)")
                    .params(s.teamId(), s.enabled(), s.delayMinutes()).update();
        }
    }

    static Rating read(ResultSet rs, int n) throws SQLException {
        Instant sent = instant(rs.getTimestamp("sent_at"));
        String score = rs.getString("score");
        return new Rating(rs.getLong("id"), rs.getLong("ticket_id"), rs.getLong("team_id"), rs.getObject("customer_id", Long.class),
                rs.getString("state"), rs.getString("language"), instant(rs.getTimestamp("resolved_at")), sent,
                sent == null ? null : sent.plus(OPEN_FOR), score == null ? null : Score.valueOf(score),
                rs.getString("rating_comment"), instant(rs.getTimestamp("answered_at")));
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
