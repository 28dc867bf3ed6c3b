package org.regard.reports;

import org.regard.accounts.TimeZones;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.LocalDate;

/**
 * Adds to one counter of a team's day, creating the day's row on first use (safe when two nodes race). The day is the
 * team's, in its time zone when the event is counted ({@link TimeZones#ofTeam}, kept in memory: no extra statement).
 */
@Component
class TeamDayCounter {
    /** The counters a day has; the names are the column names. */
    enum Counter {
        TICKETS_OPENED, TICKETS_RESOLVED, TOUCHES_IN, TOUCHES_OUT, RESOLVED_OVER_OPEN_STEP;

        String column() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    private final JdbcClient jdbc;
    private final TimeZones zones;

    TeamDayCounter(JdbcClient jdbc, TimeZones zones) {
        this.jdbc = jdbc;
        this.zones = zones;
    }

    /** The team's day of a moment. */
    LocalDate day(long teamId, Instant at) {
        return ReportFacts.day(at, zones.ofTeam(teamId));
    }

    /** Takes one back (a reply withdrawn inside its undo window); never below zero. */
    void decrement(long teamId, Instant at, Counter counter) {
        LocalDate day = day(teamId, at);
        jdbc.sql("update team_day_activity set " + counter.column() + " = " + counter.column()
                        + " - 1 where team_id = ? and activity_day = ? and " + counter.column() + " > 0")
                .params(teamId, day).update();
    }

    /** Adds one to each of the counters of the team's day, in one statement once the day's row exists. */
    void increment(long teamId, Instant at, Counter... counters) {
        LocalDate day = day(teamId, at);
        String set = java.util.Arrays.stream(counters).map(c -> c.column() + " = " + c.column() + " + 1")
                .collect(java.util.stream.Collectors.joining(", "));
        String update = "update team_day_activity set " + set + " where team_id = ? and activity_day = ?";
        if (jdbc.sql(update).params(teamId, day).update() == 1) {
            return;
        }
        // the day's first event: "on conflict do nothing" never fails on a duplicate (a failed insert would abort a
        // PostgreSQL transaction), so the row exists afterwards whoever created it, and the update then counts
        jdbc.sql("insert into team_day_activity (team_id, activity_day) values (?, ?) on conflict do nothing")
                .params(teamId, day).update();
        jdbc.sql(update).params(teamId, day).update();
    }
}
