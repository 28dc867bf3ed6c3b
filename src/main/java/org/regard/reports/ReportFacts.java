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
    private final CustomerTiers tiers;
    private final TimeZones zones;
    private final int forGoodDays;
    /** {@code regard.reports.facts=false} stops keeping them (the reports go stale): only for the bench's side-by-side cost. */
    private final boolean enabled;

    ReportFacts(JdbcClient jdbc, TicketQueries tickets, CustomerTiers tiers, TimeZones zones,
                @Value("${regard.reports.resolved-for-good-days:7}") int forGoodDays,
                @Value("${regard.reports.facts:true}") boolean enabled) {
        this.jdbc = jdbc;
        this.tickets = tickets;
        this.tiers = tiers;
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
        opened(ticketId, teamId, channel, language, "", at);
    }

    /** A new ticket of a customer of {@code tier} ('' : unknown). */
    void opened(long ticketId, long teamId, String channel, String language, String tier, Instant at) {
        if (!enabled) {
            return;
        }
        LocalDate day = day(teamId, at);
        int inserted = jdbc.sql("""
                        insert into report_ticket (ticket_id, team_id, channel, language, opened_at, tier, opened_day)
                        values (?, ?, ?, ?, ?, ?, ?) on conflict do nothing""")
                .params(ticketId, teamId, channel, lang(language), Timestamp.from(at), tier == null ? "" : tier, day).update();
        if (inserted == 0) {
            if (tier != null && !tier.isEmpty()) {
                // opened first from a resolution heard before the opening (listeners run side by side): its tier now
                jdbc.sql("update report_ticket set tier = ? where ticket_id = ? and tier = ''").params(tier, ticketId).update();
            }
            return;
        }
        add("opened = opened + 1, still_open = still_open + 1", day, teamId, channel, lang(language));
    }

    /** The row as a resolution or reopening needs it; the purchase columns and {@code rated} are V13_5_1's. */
    private record Known(long teamId, String channel, String language, Instant openedAt, boolean open, Instant resolvedAt, Long resolvedTeam, Long resolvedCategory, Integer resolvedTouches,
                         Integer resolvedReplies, String purchaseRef, Long purchaseTeam, LocalDate purchaseDay, Integer purchaseTouches,
                         boolean rated, LocalDate openedDay, LocalDate resolvedDay) {
    }

    private Optional<Known> lock(long ticketId) {
        return jdbc.sql("""
                        select team_id, channel, language, opened_at, open, resolved_at, resolved_team_id,
                               resolved_category, resolved_touches, resolved_replies,
                               purchase_ref, purchase_team_id, purchase_day, purchase_touches, rated, opened_day, resolved_day
                        from report_ticket where ticket_id = ? and opened_at is not null for update""")
                .param(ticketId)
                .query((rs, n) -> {
                    Instant openedAt = rs.getTimestamp(4).toInstant();
                    Instant resolvedAt = rs.getTimestamp(6) == null ? null : rs.getTimestamp(6).toInstant();
                    return new Known(rs.getLong(1), rs.getString(2), rs.getString(3), openedAt, rs.getBoolean(5), resolvedAt,
                            rs.getObject(7, Long.class), rs.getObject(8, Long.class), rs.getObject(9, Integer.class),
                            rs.getObject(10, Integer.class), rs.getString(11), rs.getObject(12, Long.class),
                            rs.getObject(13, LocalDate.class), rs.getObject(14, Integer.class), rs.getBoolean(15),
                            kept(rs.getObject(16, LocalDate.class), openedAt), kept(rs.getObject(17, LocalDate.class), resolvedAt));
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
            // without its tier (no read more on the resolution's path): the opening's listener, or the backfill, adds it
            opened(ticketId, t.teamId(), t.channel().name(), t.language(), "", t.createdAt());
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
        // its contribution to its purchase becomes its touches now (same update: no statement more without a reference)
        if (k.purchaseRef() != null) {
            if (k.purchaseTouches() != null) {
                contribution(-1, k.purchaseRef(), k.purchaseTeam(), k.purchaseDay(), k.purchaseTouches());
            }
            contribution(1, k.purchaseRef(), teamId, day, touches);
        }
        jdbc.sql("""
                        update report_ticket set open = false, resolved_at = ?, resolved_team_id = ?, resolved_category = ?,
                               resolved_touches = ?, resolved_replies = ?, purchase_team_id = ?, purchase_day = ?,
                               purchase_touches = ?, resolved_day = ? where ticket_id = ?""")
                .params(Timestamp.from(at), teamId, category == null ? 0L : category, touches, replies, teamId, day, touches,
                        day, ticketId)
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
        jdbc.sql("update report_ticket set open = true, resolved_at = null, reopened_at = ? where ticket_id = ?")
                .params(Timestamp.from(at), ticketId).update();
        if (k.rated()) {
            ratingsReopened(ticketId, at);
        }
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

    /*
     * Flags, purchases and ratings (migration V13_5_1). The same lock order: report_ticket first (locked by lock() or
     * more()), then report_flag_day, report_purchase, report_purchase_ticket, report_rating, report_rating_day.
     */

    /** What the ledger knows of a ticket besides its resolution (see V13_5_1), read under the row's lock. */
    record More(long teamId, String channel, String language, String tier, boolean open, Instant resolvedAt,
                Long resolvedTeam, Long resolvedCategory, Integer resolvedTouches, Instant flaggedAt, Long flagTeam,
                Long flagCategory, String flagReason, String flagCause, String purchaseRef, Long purchaseTeam,
                LocalDate purchaseDay, Integer purchaseTouches, Instant reopenedAt) {
    }

    private static Instant instant(java.sql.ResultSet rs, int column) throws java.sql.SQLException {
        Timestamp ts = rs.getTimestamp(column);
        return ts == null ? null : ts.toInstant();
    }

    private Optional<More> more(long ticketId) {
        return jdbc.sql("""
                        select team_id, channel, language, tier, open, resolved_at, resolved_team_id, resolved_category,
                               resolved_touches, flagged_at, flag_team_id, flag_category, flag_reason, flag_cause,
                               purchase_ref, purchase_team_id, purchase_day, purchase_touches, reopened_at
                        from report_ticket where ticket_id = ? and opened_at is not null for update""")
                .param(ticketId)
                .query((rs, n) -> new More(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getBoolean(5),
                        instant(rs, 6), rs.getObject(7, Long.class), rs.getObject(8, Long.class), rs.getObject(9, Integer.class),
                        instant(rs, 10), rs.getObject(11, Long.class), rs.getObject(12, Long.class), rs.getString(13),
                        rs.getString(14), rs.getString(15), rs.getObject(16, Long.class), rs.getObject(17, LocalDate.class),
                        rs.getObject(18, Integer.class), instant(rs, 19)))
                .optional();
    }

    /** The ticket's row, locked; a ticket whose opening was not heard yet is opened first from its own facts. */
    private Optional<More> known(long ticketId) {
        Optional<More> found = more(ticketId);
        if (found.isPresent()) {
            return found;
        }
        tickets.reportFacts(ticketId - 1, ticketId, 1).stream().findFirst().ifPresent(t ->
                opened(ticketId, t.teamId(), t.channel().name(), t.language(), tiers.tierOf(t.customerId()), t.createdAt()));
        return more(ticketId);
    }

    private static boolean same(Instant a, Instant b) {
        return a != null && b != null && a.truncatedTo(java.time.temporal.ChronoUnit.MILLIS)
                .equals(b.truncatedTo(java.time.temporal.ChronoUnit.MILLIS));
    }

    /**
     * The ticket was flagged for a lead: one more flag on its day with no cause noted yet. A flag after a root cause was
     * noted is a new flag (the earlier one keeps its cause). Nothing when this flag was heard before.
     */
    void flagged(long ticketId, long teamId, Long categoryId, String reason, Instant at) {
        if (!enabled) {
            return;
        }
        Optional<More> found = known(ticketId);
        if (found.isEmpty()) {
            return;
        }
        More m = found.get();
        if (m.flaggedAt() != null && (same(m.flaggedAt(), at) || m.flaggedAt().isAfter(at))) {
            return;
        }
        long category = categoryId == null ? 0L : categoryId;
        flag(1, day(teamId, at), teamId, category, reason, Metrics.NO_CAUSE, m.channel(), m.language());
        jdbc.sql("""
                        update report_ticket set flagged_at = ?, flag_team_id = ?, flag_category = ?, flag_reason = ?,
                               flag_cause = '' where ticket_id = ?""")
                .params(Timestamp.from(at), teamId, category, reason, ticketId).update();
    }

    /** A lead noted (or changed) the root cause of the ticket's current flag: the flag moves to that cause. */
    void rootCauseNoted(long ticketId, String cause, Instant at) {
        if (!enabled) {
            return;
        }
        Optional<More> found = known(ticketId);
        if (found.isPresent() && found.get().flaggedAt() == null) {
            // the flag's listener has not run yet (listeners run side by side): the flag from the ticket's own facts
            tickets.reportFacts(ticketId - 1, ticketId, 1).stream().findFirst().filter(t -> t.flaggedAt() != null)
                    .ifPresent(t -> flagged(ticketId, t.teamId(), t.categoryId(), t.flagReason(), t.flaggedAt()));
            found = more(ticketId);
        }
        if (found.isEmpty() || found.get().flaggedAt() == null || cause.equals(found.get().flagCause())) {
            return;
        }
        More m = found.get();
        LocalDate day = day(m.flagTeam(), m.flaggedAt());
        flag(-1, day, m.flagTeam(), m.flagCategory(), m.flagReason(), m.flagCause(), m.channel(), m.language());
        flag(1, day, m.flagTeam(), m.flagCategory(), m.flagReason(), cause, m.channel(), m.language());
        jdbc.sql("update report_ticket set flag_cause = ? where ticket_id = ?").params(cause, ticketId).update();
    }

    private void flag(int delta, LocalDate day, long teamId, long category, String reason, String cause, String channel,
                      String language) {
        List<Object> key = List.of(day, teamId, category, reason, cause == null ? "" : cause, channel, language);
        upsert("update report_flag_day set flags = flags + ? where flagged_day = ? and team_id = ? and category_id = ?"
                        + " and reason = ? and root_cause = ? and channel = ? and language = ?", delta, key, """
                insert into report_flag_day (flagged_day, team_id, category_id, reason, root_cause, channel, language)
                values (?, ?, ?, ?, ?, ?, ?) on conflict do nothing""");
    }

    /**
     * The ticket's purchase reference was set, changed or cleared: its contribution (its touches as of its latest
     * resolution) moves from the old purchase to the new one. Nothing when it is the reference already known.
     */
    void purchaseReferenced(long ticketId, String purchaseRef, Instant at) {
        if (!enabled) {
            return;
        }
        Optional<More> found = known(ticketId);
        if (found.isEmpty() || java.util.Objects.equals(found.get().purchaseRef(), purchaseRef)) {
            return;
        }
        More m = found.get();
        if (m.purchaseTouches() != null) {
            if (m.purchaseRef() != null) {
                contribution(-1, m.purchaseRef(), m.purchaseTeam(), m.purchaseDay(), m.purchaseTouches());
            }
            if (purchaseRef != null) {
                contribution(1, purchaseRef, m.purchaseTeam(), m.purchaseDay(), m.purchaseTouches());
            }
        }
        jdbc.sql("update report_ticket set purchase_ref = ? where ticket_id = ?").params(purchaseRef, ticketId).update();
    }

    /**
     * The ticket was merged into another: its touches now belong to the survivor (counted with the survivor's next
     * resolution), so it no longer counts for its purchase.
     */
    void mergedAway(long ticketId) {
        if (!enabled) {
            return;
        }
        Optional<More> found = more(ticketId);
        if (found.isEmpty() || found.get().purchaseTouches() == null) {
            return;
        }
        More m = found.get();
        if (m.purchaseRef() != null) {
            contribution(-1, m.purchaseRef(), m.purchaseTeam(), m.purchaseDay(), m.purchaseTouches());
        }
        jdbc.sql("update report_ticket set purchase_team_id = null, purchase_day = null, purchase_touches = null where ticket_id = ?")
                .param(ticketId).update();
    }

    private void contribution(int delta, String purchaseRef, long teamId, LocalDate day, int touches) {
        List<Object> params = List.of(delta, delta * touches, day, day, purchaseRef, teamId);
        if (jdbc.sql("""
                        update report_purchase set tickets = tickets + ?, touches = touches + ?,
                               last_day = case when last_day < ? then ? else last_day end
                        where purchase_ref = ? and team_id = ?""").params(params).update() == 0) {
            jdbc.sql("insert into report_purchase (purchase_ref, team_id, last_day) values (?, ?, ?) on conflict do nothing")
                    .params(purchaseRef, teamId, day).update();
            jdbc.sql("""
                            update report_purchase set tickets = tickets + ?, touches = touches + ?,
                                   last_day = case when last_day < ? then ? else last_day end
                            where purchase_ref = ? and team_id = ?""").params(params).update();
        }
        upsert("update report_purchase_ticket set tickets = tickets + ? where resolved_day = ? and team_id = ? and touches = ?",
                delta, List.of(day, teamId, Metrics.touchesBar(touches)),
                "insert into report_purchase_ticket (resolved_day, team_id, touches) values (?, ?, ?) on conflict do nothing");
    }

    /** A rating answer as the reports need it. */
    record Answer(long requestId, long ticketId, long teamId, String score, Instant resolvedAt, Instant answeredAt) {
    }

    /**
     * The customer answered (or changed their answer to) a rating request: the latest answer of each request counts,
     * once, in the row of the resolution it rates (its day, the resolving team, the ticket's category then, channel,
     * language and tier). An answer older than the one known is ignored (two clicks heard out of order).
     */
    void rated(Answer a) {
        if (!enabled) {
            return;
        }
        Optional<More> found = known(a.ticketId());
        if (found.isEmpty()) {
            return;
        }
        More m = found.get();
        record Known(long teamId, long category, String channel, String language, String tier, Instant resolvedAt, String score,
                     Instant answeredAt, boolean reopened) {
        }
        Optional<Known> before = jdbc.sql("""
                        select team_id, category_id, channel, language, tier, resolved_at, score, answered_at, reopened
                        from report_rating where request_id = ? for update""")
                .param(a.requestId())
                .query((rs, n) -> new Known(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getString(5),
                        instant(rs, 6), rs.getString(7), instant(rs, 8), rs.getBoolean(9)))
                .optional();
        if (before.isPresent()) {
            Known k = before.get();
            if (!Metrics.replacesAnswer(a.answeredAt(), k.answeredAt())) {
                return;
            }
            if (!k.score().equals(a.score())) {
                rating(-1, k.reopened() ? -1 : 0, k.resolvedAt(), k.teamId(), k.category(), k.channel(), k.language(), k.tier(), k.score());
                rating(1, k.reopened() ? 1 : 0, k.resolvedAt(), k.teamId(), k.category(), k.channel(), k.language(), k.tier(), a.score());
            }
            jdbc.sql("update report_rating set score = ?, answered_at = ? where request_id = ?")
                    .params(a.score(), a.answeredAt() == null ? null : Timestamp.from(a.answeredAt()), a.requestId()).update();
            return;
        }
        Instant resolvedAt = a.resolvedAt() != null ? a.resolvedAt() : m.resolvedAt() != null ? m.resolvedAt() : a.answeredAt();
        if (resolvedAt == null) {
            return;
        }
        long category = m.resolvedCategory() == null ? 0L : m.resolvedCategory();
        boolean reopened = m.reopenedAt() != null && m.reopenedAt().isAfter(resolvedAt)
                && Metrics.reopenedWithin(resolvedAt, m.reopenedAt(), forGoodDays);
        jdbc.sql("""
                        insert into report_rating (request_id, ticket_id, team_id, category_id, channel, language, tier, resolved_at,
                               score, answered_at, reopened)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(a.requestId(), a.ticketId(), a.teamId(), category, m.channel(), m.language(), m.tier(),
                        Timestamp.from(resolvedAt), a.score(), a.answeredAt() == null ? null : Timestamp.from(a.answeredAt()),
                        reopened)
                .update();
        rating(1, reopened ? 1 : 0, resolvedAt, a.teamId(), category, m.channel(), m.language(), m.tier(), a.score());
        jdbc.sql("update report_ticket set rated = true where ticket_id = ?").param(a.ticketId()).update();
    }

    /** A reopening (row locked): the ratings of resolutions it reopened within their window count as not held. */
    private void ratingsReopened(long ticketId, Instant at) {
        record Rated(long requestId, long teamId, long category, String channel, String language, String tier, Instant resolvedAt,
                     String score) {
        }
        List<Rated> rated = jdbc.sql("""
                        select request_id, team_id, category_id, channel, language, tier, resolved_at, score
                        from report_rating where ticket_id = ? and reopened = false""")
                .param(ticketId)
                .query((rs, n) -> new Rated(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getString(4), rs.getString(5),
                        rs.getString(6), instant(rs, 7), rs.getString(8)))
                .list();
        for (Rated r : rated) {
            if (!at.isBefore(r.resolvedAt()) && Metrics.reopenedWithin(r.resolvedAt(), at, forGoodDays)) {
                rating(0, 1, r.resolvedAt(), r.teamId(), r.category(), r.channel(), r.language(), r.tier(), r.score());
                jdbc.sql("update report_rating set reopened = true where request_id = ?").param(r.requestId()).update();
            }
        }
    }

    private void rating(int ratings, int reopened, Instant resolvedAt, long teamId, long category, String channel, String language,
                        String tier, String score) {
        List<Object> key = List.of(day(teamId, resolvedAt), teamId, category, channel, language, tier, score);
        List<Object> params = new ArrayList<>(List.of(ratings, reopened));
        params.addAll(key);
        String update = "update report_rating_day set ratings = ratings + ?, reopened_within = reopened_within + ?"
                + " where resolved_day = ? and team_id = ? and category_id = ? and channel = ? and language = ? and tier = ?"
                + " and score = ?";
        if (jdbc.sql(update).params(params).update() == 1) {
            return;
        }
        jdbc.sql("""
                insert into report_rating_day (resolved_day, team_id, category_id, channel, language, tier, score)
                values (?, ?, ?, ?, ?, ?, ?) on conflict do nothing""").params(key).update();
        jdbc.sql(update).params(params).update();
    }

    /**
     * A ticket stored before the ledger kept flags, purchases and ratings (or before it kept anything): counted once from
     * its current state: its customer's tier now, its flag (and cause) if it has one, its purchase reference (a merged one
     * counts for nothing), the latest answer of each of its rating requests. What the ledger already heard is skipped.
     */
    void backfillMore(TicketQueries.ReportFacts t, String tier, List<Answer> answers) {
        if (more(t.id()).isEmpty()) {
            backfill(t);
        }
        Optional<More> found = more(t.id());
        if (found.isEmpty()) {
            return;
        }
        More m = found.get();
        if (m.tier().isEmpty() && tier != null && !tier.isEmpty()) {
            jdbc.sql("update report_ticket set tier = ? where ticket_id = ?").params(tier, t.id()).update();
        }
        if (t.flaggedAt() != null && m.flaggedAt() == null) {
            flagged(t.id(), t.teamId(), t.categoryId(), t.flagReason(), t.flaggedAt());
            if (t.rootCause() != null) {
                rootCauseNoted(t.id(), t.rootCause(), t.flaggedAt());
            }
        }
        if (t.mergedInto() != null) {
            mergedAway(t.id());
        } else if (t.purchaseRef() != null && m.purchaseRef() == null) {
            if (m.purchaseTouches() == null && !m.open() && m.resolvedAt() != null && m.resolvedTouches() != null) {
                jdbc.sql("update report_ticket set purchase_team_id = ?, purchase_day = ?, purchase_touches = ? where ticket_id = ?")
                        .params(m.resolvedTeam(), day(m.resolvedTeam(), m.resolvedAt()), m.resolvedTouches(), t.id()).update();
            }
            purchaseReferenced(t.id(), t.purchaseRef(), t.createdAt());
        }
        answers.forEach(this::rated);
    }
}
