package org.regard.accounts;

import org.regard.text.LocalNames;

import org.regard.audit.AuditAction;
import org.regard.audit.AuditLog;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
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

    TeamAdministration(TeamRepository teams, AgentRepository agents, Clock clock, AuditLog audit) {
        this.teams = teams;
        this.agents = agents;
        this.clock = clock;
        this.audit = audit;
    }

    /** A team with the ids of its members (active or not). */
    public record StaffedTeam(TeamView team, Set<Long> members) {
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
        return teams.findAllOrdered().stream().map(t -> new StaffedTeam(t.view(), membersOf(t.getId()))).toList();
    }

    @Transactional(readOnly = true)
    public java.util.Optional<StaffedTeam> team(long id) {
        return teams.findById(id).map(t -> new StaffedTeam(t.view(), membersOf(t.getId())));
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
        LocalNames.check(translations, MAX_NAME);
        if (teams.findByName(name.strip()).isPresent()) {
            throw new AgentAdministration.TeamNameTaken(name);
        }
        Team fresh = new Team(name, clock.instant());
        LocalNames names = new LocalNames(fresh.getName(), translations);
        fresh.nameIn(names);
        Team team = teams.save(fresh);
        Set<Long> staffed = staff(team.getId(), members == null ? Set.of() : members);
        audit.record(AuditAction.TEAM_CREATED, "team", team.getId(), team.getName()
                + (names.byLanguage().isEmpty() ? "" : ", names " + LocalNames.of(names.base()).changesTo(names))
                + (staffed.isEmpty() ? "" : ", members " + emails(staffed)));
        return new StaffedTeam(team.view(), staffed);
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
        LocalNames.check(translations, MAX_NAME);
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
        if (!changed.isEmpty()) {
            teams.save(team);
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
        return new StaffedTeam(team.view(), after);
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
