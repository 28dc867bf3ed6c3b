package org.regard.gestures;

import org.regard.accounts.Accounts;
import org.regard.accounts.Actor;
import org.regard.accounts.AgentPrincipal;
import org.regard.accounts.AgentView;
import org.regard.accounts.TeamAccess;
import org.regard.customers.Customers;
import org.regard.tickets.Categories;
import org.regard.tickets.TicketAccess;
import org.regard.tickets.TicketQueries;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Gestures: recording them on a ticket, reading them by ticket and by customer, what an agent may still grant, the
 * limits and the sums for reports. Each write is handed to one use-case class ({@link RecordingGesture},
 * {@link SettingLimit}).
 */
@Service
public class Gestures {
    /** The most gestures a customer's list shows. */
    public static final int MAX_CUSTOMER = 100;
    /** The longest reason. */
    public static final int MAX_REASON = RecordingGesture.MAX_REASON;

    private final RecordingGesture recording;
    private final SettingLimit setting;
    private final GestureStore store;
    private final TicketQueries tickets;
    private final TicketAccess ticketAccess;
    private final TeamAccess teamAccess;
    private final Accounts accounts;
    private final Customers customers;
    private final Categories categories;
    private final Clock clock;
    private final String defaultCurrency;
    private final org.regard.accounts.TimeZones zones;

    Gestures(RecordingGesture recording, SettingLimit setting, GestureStore store, TicketQueries tickets,
             TicketAccess ticketAccess, TeamAccess teamAccess, Accounts accounts, Customers customers, Categories categories,
             Clock clock, @Value("${regard.gestures.currency:EUR}") String defaultCurrency, org.regard.accounts.TimeZones zones) {
        this.zones = zones;
        this.recording = recording;
        this.setting = setting;
        this.store = store;
        this.tickets = tickets;
        this.ticketAccess = ticketAccess;
        this.teamAccess = teamAccess;
        this.accounts = accounts;
        this.customers = customers;
        this.categories = categories;
        this.clock = clock;
        this.defaultCurrency = defaultCurrency;
    }

    /** What an agent records: a kind's key, an amount in a currency (ISO 4217), a short reason. */
    public record NewGesture(String kind, BigDecimal amount, String currency, String reason) {
    }

    /** The gesture recorded, or ({@code duplicate}) the one an earlier submission with the same key recorded. */
    public record Recorded(Gesture gesture, boolean duplicate) {
    }

    /** A limit to set: for a team ({@code teamId}) or one agent ({@code agentId}); perMonth may be null. */
    public record LimitChange(Long teamId, Long agentId, String kind, String currency, BigDecimal perGesture,
                              BigDecimal perMonth) {
    }

    /** What an agent may grant on their own of a kind, and what is left of it this month (null: no monthly limit). */
    public record Allowance(GestureKind kind, String currency, BigDecimal perGesture, BigDecimal perMonth,
                            BigDecimal leftThisMonth, boolean own) {
    }

    /** One line of the sums: a group (an agent, a team, a category, a kind) in one currency. */
    public record Sum(String by, String key, String name, String currency, long count, BigDecimal total) {
    }

    /**
     * Records a gesture on a ticket; within the author's limit it stands, above it it waits for review. A submission
     * key seen before returns the gesture it recorded.
     *
     * @throws GestureInvalid                     when the input is wrong; nothing is written
     * @throws org.regard.tickets.TicketNotFound  when there is no such ticket
     * @throws org.regard.tickets.TicketForbidden when the agent may not work on it
     */
    public Recorded record(long ticketId, NewGesture gesture, String submissionKey, AgentPrincipal agent) {
        try {
            return recording.record(ticketId, gesture, submissionKey, agent);
        } catch (DuplicateKeyException raced) {
            // the same submission landed meanwhile (a double click): answer with it
            String key = RecordingGesture.scopedKey(submissionKey);
            return store.bySubmission(agent.id(), key).map(g -> new Recorded(g, true)).orElseThrow(() -> raced);
        }
    }

    /** The ticket's gestures, oldest first, for agents who may see it. */
    public List<Gesture> ofTicket(long ticketId, AgentPrincipal agent) {
        tickets.requireVisible(ticketId, agent);
        return store.ofTicket(ticketId);
    }

    /** The customer's gestures on tickets of the teams the agent works in (every team for an administrator), newest first. */
    public List<Gesture> ofCustomer(long customerId, AgentPrincipal agent) {
        if (customers.customer(customerId).isEmpty()) {
            throw new GestureNotFound("There is no customer " + customerId + ".");
        }
        Set<Long> teams = ticketAccess.visibleTeams(agent).orElse(null);
        return store.ofCustomer(customerId, teams, MAX_CUSTOMER);
    }

    /** What the agent may grant on their own on a ticket of this team, kind by kind (kinds without a limit are left out). */
    public List<Allowance> allowances(long teamId, AgentPrincipal agent) {
        List<GestureLimit> limits = store.limitsFor(agent.id(), teamId);
        Instant now = clock.instant();
        List<Allowance> allowances = new ArrayList<>();
        for (GestureKind kind : GestureKind.values()) {
            LimitRule.applicable(limits, agent.id(), teamId, kind).ifPresent(limit -> {
                BigDecimal left = limit.perMonth() == null ? null : LimitRule.left(limit, store.used(agent.id(), kind,
                        limit.currency(), RecordingGesture.monthStart(now, zones.ofTeam(teamId)),
                        RecordingGesture.monthEnd(now, zones.ofTeam(teamId))));
                allowances.add(new Allowance(kind, limit.currency(), limit.perGesture(), limit.perMonth(),
                        left == null ? null : Amounts.scaled(left, limit.currency()), limit.agentId() != null));
            });
        }
        return allowances;
    }

    /** The currency the gesture form starts with: the agent's limits', else the desk's ({@code regard.gestures.currency}). */
    public String defaultCurrency(List<Allowance> allowances) {
        return allowances.stream().map(Allowance::currency).findFirst().orElse(defaultCurrency);
    }

    // limits

    /** Whether the agent may set limits (for some team): administrators and leads. */
    public boolean maySetLimits(AgentPrincipal agent) {
        Actor actor = accounts.actor(agent);
        return actor.isAdmin() || actor.isLead();
    }

    /** The teams whose limits the agent may set. */
    public Set<Long> teamsLed(AgentPrincipal agent) {
        return teamAccess.teamsLedBy(accounts.actor(agent));
    }

    /**
     * The limits the agent may see: an administrator all; everyone else the limits of their teams, their own, and (a
     * lead) those of the agents of the teams they lead.
     */
    public List<GestureLimit> limits(AgentPrincipal agent) {
        Actor actor = accounts.actor(agent);
        if (actor.isAdmin()) {
            return store.limits();
        }
        Set<Long> led = teamAccess.teamsLedBy(actor);
        List<GestureLimit> all = store.limits();
        Map<Long, AgentView> agents = accounts.agentsById(all.stream().map(GestureLimit::agentId)
                .filter(java.util.Objects::nonNull).distinct().toList());
        return all.stream().filter(l -> l.teamId() != null ? actor.teamIds().contains(l.teamId())
                : l.agentId() == agent.id() || Optional.ofNullable(agents.get(l.agentId()))
                .map(a -> a.teamIds().stream().anyMatch(led::contains)).orElse(false)).toList();
    }

    /**
     * Sets (creates or replaces) the limit of a team or an agent for a kind.
     *
     * @throws GestureForbidden when the agent is neither an administrator nor a lead of the team (of one of the agent's teams)
     * @throws GestureInvalid   when the input is wrong; nothing is written
     */
    public GestureLimit setLimit(LimitChange change, AgentPrincipal agent) {
        return setting.set(change, agent);
    }

    /** Removes a limit: the kind then goes to review for those it applied to (unless a team's limit still applies). */
    public void removeLimit(long id, AgentPrincipal agent) {
        setting.remove(id, agent);
    }

    // reports

    /** What the sums may be grouped by. */
    public static final List<String> GROUPS = List.of("agent", "team", "category", "kind");

    /**
     * The sums of standing gestures per currency from {@code from} to {@code to} (days in the reader's time zone, both included), grouped
     * by agent, team, category or kind: an administrator over every team, a lead over the teams they lead.
     */
    public List<Sum> sums(LocalDate from, LocalDate to, String by, AgentPrincipal agent) {
        Actor actor = accounts.actor(agent);
        if (!actor.isAdmin() && !actor.isLead()) {
            throw new GestureForbidden("Only an administrator or a team lead reads the sums of gestures.");
        }
        String group = by == null || by.isBlank() ? "kind" : by.strip();
        if (!GROUPS.contains(group)) {
            throw new GestureInvalid("by", "must be one of " + String.join(", ", GROUPS), "gestures.error.by");
        }
        java.time.ZoneId zone = zones.ofAgent(agent.id());
        LocalDate today = LocalDate.ofInstant(clock.instant(), zone);
        LocalDate start = from == null ? today.withDayOfMonth(1) : from;
        LocalDate end = to == null ? today : to;
        if (end.isBefore(start)) {
            throw new GestureInvalid("to", "must not be before from", "gestures.error.range");
        }
        Set<Long> teams = actor.isAdmin() ? null : new HashSet<>(teamAccess.teamsLedBy(actor));
        List<GestureStore.SumRow> rows = store.sums(group, start.atStartOfDay(zone).toInstant(),
                end.plusDays(1).atStartOfDay(zone).toInstant(), teams);
        Map<Long, String> names = switch (group) {
            case "agent" -> accounts.agentNames(rows.stream().map(GestureStore.SumRow::groupId).distinct().toList());
            case "team" -> accounts.teamNames();
            default -> Map.of();
        };
        List<Sum> sums = new ArrayList<>();
        for (GestureStore.SumRow r : rows) {
            String key = group.equals("kind") ? r.kind() : r.groupId() == null ? null : String.valueOf(r.groupId());
            String name = switch (group) {
                case "kind" -> GestureKind.parse(r.kind()).map(GestureKind::englishName).orElse(r.kind());
                case "category" -> r.groupId() == null ? null
                        : categories.category(r.groupId()).map(Categories.CategoryView::name).orElse("#" + r.groupId());
                default -> names.getOrDefault(r.groupId(), "#" + r.groupId());
            };
            sums.add(new Sum(group, key, name, r.currency(), r.count(), r.total()));
        }
        sums.sort(Comparator.comparing(Sum::key, Comparator.nullsLast(Comparator.naturalOrder())).thenComparing(Sum::currency));
        return sums;
    }

    /** The names of agents, for pages. */
    public Map<Long, String> agentNames(List<Long> ids) {
        return accounts.agentNames(ids);
    }
}
