package org.regard.accounts;

import org.regard.text.LocalNames;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/** What other modules may ask about agents and teams. */
@Service
@Transactional(readOnly = true)
public class Accounts {
    private final AgentRepository agents;
    private final TeamRepository teams;
    private final Clock clock;
    private final org.springframework.jdbc.core.simple.JdbcClient jdbc;

    Accounts(AgentRepository agents, TeamRepository teams, Clock clock, org.springframework.jdbc.core.simple.JdbcClient jdbc) {
        this.jdbc = jdbc;
        this.agents = agents;
        this.teams = teams;
        this.clock = clock;
    }

    public Optional<AgentView> agent(long id) {
        return agents.findById(id).map(Agent::view);
    }

    public Optional<AgentView> agentByEmail(String email) {
        return agents.findByEmail(Agent.normalizeEmail(email)).map(Agent::view);
    }

    /** Every agent, active or not, by name. */
    public List<AgentView> agents() {
        return agents.findAllOrdered().stream().map(Agent::view).toList();
    }

    public List<AgentView> activeMembersOf(long teamId) {
        return agents.findActiveMembersOf(teamId).stream().map(Agent::view).toList();
    }

    public List<TeamView> teams() {
        return teams.findAllOrdered().stream().map(Team::view).toList();
    }

    public Optional<TeamView> team(long id) {
        return teams.findById(id).map(Team::view);
    }

    /**
     * Whether new tickets of this team without an assignee go to the active member who speaks the customer's
     * language and has the fewest open tickets (the team's opt-in).
     */
    public boolean assignsByLanguage(long teamId) {
        return teams.findById(teamId).map(Team::isAssignByLanguage).orElse(false);
    }

    /** A team and whether it routes new tickets by language, in one read. */
    public Optional<TeamRouting> teamRouting(long id) {
        return jdbc.sql("select id, name, names, assign_by_language from team where id = ?").param(id)
                .query((rs, n) -> new TeamRouting(rs.getLong(1), LocalNames.decode(rs.getString(2), rs.getString(3)),
                        rs.getBoolean(4))).optional();
    }

    /** A team as a new ticket needs it: its names, and whether it routes new tickets by the customer's language. */
    public record TeamRouting(long id, LocalNames names, boolean assignsByLanguage) {
        public TeamView view() {
            return new TeamView(id, names);
        }
    }

    public Optional<TeamView> teamByName(String name) {
        return teams.findByName(name.strip()).map(Team::view);
    }

    /**
     * The signed-in agent as an {@link Actor}: role and teams read fresh in one query, so a change an admin made is
     * in force on the next use case, on every node. An agent deactivated meanwhile keeps no team.
     */
    public Actor actor(AgentPrincipal principal) {
        java.util.Objects.requireNonNull(principal, "an agent; use Actor.SYSTEM for Regard's own work");
        Set<Long> teamIds = new java.util.HashSet<>();
        Role[] role = {null};
        java.time.LocalDate[] probation = {null};
        jdbc.sql("select a.role, a.active, m.team_id, a.probation_until from agent a left join team_member m on m.agent_id = a.id where a.id = ?")
                .param(principal.id())
                .query((java.sql.ResultSet rs) -> {
                    if (!rs.getBoolean(2)) {
                        return;
                    }
                    role[0] = Role.valueOf(rs.getString(1));
                    probation[0] = rs.getObject(4, java.time.LocalDate.class);
                    long team = rs.getLong(3);
                    if (!rs.wasNull()) {
                        teamIds.add(team);
                    }
                });
        return new Actor(principal.id(), role[0] == null ? Role.AGENT : role[0], role[0] == null ? Set.of() : teamIds,
                role[0] == null ? null : probation[0]);
    }

    /** The teams the agent belongs to (read fresh, so membership changes apply at once). */
    public Set<Long> teamIdsOf(long agentId) {
        return agents.findById(agentId).map(Agent::teamIds).orElse(Set.of());
    }

    /** The teams whose tickets the agent may see: all for admins, their own for agents. */
    public List<TeamView> visibleTeams(AgentPrincipal agent) {
        if (agent.isAdmin()) {
            return teams();
        }
        Set<Long> mine = teamIdsOf(agent.id());
        return teams().stream().filter(t -> mine.contains(t.id())).toList();
    }

    /** Whether the agent may see and work on tickets of this team. */
    public boolean canSeeTeam(AgentPrincipal agent, long teamId) {
        return agent.isAdmin() || teamIdsOf(agent.id()).contains(teamId);
    }

    /** Every team's name in the reader's language (see {@link TeamView#name()}), by id. */
    public Map<Long, String> teamNames() {
        return teams.findAll().stream().collect(Collectors.toMap(Team::getId, t -> t.localNames().current()));
    }

    /** Agents' display names by id: names only, in one read (no memberships loaded). */
    public Map<Long, String> agentNames(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        Map<Long, String> names = new java.util.HashMap<>();
        jdbc.sql("select id, display_name from agent where id in (:ids)").param("ids", ids.stream().distinct().toList())
                .query((java.sql.ResultSet rs) -> {
                    names.put(rs.getLong(1), rs.getString(2));
                });
        return names;
    }

    public Map<Long, AgentView> agentsById(Collection<Long> ids) {
        return agents.findAllById(ids.stream().distinct().toList()).stream()
                .map(Agent::view).collect(Collectors.toMap(AgentView::id, Function.identity()));
    }

    /** Finds a team by name or creates it; used by the first start, the demo and mail configuration. */
    @Transactional
    public TeamView ensureTeam(String name) {
        return teams.findByName(name.strip()).orElseGet(() -> teams.save(new Team(name, clock.instant()))).view();
    }
}
