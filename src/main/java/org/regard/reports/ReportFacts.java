package org.regard.reports;

import org.regard.accounts.TimeZones;
import org.regard.tickets.TicketQueries;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The per-ticket facts behind the guardrail reports, kept in {@code report_ticket} and the small daily tables
 * ({@code report_resolution_day}, {@code report_opened_day}). Called by {@link ActivityLedger}
 * inside the transaction of its listener (after the ticket's own transaction committed) and by {@link ReportBackfill}.
 * A ticket the ledger never heard being opened (stored before it kept facts) is left to the backfill.
 * <p>
 * A fact's day is the day in its team's time zone when the fact is recorded ({@link TimeZones#ofTeam}, kept in memory,
 * no statement per write), and {@code report_ticket} keeps the day its opening and its latest resolution were counted
 * on ({@code opened_day}, {@code resolved_day}): the backlog's and a reopening's later changes go to the very rows that
 * counted them even when the team's zone changed in between. Rows stored before days were kept have null there and were
 * counted on UTC days.
 */
@Component
class ReportFacts {
    private final JdbcClient jdbc;
    private final TicketQueries tickets;
    private final TimeZones zones;
    private final int forGoodDays;
    /** {@code regard.reports.facts=false} stops keeping them (the reports go stale): only for the bench's side-by-side cost. */
    private final boolean enabled;

    ReportFacts(JdbcClient jdbc, TicketQueries tickets, TimeZones zones,
                @Value("${regard.reports.resolved-for-good-days:7}") int forGoodDays,
                @Value("${regard.reports.facts:true}") boolean enabled) {
        this.jdbc = jdbc;
        this.tickets = tickets;
        this.zones = zones;
        this.forGoodDays = forGoodDays;
        this.enabled = enabled;
    }

    int forGoodDays() {
        return forGoodDays;
    }

    /** The day a moment falls on in a zone: the reports' days are the team's ({@link #day(long, Instant)}). */
    static LocalDate day(Instant at, ZoneId zone) {
        return at.atZone(zone).toLocalDate();
    }

    /** The day a fact of this team falls on, in the team's time zone as it is now. */
    LocalDate day(long teamId, Instant at) {
        return day(at, zones.ofTeam(teamId));
    }

    /** A day kept in {@code report_ticket}, or for a row stored before days were kept, the UTC day it was counted on. */
    private static LocalDate kept(LocalDate day, Instant at) {
        return day != null ? day : at == null ? null : day(at, ZoneOffset.UTC);
    }

    static String lang(String language) {
        return language == null ? "" : language;
    }

    /*
     * Lock order, the same in every listener so that two of them never wait for each other: report_ticket,
     * report_resolution_day, report_opened_day, then the ledger's team_day_activity.
     */

    /** A new ticket: its facts, one more ticket of the day's volume and of the backlog. Nothing when heard before. */
    void opened(long ticketId, long teamId, String channel, String language, Instant at) {
        if (!enabled) {
            return;
        }
        LocalDate day = day(teamId, at);
        int inserted = jdbc.sql("""
                        insert into report_ticket (ticket_id, team_id, channel, language, opened_at, opened_day)
                        values (?, ?, ?, ?, ?, ?) on conflict do nothing""")
                .params(ticketId, teamId, channel, lang(language), Timestamp.from(at), day).update();
        if (inserted == 0) {
            return;
        }
        add("opened = opened + 1, still_open = still_open + 1", day, teamId, channel, lang(language));
    }

    private record Known(long teamId, String channel, String language, Instant openedAt, boolean open, Instant resolvedAt, Long resolvedTeam, Long resolvedCategory, Integer resolvedTouches,
                         Integer resolvedReplies, LocalDate openedDay, LocalDate resolvedDay) {
    }

    private Optional<Known> lock(long ticketId) {
        return jdbc.sql("""
                        select team_id, channel, language, opened_at, open, resolved_at, resolved_team_id,
                               resolved_category, resolved_touches, resolved_replies, opened_day, resolved_day
                        from report_ticket where ticket_id = ? and opened_at is not null for update""")
                .param(ticketId)
                .query((rs, n) -> {
                    Instant openedAt = rs.getTimestamp(4).toInstant();
                    Instant resolvedAt = rs.getTimestamp(6) == null ? null : rs.getTimestamp(6).toInstant();
                    return new Known(rs.getLong(1), rs.getString(2), rs.getString(3), openedAt, rs.getBoolean(5), resolvedAt,
                            rs.getObject(7, Long.class), rs.getObject(8, Long.class), rs.getObject(9, Integer.class),
                            rs.getObject(10, Integer.class), kept(rs.getObject(11, LocalDate.class), openedAt),
                            kept(rs.getObject(12, LocalDate.class), resolvedAt));
                })
                .optional();
    }

    /**
     * A resolution heard from an event: the ticket's category and touch counters are read from the tickets module (its
     * own row, written in the resolving transaction: listeners run side by side, so counting touches from other
     * events here could miss a reply published with the resolution).
     */
    void resolved(long ticketId, long teamId, Instant at) {
        if (!enabled) {
            return;
        }
        tickets.reportFacts(ticketId - 1, ticketId, 1).stream().findFirst().ifPresent(t -> {
            // its opening not heard yet (listeners run side by side): opened first from the ticket's own facts; the
            // opening's listener then finds it known and counts nothing
            opened(ticketId, t.teamId(), t.channel().name(), t.language(), t.createdAt());
            resolved(ticketId, teamId, t.categoryId(), t.touchesIn() + t.touchesOut(), t.touchesOut(), at);
        });
    }

    /**
     * A resolution: one more in its day's row (by the team that resolved it, the ticket's category then, its touches and
     * the team's replies so far: its outbound touches), and the ticket leaves the backlog.
     */
    void resolved(long ticketId, long teamId, Long category, int touches, int replies, Instant at) {
        Optional<Known> found = lock(ticketId);
        if (found.isEmpty()) {
            return;
        }
        Known k = found.get();
        LocalDate day = day(teamId, at);
        resolution(teamId, category, k.channel(), k.language(), day, touches, replies, 1, "resolutions");
        if (k.open()) {
            add("still_open = still_open - 1", k.openedDay(), k.teamId(), k.channel(), k.language());
        }
        jdbc.sql("""
                        update report_ticket set open = false, resolved_at = ?, resolved_team_id = ?, resolved_category = ?,
                               resolved_touches = ?, resolved_replies = ?, resolved_day = ? where ticket_id = ?""")
                .params(Timestamp.from(at), teamId, category == null ? 0L : category, touches, replies, day, ticketId)
                .update();
    }

    /**
     * The customer (or an agent) reopened it: it is in the backlog again, and its latest resolution counts one reopening,
     * within the window or later ({@link Metrics#reopenedWithin}). A resolution is reopened once at most.
     */
    void reopened(long ticketId, Instant at) {
        if (!enabled) {
            return;
        }
        Optional<Known> found = lock(ticketId);
        if (found.isEmpty() || found.get().open()) {
            return;
        }
        Known k = found.get();
        if (k.resolvedAt() != null) {
            String column = Metrics.reopenedWithin(k.resolvedAt(), at, forGoodDays) ? "reopened_within" : "reopened_later";
            resolution(k.resolvedTeam(), k.resolvedCategory() == 0 ? null : k.resolvedCategory(), k.channel(), k.language(),
                    k.resolvedDay(), k.resolvedTouches(), k.resolvedReplies(), 1, column);
        }
        add("still_open = still_open + 1", k.openedDay(), k.teamId(), k.channel(), k.language());
        jdbc.sql("update report_ticket set open = true, resolved_at = null where ticket_id = ?").param(ticketId).update();
    }

    /** A ticket stored before the ledger kept facts: counted from its current state, once. */
    boolean backfill(TicketQueries.ReportFacts t) {
        boolean open = t.status().isActive();
        int touches = t.touchesIn() + t.touchesOut();
        Instant resolvedAt = open ? null : (t.resolvedAt() != null ? t.resolvedAt() : t.createdAt());
        LocalDate openedDay = day(t.teamId(), t.createdAt());
        LocalDate resolvedDay = resolvedAt == null ? null : day(t.teamId(), resolvedAt);
        int inserted = jdbc.sql("""
                        insert into report_ticket (ticket_id, team_id, channel, language, opened_at, open,
                               resolved_at, resolved_team_id, resolved_category, resolved_touches, resolved_replies,
                               opened_day, resolved_day)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict do nothing""")
                .params(t.id(), t.teamId(), t.channel().name(), lang(t.language()), Timestamp.from(t.createdAt()), open,
                        resolvedAt == null ? null : Timestamp.from(resolvedAt),
                        open ? null : t.teamId(), open ? null : (t.categoryId() == null ? 0L : t.categoryId()),
                        open ? null : touches, open ? null : t.touchesOut(), openedDay, resolvedDay)
                .update();
        if (inserted == 0) {
            return false;
        }
        if (!open) {
            resolution(t.teamId(), t.categoryId(), t.channel().name(), lang(t.language()), resolvedDay, touches, t.touchesOut(), 1,
                    "resolutions");
        }
        add(open ? "opened = opened + 1, still_open = still_open + 1" : "opened = opened + 1", openedDay, t.teamId(),
                t.channel().name(), lang(t.language()));
        return true;
    }

    private void resolution(long teamId, Long category, String channel, String language, LocalDate day, int touches, int replies,
                            int delta, String column) {
        String where = " where resolved_day = ? and team_id = ? and category_id = ? and channel = ? and language = ?"
                + " and touches = ? and replies = ?";
        List<Object> key = new ArrayList<>(List.of(day, teamId, category == null ? 0L : category, channel, language,
                Metrics.touchesBar(touches), Metrics.repliesClass(replies)));
        upsert("update report_resolution_day set " + column + " = " + column + " + ?" + where, delta, key, """
                insert into report_resolution_day (resolved_day, team_id, category_id, channel, language, touches, replies)
                values (?, ?, ?, ?, ?, ?, ?) on conflict do nothing""");
    }

    /** Applies {@code set} (fixed text) to the (day opened, team, channel, language) row of {@code report_opened_day}. */
    private void add(String set, LocalDate day, long teamId, String channel, String language) {
        List<Object> key = List.of(day, teamId, channel, language);
        upsert("update report_opened_day set " + set + " where opened_day = ? and team_id = ? and channel = ? and language = ?",
                null, key, "insert into report_opened_day (opened_day, team_id, channel, language) values (?, ?, ?, ?) on conflict do nothing");
    }

    /** One update once the row exists; the first time, an insert that never fails on a race, and the update again. */
    private void upsert(String update, Integer delta, List<Object> key, String insert) {
        List<Object> params = new ArrayList<>();
        if (delta != null) {
            params.add(delta);
        }
        params.addAll(key);
        if (jdbc.sql(update).params(params).update() == 1) {
            return;
        }
        jdbc.sql(insert).params(key).update();
        jdbc.sql(update).params(params).update();
    }
}
