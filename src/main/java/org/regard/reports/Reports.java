package org.regard.reports;

import org.regard.accounts.Accounts;
import org.regard.accounts.AgentPrincipal;
import org.regard.accounts.TeamAccess;
import org.regard.accounts.TimeZones;
import org.regard.tickets.Categories;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The guardrail reports for leads (their teams) and administrators (every team): each is one grouped sum over the
 * small daily tables the ledger keeps ({@link ReportFacts}), never a scan of the tickets. Definitions: {@link Metrics}.
 * No report ranks agents: nothing here is kept per agent.
 */
@Service
@Transactional(readOnly = true)
public class Reports {
    /** The reports there are, in the order the page shows them. */
    public static final List<String> NAMES = List.of("touches", "outcomes", "reopens", "backlog", "volume", "flags", "purchases",
            "top-purchases", "satisfaction");

    /** How many purchases the "most touches" table lists. */
    public static final int TOP_PURCHASES = 20;

    private final JdbcClient jdbc;
    private final Accounts accounts;
    private final TeamAccess teamAccess;
    private final Categories categories;
    private final ReportFacts facts;
    private final Clock clock;
    private final TimeZones zones;

    Reports(JdbcClient jdbc, Accounts accounts, TeamAccess teamAccess, Categories categories, ReportFacts facts, Clock clock,
            TimeZones zones) {
        this.zones = zones;
        this.jdbc = jdbc;
        this.accounts = accounts;
        this.teamAccess = teamAccess;
        this.categories = categories;
        this.facts = facts;
        this.clock = clock;
    }

    /** The "resolved for good" window in days ({@code regard.reports.resolved-for-good-days}). */
    public int forGoodDays() {
        return facts.forGoodDays();
    }

    /**
     * Today for this agent: the day in their time zone ({@link TimeZones#ofAgent}), which the default range ends on and
     * the backlog's ages and the settled window count from. The rows' days are each team's, in its zone.
     */
    public LocalDate today(AgentPrincipal agent) {
        return LocalDate.now(clock.withZone(zoneOf(agent)));
    }

    /** The zone the agent's "today" is in. */
    public ZoneId zoneOf(AgentPrincipal agent) {
        return zones.ofAgent(agent.id());
    }

    /** The zone each of these teams counts its days in, by team id. */
    public Map<Long, ZoneId> zonesOf(Set<Long> teamIds) {
        Map<Long, ZoneId> out = new java.util.TreeMap<>();
        teamIds.forEach(id -> out.put(id, zones.ofTeam(id)));
        return out;
    }

    /** The teams whose reports the agent may see; throws when none (a plain agent). */
    public Set<Long> teamsFor(AgentPrincipal agent) {
        Set<Long> teams = teamAccess.teamsLedBy(accounts.actor(agent));
        if (teams.isEmpty()) {
            throw new ReportForbidden("Reports are for team leads and administrators.");
        }
        return teams;
    }

    /** A bar of the touches distribution: how many resolutions took {@code touches} touches ({@link Metrics#MAX_TOUCHES}: that many or more). */
    public record TouchBar(int touches, long resolutions) {
    }

    /**
     * Touches per resolved ticket of one category: the distribution, its total and mean, and the category's touch budget
     * when it has one ({@code expected}, {@code alarm}; null without).
     */
    public record CategoryTouches(long categoryId, String category, List<TouchBar> bars, long resolutions, double mean,
                                  Integer expected, Integer alarm) {
    }

    public List<CategoryTouches> touches(ReportFilter filter, AgentPrincipal agent) {
        Where w = where(filter, agent, "resolved_day", true);
        Map<Long, Map<Integer, Long>> byCategory = new LinkedHashMap<>();
        jdbc.sql("select category_id, touches, sum(resolutions) from report_resolution_day" + w.sql
                        + " group by category_id, touches order by category_id, touches")
                .params(w.params).query((java.sql.ResultSet rs) -> {
                    byCategory.computeIfAbsent(rs.getLong(1), c -> new LinkedHashMap<>()).put(rs.getInt(2), rs.getLong(3));
                });
        Map<Long, Categories.CategoryView> known = new HashMap<>();
        categories.all().forEach(c -> known.put(c.id(), c));
        Categories.DefaultBudget fallback = categories.defaultBudget();
        List<CategoryTouches> out = new ArrayList<>();
        byCategory.forEach((id, counts) -> {
            List<TouchBar> bars = new ArrayList<>();
            long total = 0;
            long sum = 0;
            for (int t = 0; t <= Metrics.MAX_TOUCHES; t++) {
                long n = counts.getOrDefault(t, 0L);
                bars.add(new TouchBar(t, n));
                total += n;
                sum += n * t;
            }
            Categories.CategoryView c = known.get(id);
            Integer[] budget = budgetOf(c, fallback);
            out.add(new CategoryTouches(id, c == null ? null : c.names().current(), bars, total,
                    total == 0 ? 0 : Math.round(sum * 100.0 / total) / 100.0, budget[0], budget[1]));
        });
        return out;
    }

    /**
     * A category's expected and alarm touches, drawn as lines on its chart: its own pair, else the desk's default pair
     * (which also stands for tickets without a category), else none.
     */
    private static Integer[] budgetOf(Categories.CategoryView category, Categories.DefaultBudget fallback) {
        if (category != null && category.budgeted()) {
            return new Integer[]{category.expectedTouches(), category.alarmTouches()};
        }
        return new Integer[]{fallback.expectedTouches(), fallback.alarmTouches()};
    }

    /**
     * The guardrail figures of one team's resolutions (see {@link Metrics}): {@code settled} are those whose window has
     * passed, the only ones that can be resolved for good or first-contact; rates of those are of {@code settled}; the
     * no-reply and reopen rates are of all {@code resolutions}.
     */
    public record Outcome(long teamId, String team, long resolutions, long settled, long resolvedForGood, long firstContact,
                          long noReply, long reopenedWithin, long reopenedLater, Double resolvedForGoodRate,
                          Double firstContactRate, Double noReplyRate, Double reopenRate) {
    }

    public List<Outcome> outcomes(ReportFilter filter, AgentPrincipal agent) {
        Where w = where(filter, agent, "resolved_day", true);
        LocalDate settledBy = Metrics.lastSettledDay(today(agent), forGoodDays());
        List<Object> params = new ArrayList<>(List.of(settledBy, settledBy, settledBy));
        params.addAll(w.params);
        Map<Long, String> names = accounts.teamNames();
        return jdbc.sql("""
                        select team_id, sum(resolutions),
                               sum(case when resolved_day <= ? then resolutions else 0 end),
                               sum(case when resolved_day <= ? then resolutions - reopened_within else 0 end),
                               sum(case when resolved_day <= ? and replies = 1 then resolutions - reopened_within else 0 end),
                               sum(case when replies = 0 then resolutions else 0 end),
                               sum(reopened_within), sum(reopened_later)
                        from report_resolution_day""" + w.sql + " group by team_id order by team_id")
                .params(params)
                .query((rs, n) -> {
                    long resolutions = rs.getLong(2);
                    long settled = rs.getLong(3);
                    long forGood = rs.getLong(4);
                    long fcr = rs.getLong(5);
                    long noReply = rs.getLong(6);
                    long within = rs.getLong(7);
                    long later = rs.getLong(8);
                    return new Outcome(rs.getLong(1), names.get(rs.getLong(1)), resolutions, settled, forGood, fcr, noReply,
                            within, later, Metrics.percent(forGood, settled), Metrics.percent(fcr, settled),
                            Metrics.percent(noReply, resolutions), Metrics.percent(within + later, resolutions));
                }).list();
    }

    /** One day's resolutions and how many of them were reopened since (within the window or later). */
    public record ReopenDay(LocalDate day, long resolutions, long reopened, Double reopenRate) {
    }

    public List<ReopenDay> reopens(ReportFilter filter, AgentPrincipal agent) {
        Where w = where(filter, agent, "resolved_day", true);
        return jdbc.sql("select resolved_day, sum(resolutions), sum(reopened_within + reopened_later) from report_resolution_day"
                        + w.sql + " group by resolved_day order by resolved_day")
                .params(w.params)
                .query((rs, n) -> new ReopenDay(rs.getObject(1, LocalDate.class), rs.getLong(2), rs.getLong(3),
                        Metrics.percent(rs.getLong(3), rs.getLong(2)))).list();
    }

    /** Open tickets now whose age falls in a bucket. */
    public record BacklogBucket(String bucket, long open) {
    }

    /** The backlog now, by age; the date range and the category do not apply (tickets as they are today). */
    public List<BacklogBucket> backlog(ReportFilter filter, AgentPrincipal agent) {
        Where w = where(new ReportFilter(null, null, filter.teamId(), null, filter.channel(), filter.language()), agent,
                "opened_day", false);
        LocalDate today = today(agent);
        Map<Metrics.AgeBucket, Long> counts = new EnumMap<>(Metrics.AgeBucket.class);
        for (Metrics.AgeBucket b : Metrics.AgeBucket.values()) {
            counts.put(b, 0L);
        }
        jdbc.sql("select opened_day, sum(still_open) from report_opened_day" + w.sql + " group by opened_day")
                .params(w.params).query((java.sql.ResultSet rs) -> {
                    long age = Math.max(0, ChronoUnit.DAYS.between(rs.getObject(1, LocalDate.class), today));
                    counts.merge(Metrics.AgeBucket.of(age), Math.max(0, rs.getLong(2)), Long::sum);
                });
        return counts.entrySet().stream().map(e -> new BacklogBucket(e.getKey().key(), e.getValue())).toList();
    }

    /** Tickets opened through a channel in a language ('' : unknown). */
    public record VolumeCell(String channel, String language, long opened) {
    }

    /** Tickets opened in the range, by channel and language; the category does not apply (tickets as they arrive). */
    public List<VolumeCell> volume(ReportFilter filter, AgentPrincipal agent) {
        Where w = where(new ReportFilter(filter.from(), filter.to(), filter.teamId(), null, filter.channel(), filter.language()),
                agent, "opened_day", false);
        return jdbc.sql("select channel, language, sum(opened) from report_opened_day" + w.sql
                        + " group by channel, language order by channel, language")
                .params(w.params)
                .query((rs, n) -> new VolumeCell(rs.getString(1), rs.getString(2), rs.getLong(3))).list();
    }

    /** The languages and channels the reports hold, for the page's filters. */
    public Set<String> languages() {
        return new TreeSet<>(jdbc.sql("select distinct language from report_opened_day").query(String.class).list());
    }

    /** Tickets flagged for a lead on a day, with a reason, by the root cause noted since ('' : none noted yet). */
    public record FlagDay(LocalDate day, String reason, String rootCause, long flags) {
    }

    /**
     * Flags raised in the range (by the day they were raised), by reason and root cause. Every flag counts once; a ticket
     * flagged again after its cause was noted counts twice. The category is the ticket's when it was flagged.
     */
    public List<FlagDay> flags(ReportFilter filter, AgentPrincipal agent) {
        Where w = where(filter, agent, "flagged_day", true);
        return jdbc.sql("select flagged_day, reason, root_cause, sum(flags) from report_flag_day" + w.sql
                        + " group by flagged_day, reason, root_cause having sum(flags) <> 0 order by flagged_day, reason, root_cause")
                .params(w.params)
                .query((rs, n) -> new FlagDay(rs.getObject(1, LocalDate.class), rs.getString(2), rs.getString(3), rs.getLong(4)))
                .list();
    }

    /** A bar of the per-purchase distribution: purchases whose tickets took {@code touches} touches together, and tickets that took that many alone. */
    public record PurchaseBar(int touches, long purchases, long tickets) {
    }

    /** A purchase and its resolved tickets' touches (of the teams asked for). */
    public record Purchase(String purchaseRef, long tickets, long touches) {
    }

    /**
     * Touches per purchase next to touches per ticket, for tickets with a purchase reference: {@code bars} 0 to
     * {@link Metrics#MAX_TOUCHES} (that many or more), the number of purchases and tickets, each mean, and the purchases
     * with the most touches.
     */
    public record PurchaseReport(List<PurchaseBar> bars, long purchases, long tickets, double meanPerPurchase,
                                 double meanPerTicket, List<Purchase> top) {
    }

    /**
     * Touches per purchase: the range is the day of each ticket's latest resolution (a purchase is in it when its latest
     * is); the category, channel and language do not apply (one purchase's tickets may differ in them).
     */
    public PurchaseReport purchases(ReportFilter filter, AgentPrincipal agent) {
        ReportFilter f = new ReportFilter(filter.from(), filter.to(), filter.teamId(), null, null, null);
        Where w = where(f, agent, "last_day", false);
        String perPurchase = "select purchase_ref, sum(tickets) as tickets, sum(touches) as touches from report_purchase" + w.sql
                + " group by purchase_ref having sum(tickets) > 0";
        long[] purchases = new long[Metrics.MAX_TOUCHES + 1];
        long[] totals = new long[2];
        jdbc.sql("select case when touches > " + Metrics.MAX_TOUCHES + " then " + Metrics.MAX_TOUCHES
                        + " when touches < 0 then 0 else touches end as bar, count(*), sum(touches) from (" + perPurchase
                        + ") p group by case when touches > " + Metrics.MAX_TOUCHES + " then " + Metrics.MAX_TOUCHES
                        + " when touches < 0 then 0 else touches end")
                .params(w.params).query((java.sql.ResultSet rs) -> {
                    purchases[Metrics.purchaseBar(rs.getLong(1))] += rs.getLong(2);
                    totals[0] += rs.getLong(2);
                    totals[1] += rs.getLong(3);
                });
        Where t = where(f, agent, "resolved_day", false);
        long[] tickets = new long[Metrics.MAX_TOUCHES + 1];
        jdbc.sql("select touches, sum(tickets) from report_purchase_ticket" + t.sql + " group by touches")
                .params(t.params).query((java.sql.ResultSet rs) -> {
                    tickets[Metrics.touchesBar(rs.getInt(1))] += rs.getLong(2);
                });
        List<PurchaseBar> bars = new ArrayList<>();
        long ticketCount = 0;
        long ticketTouches = 0;
        for (int i = 0; i <= Metrics.MAX_TOUCHES; i++) {
            bars.add(new PurchaseBar(i, purchases[i], tickets[i]));
            ticketCount += tickets[i];
            ticketTouches += tickets[i] * i;
        }
        List<Purchase> top = jdbc.sql(perPurchase + " order by sum(touches) desc, purchase_ref limit " + TOP_PURCHASES)
                .params(w.params)
                .query((rs, n) -> new Purchase(rs.getString(1), rs.getLong(2), rs.getLong(3))).list();
        return new PurchaseReport(bars, totals[0], ticketCount, Metrics.mean(totals[1], totals[0]),
                Metrics.mean(ticketTouches, ticketCount), top);
    }

    /**
     * Satisfaction of one group of ratings ({@code dimension} team, category, language or tier; {@code key} the group's id
     * or code, '' or 0 when unknown or none; {@code name} its name when it has one): the latest answer of each request,
     * good/okay/bad counts and shares, and of the same rated resolutions those settled and resolved for good.
     */
    public record Satisfaction(String dimension, String key, String name, long ratings, long good, long okay, long bad,
                               Double goodShare, Double okayShare, Double badShare, long settled, long resolvedForGood,
                               Double resolvedForGoodRate) {
    }

    /** The dimensions satisfaction is shown by, in order. */
    public static final List<String> SATISFACTION_BY = List.of("team", "category", "language", "tier");

    /** Ratings of resolutions made in the range, by team, by category, by language and by tier (each rating in each). */
    public List<Satisfaction> satisfaction(ReportFilter filter, AgentPrincipal agent) {
        Where w = where(filter, agent, "resolved_day", true);
        LocalDate settledBy = Metrics.lastSettledDay(today(agent), forGoodDays());
        List<Object> params = new ArrayList<>(List.of(settledBy, settledBy));
        params.addAll(w.params);
        // dimension -> key -> good, okay, bad, settled, for good
        Map<String, Map<String, long[]>> groups = new LinkedHashMap<>();
        SATISFACTION_BY.forEach(d -> groups.put(d, new java.util.TreeMap<>()));
        jdbc.sql("""
                        select team_id, category_id, language, tier, score, sum(ratings),
                               sum(case when resolved_day <= ? then ratings else 0 end),
                               sum(case when resolved_day <= ? then ratings - reopened_within else 0 end)
                        from report_rating_day""" + w.sql + " group by team_id, category_id, language, tier, score")
                .params(params).query((java.sql.ResultSet rs) -> {
                    String[] keys = {String.valueOf(rs.getLong(1)), String.valueOf(rs.getLong(2)), rs.getString(3), rs.getString(4)};
                    int score = switch (rs.getString(5)) {
                        case "GOOD" -> 0;
                        case "OKAY" -> 1;
                        default -> 2;
                    };
                    for (int i = 0; i < keys.length; i++) {
                        long[] g = groups.get(SATISFACTION_BY.get(i)).computeIfAbsent(keys[i], k -> new long[5]);
                        g[score] += rs.getLong(6);
                        g[3] += rs.getLong(7);
                        g[4] += rs.getLong(8);
                    }
                });
        Map<Long, String> teamNames = accounts.teamNames();
        Map<Long, String> categoryNames = new HashMap<>();
        categories.all().forEach(c -> categoryNames.put(c.id(), c.names().current()));
        List<Satisfaction> out = new ArrayList<>();
        groups.forEach((dimension, byKey) -> byKey.forEach((key, g) -> {
            String name = switch (dimension) {
                case "team" -> teamNames.getOrDefault(Long.parseLong(key), key);
                case "category" -> "0".equals(key) ? "" : categoryNames.getOrDefault(Long.parseLong(key), key);
                default -> key;
            };
            long ratings = g[0] + g[1] + g[2];
            if (ratings == 0) {
                return;
            }
            out.add(new Satisfaction(dimension, key, name, ratings, g[0], g[1], g[2], Metrics.percent(g[0], ratings),
                    Metrics.percent(g[1], ratings), Metrics.percent(g[2], ratings), g[3], g[4], Metrics.percent(g[4], g[3])));
        }));
        return out;
    }

    private record Where(String sql, List<Object> params) {
    }

    private Where where(ReportFilter f, AgentPrincipal agent, String dayColumn, boolean withCategory) {
        Set<Long> allowed = teamsFor(agent);
        List<Long> teams;
        if (f.teamId() != null) {
            if (!allowed.contains(f.teamId())) {
                throw new ReportForbidden("You do not lead this team.");
            }
            teams = List.of(f.teamId());
        } else {
            teams = List.copyOf(new TreeSet<>(allowed));
        }
        StringBuilder sql = new StringBuilder(" where team_id in (");
        List<Object> params = new ArrayList<>();
        for (int i = 0; i < teams.size(); i++) {
            sql.append(i == 0 ? "?" : ", ?");
            params.add(teams.get(i));
        }
        sql.append(')');
        if (f.from() != null) {
            sql.append(" and ").append(dayColumn).append(" >= ?");
            params.add(f.from());
        }
        if (f.to() != null) {
            sql.append(" and ").append(dayColumn).append(" <= ?");
            params.add(f.to());
        }
        if (withCategory && f.categoryId() != null) {
            sql.append(" and category_id = ?");
            params.add(f.categoryId());
        }
        if (f.channel() != null) {
            sql.append(" and channel = ?");
            params.add(f.channel());
        }
        if (f.language() != null) {
            sql.append(" and language = ?");
            params.add(f.language());
        }
        return new Where(sql.toString(), params);
    }
}
