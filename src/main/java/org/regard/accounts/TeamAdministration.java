package org.regard.accounts;

import org.regard.text.LocalNames;

import org.regard.audit.AuditAction;
import org.regard.audit.AuditLog;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * An administrator creates, renames and staffs teams, and sets how a team routes new tickets. Memberships belong to
 * the agents (each agent's teams are one aggregate), so staffing a team changes each agent who joins or leaves it.
 * Audited in the same transaction: {@code TEAM_CREATED}, {@code TEAM_CHANGED} (name, members), and
 * {@code SETTINGS_CHANGED} for the routing setting.
 */
@Service
@Transactional
public class TeamAdministration {
    /** The longest name a team may have, in any language. */
    public static final int MAX_NAME = 100;

    private final TeamRepository teams;
    private final AgentRepository agents;
    private final Clock clock;
    private final AuditLog audit;
    private final TimeZones zones;

    TeamAdministration(TeamRepository teams, AgentRepository agents, Clock clock, AuditLog audit, TimeZones zones) {
        this.teams = teams;
        this.agents = agents;
        this.clock = clock;
        this.audit = audit;
        this.zones = zones;
    }

    /**
     * A team with the ids of its members (active or not) and its time zone ({@code timeZone}: the IANA id it was given,
     * null for the desk's default).
     */
    public record StaffedTeam(TeamView team, Set<Long> members, String timeZone) {
    }

    /** Raised when a member to add is not an agent. */
    public static class UnknownAgent extends RuntimeException {
        private final long agentId;

        public UnknownAgent(long agentId) {
            super("Agent " + agentId + " does not exist.");
            this.agentId = agentId;
        }

        public long agentId() {
            return agentId;
        }
    }

    @Transactional(readOnly = true)
    public List<StaffedTeam> all() {
        return teams.findAllOrdered().stream().map(t -> new StaffedTeam(t.view(), membersOf(t.getId()), t.getTimeZone())).toList();
    }

    @Transactional(readOnly = true)
    public java.util.Optional<StaffedTeam> team(long id) {
        return teams.findById(id).map(t -> new StaffedTeam(t.view(), membersOf(t.getId()), t.getTimeZone()));
    }

    public StaffedTeam create(String name, Set<Long> members) {
        return create(name, null, members);
    }

    /**
     * Creates a team with a base name, its names in other languages (may be null) and its members.
     *
     * @throws LocalNames.Invalid naming the language whose name cannot be kept
     */
    public StaffedTeam create(String name, Map<String, String> translations, Set<Long> members) {
        return create(name, translations, members, null);
    }

    /**
     * Creates a team as above, counting its days in {@code timeZone} (an IANA id; null or blank: the desk's).
     *
     * @throws TimeZones.Unknown naming {@code timeZone} when it is not a zone
     */
    public StaffedTeam create(String name, Map<String, String> translations, Set<Long> members, String timeZone) {
        LocalNames.check(translations, MAX_NAME);
        String zone = TimeZones.parse("timeZone", timeZone).map(ZoneId::getId).orElse(null);
        if (teams.findByName(name.strip()).isPresent()) {
            throw new AgentAdministration.TeamNameTaken(name);
        }
        Team fresh = new Team(name, clock.instant());
        LocalNames names = new LocalNames(fresh.getName(), translations);
        fresh.nameIn(names);
        fresh.countDaysIn(zone);
        Team team = teams.save(fresh);
        zones.teamChanged(team.getId(), zone);
        Set<Long> staffed = staff(team.getId(), members == null ? Set.of() : members);
        audit.record(AuditAction.TEAM_CREATED, "team", team.getId(), team.getName()
                + (names.byLanguage().isEmpty() ? "" : ", names " + LocalNames.of(names.base()).changesTo(names))
                + (zone == null ? "" : ", time zone " + zone)
                + (staffed.isEmpty() ? "" : ", members " + emails(staffed)));
        return new StaffedTeam(team.view(), staffed, zone);
    }

    /** Renames the team when {@code name} is given, and makes {@code members} its members when given. */
    public StaffedTeam change(long teamId, String name, Set<Long> members) {
        return change(teamId, name, null, members);
    }

    /**
     * Renames the team when {@code name} is given, gives it exactly these names in other languages when
     * {@code translations} is given (a blank name removes that language's), and makes {@code members} its members when
     * given. One audit entry lists what changed.
     *
     * @throws LocalNames.Invalid naming the language whose name cannot be kept
     */
    public StaffedTeam change(long teamId, String name, Map<String, String> translations, Set<Long> members) {
        return change(teamId, name, translations, members, null);
    }

    /**
     * As above, and counts the team's days in {@code timeZone} when given (an IANA id; blank: back to the desk's
     * default; null: unchanged). Facts recorded from then on fall on the new zone's days; rows already counted keep
     * their day (see docs/ARCHITECTURE.md, "Time zones").
     *
     * @throws TimeZones.Unknown naming {@code timeZone} when it is not a zone
     */
    public StaffedTeam change(long teamId, String name, Map<String, String> translations, Set<Long> members, String timeZone) {
        LocalNames.check(translations, MAX_NAME);
        String zone = timeZone == null ? null : TimeZones.parse("timeZone", timeZone).map(ZoneId::getId).orElse("");
        Team team = teams.findById(teamId).orElseThrow(() -> new NoSuchElementException("Team " + teamId + " does not exist."));
        List<String> changed = new ArrayList<>();
        if (name != null && !name.strip().equals(team.getName())) {
            teams.findByName(name.strip()).filter(other -> !other.getId().equals(team.getId()))
                    .ifPresent(other -> {
                        throw new AgentAdministration.TeamNameTaken(name);
                    });
            changed.add("name: " + team.getName() + " → " + name.strip());
            team.rename(name);
        }
        if (translations != null) {
            LocalNames before = team.localNames();
            LocalNames after = new LocalNames(before.base(), translations);
            if (!before.equals(after)) {
                changed.add("names: " + before.changesTo(after));
                team.nameIn(after);
            }
        }
        boolean zoneChanged = false;
        if (zone != null && !Objects.equals(zone.isEmpty() ? null : zone, team.getTimeZone())) {
            changed.add("time zone: " + shown(team.getTimeZone()) + " → " + shown(zone.isEmpty() ? null : zone));
            team.countDaysIn(zone.isEmpty() ? null : zone);
            zoneChanged = true;
        }
        if (!changed.isEmpty()) {
            teams.save(team);
        }
        if (zoneChanged) {
            zones.teamChanged(teamId, team.getTimeZone());
        }
        Set<Long> before = membersOf(teamId);
        Set<Long> after = before;
        if (members != null) {
            after = staff(teamId, members);
            Set<Long> added = new TreeSet<>(after);
            added.removeAll(before);
            Set<Long> removed = new TreeSet<>(before);
            removed.removeAll(after);
            if (!added.isEmpty()) {
                changed.add("members added: " + emails(added));
            }
            if (!removed.isEmpty()) {
                changed.add("members removed: " + emails(removed));
            }
        }
        if (!changed.isEmpty()) {
            audit.record(AuditAction.TEAM_CHANGED, "team", teamId, team.getName() + ": " + String.join("; ", changed));
        }
        if (members != null && !after.equals(before)) {
            zones.teamChanged(teamId, team.getTimeZone());
        }
        return new StaffedTeam(team.view(), after, team.getTimeZone());
    }

    /**
     * Counts the team's days in this zone from now on (an IANA id; blank: the desk's default). Audited as a team change.
     *
     * @throws TimeZones.Unknown naming {@code timeZone} when it is not a zone
     */
    public StaffedTeam changeTimeZone(long teamId, String timeZone) {
        return change(teamId, null, null, null, timeZone == null ? "" : timeZone);
    }

    private String shown(String zone) {
        return zone == null ? "desk default (" + zones.desk().getId() + ")" : zone;
    }

    /** Turns routing by the customer's language on or off for a team's new tickets. */
    public void assignByLanguage(long teamId, boolean enabled) {
        Team team = teams.findById(teamId).orElseThrow(() -> new NoSuchElementException("Team " + teamId + " does not exist."));
        if (team.isAssignByLanguage() == enabled) {
            return;
        }
        team.assignByLanguage(enabled);
        teams.save(team);
        audit.record(AuditAction.SETTINGS_CHANGED, "team", teamId,
                team.getName() + ": new tickets go to a member who speaks the customer's language: " + (enabled ? "on" : "off"));
    }

    /** Makes exactly these agents the team's members; returns them. */
    private Set<Long> staff(long teamId, Set<Long> wanted) {
        Set<Long> current = membersOf(teamId);
        Set<Long> touched = new HashSet<>(wanted);
        touched.addAll(current);
        List<Agent> found = agents.findAllById(touched);
        Set<Long> foundIds = new HashSet<>();
        found.forEach(a -> foundIds.add(a.getId()));
        wanted.stream().filter(id -> !foundIds.contains(id)).findFirst().ifPresent(id -> {
            throw new UnknownAgent(id);
        });
        for (Agent agent : found) {
            boolean in = wanted.contains(agent.getId());
            if (in != current.contains(agent.getId())) {
                if (in) {
                    agent.joinTeam(teamId);
                } else {
                    agent.leaveTeam(teamId);
                }
                agents.save(agent);
            }
        }
        return Set.copyOf(wanted);
    }

    private Set<Long> membersOf(long teamId) {
        return Set.copyOf(agents.findMemberIdsOf(teamId));
    }

    private String emails(Set<Long> agentIds) {
        List<String> emails = new ArrayList<>();
        agents.findAllById(agentIds).forEach(a -> emails.add(a.getEmail()));
        return String.join(", ", emails.stream().sorted().toList());
    }
}
