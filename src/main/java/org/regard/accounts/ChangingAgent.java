package org.regard.accounts;

import org.regard.audit.AuditAction;
import org.regard.audit.AuditLog;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Set;

/**
 * An administrator changes an agent (pages and API alike): name, address, role, languages, teams, active, probation,
 * reviewer. Each kind of change is audited in the same transaction: the role as {@code ROLE_CHANGED}, the teams as
 * {@code TEAMS_CHANGED}, the rest as {@code AGENT_CHANGED}. Refused: a taken address, the last active administrator
 * losing that role or being deactivated, and an administrator changing their own role or deactivating themselves.
 */
@Service
@Transactional
class ChangingAgent {
    private final AgentRepository agents;
    private final TeamRepository teams;
    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final TimeZones zones;

    ChangingAgent(AgentRepository agents, TeamRepository teams, JdbcClient jdbc, AuditLog audit, TimeZones zones) {
        this.zones = zones;
        this.agents = agents;
        this.teams = teams;
        this.jdbc = jdbc;
        this.audit = audit;
    }

    /** Applies the changes; {@code byAgentId} is who acts (null for Regard itself). */
    AgentView change(Long byAgentId, long agentId, AgentChanges changes) {
        Agent agent = agents.findById(agentId).orElseThrow(() -> new NoSuchElementException("Agent " + agentId + " does not exist."));
        Role role = changes.role() == null ? agent.getRole() : changes.role();
        boolean active = changes.active() == null ? agent.isActive() : changes.active();
        boolean self = byAgentId != null && byAgentId == agentId;
        if (agent.getRole() == Role.ADMIN && agent.isActive() && (role != Role.ADMIN || !active)) {
            requireAnotherActiveAdmin(agentId);
        }
        if (self && role != agent.getRole()) {
            throw new AgentAdministration.OwnRole();
        }
        if (self && !active && agent.isActive()) {
            throw new AgentAdministration.SelfDeactivation();
        }
        if (changes.email() != null && !Agent.normalizeEmail(changes.email()).equals(agent.getEmail())
                && agents.findByEmail(Agent.normalizeEmail(changes.email())).isPresent()) {
            throw new AgentAdministration.EmailTaken(changes.email());
        }

        List<String> changed = new ArrayList<>();
        if (changes.email() != null && !Agent.normalizeEmail(changes.email()).equals(agent.getEmail())) {
            changed.add("email: " + agent.getEmail() + " → " + Agent.normalizeEmail(changes.email()));
            agent.changeEmail(changes.email());
        }
        if (changes.displayName() != null && !changes.displayName().strip().equals(agent.getDisplayName())) {
            changed.add("name: " + agent.getDisplayName() + " → " + changes.displayName().strip());
            agent.rename(changes.displayName());
        }
        if (changes.languages() != null) {
            List<String> before = agent.languages();
            agent.speaks(changes.languages());
            if (!before.equals(agent.languages())) {
                changed.add("languages: " + list(before) + " → " + list(agent.languages()));
            }
        }
        if (active != agent.isActive()) {
            changed.add(active ? "activated" : "deactivated");
            if (active) {
                agent.activate();
            } else {
                agent.deactivate();
            }
        }
        if (changes.probationUntil() != null && !Objects.equals(changes.probationUntil().orElse(null), agent.getProbationUntil())) {
            changed.add("probation until: " + day(agent.getProbationUntil()) + " → " + day(changes.probationUntil().orElse(null)));
            agent.probationUntil(changes.probationUntil().orElse(null));
        }
        if (changes.reviewer() != null && changes.reviewer() != agent.isReviewer()) {
            changed.add("reviewer: " + (changes.reviewer() ? "yes" : "no"));
            agent.reviewer(changes.reviewer());
        }
        Role before = agent.getRole();
        agent.grant(role);
        Set<Long> teamsBefore = agent.teamIds();
        if (changes.teamIds() != null) {
            agent.joinTeams(existingTeams(changes.teamIds()));
        }
        AgentView saved = agents.save(agent).view();

        String who = saved.displayName() + " <" + saved.email() + ">";
        if (!changed.isEmpty()) {
            audit.record(AuditAction.AGENT_CHANGED, "agent", agentId, who + ": " + String.join("; ", changed));
        }
        if (before != role) {
            audit.record(AuditAction.ROLE_CHANGED, "agent", agentId, who + ": " + label(before) + " → " + label(role));
        }
        if (!teamsBefore.equals(saved.teamIds())) {
            zones.agentChanged(agentId);
            audit.record(AuditAction.TEAMS_CHANGED, "agent", agentId,
                    who + ": " + teamNames(teamsBefore) + " → " + teamNames(saved.teamIds()));
        }
        return saved;
    }

    /**
     * Refuses to leave the desk without an active administrator. The active administrators' rows are locked first, so
     * two administrators demoting each other at the same moment cannot both succeed.
     */
    private void requireAnotherActiveAdmin(long agentId) {
        List<Long> admins = jdbc.sql("select id from agent where role = 'ADMIN' and active for update").query(Long.class).list();
        if (admins.stream().noneMatch(id -> id != agentId)) {
            throw new AgentAdministration.LastAdmin();
        }
    }

    Set<Long> existingTeams(Set<Long> teamIds) {
        if (teamIds == null || teamIds.isEmpty()) {
            return Set.of();
        }
        Set<Long> known = new java.util.HashSet<>();
        teams.findAllById(teamIds).forEach(t -> known.add(t.getId()));
        return known;
    }

    String teamNames(Set<Long> ids) {
        if (ids.isEmpty()) {
            return "none";
        }
        List<String> names = new ArrayList<>();
        teams.findAllById(ids).forEach(t -> names.add(t.getName()));
        return names.stream().sorted().collect(java.util.stream.Collectors.joining(", "));
    }

    static String label(Role role) {
        return role.name().toLowerCase(java.util.Locale.ROOT);
    }

    private static String list(List<String> values) {
        return values.isEmpty() ? "none" : String.join(", ", values);
    }

    private static String day(LocalDate day) {
        return day == null ? "none" : day.toString();
    }
}
