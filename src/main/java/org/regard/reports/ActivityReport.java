package org.regard.reports;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.LocalDate;
import java.util.List;

/** What a team did, day by day. */
@Service
@Transactional(readOnly = true)
public class ActivityReport {
    private final JdbcClient jdbc;

    ActivityReport(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * One team's day. Touches count every interaction with customers: their messages in, the team's replies out.
     * {@code resolvedOverOpenStep}: of the tickets resolved, those resolved with a written reason while a required step
     * of their procedure was open.
     */
    public record TeamDay(long teamId, LocalDate day, int ticketsOpened, int ticketsResolved, int touchesIn, int touchesOut,
                          int resolvedOverOpenStep) {
    }

    /** The team's days from {@code from} to {@code to}, both included; days without activity are absent. */
    public List<TeamDay> daysOf(long teamId, LocalDate from, LocalDate to) {
        return jdbc.sql("""
                        select team_id, activity_day, tickets_opened, tickets_resolved, touches_in, touches_out, resolved_over_open_step
                        from team_day_activity where team_id = ? and activity_day between ? and ? order by activity_day""")
                .params(teamId, from, to)
                .query((rs, n) -> new TeamDay(rs.getLong(1), rs.getObject(2, LocalDate.class), rs.getInt(3), rs.getInt(4),
                        rs.getInt(5), rs.getInt(6), rs.getInt(7)))
                .list();
    }
}
