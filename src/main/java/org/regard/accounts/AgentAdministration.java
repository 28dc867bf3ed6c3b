package org.regard.accounts;

import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.util.List;
import java.util.Set;

/** The admin's use cases for agents and teams, and an agent's own profile changes. */
@Service
@Transactional
public class AgentAdministration {
    /** Passwords shorter than this are refused (see {@link PasswordPolicy} for every rule). */
    public static final int MIN_PASSWORD_LENGTH = PasswordPolicy.MIN_LENGTH;

    private final AgentRepository agents;
    private final TeamRepository teams;
    private final PasswordEncoder encoder;
    private final Clock clock;
    private final PasswordPolicy policy;
    private final PasswordChange passwords;

    AgentAdministration(AgentRepository agents, TeamRepository teams, PasswordEncoder encoder, Clock clock,
                        PasswordPolicy policy, PasswordChange passwords) {
        this.agents = agents;
        this.teams = teams;
        this.encoder = encoder;
        this.clock = clock;
        this.policy = policy;
        this.passwords = passwords;
    }

    /** The facts an admin gives for a new agent. */
    public record NewAgent(String email, String displayName, String password, Role role,
                           String locale, List<String> languages, Set<Long> teamIds) {
    }

    /** Raised when an email address already belongs to another agent. */
    public static class EmailTaken extends RuntimeException {
        public EmailTaken(String email) {
            super("An agent with the email " + email + " already exists.");
        }
    }

    /** Raised when a new password breaks a rule of the {@link PasswordPolicy}; the message never quotes it. */
    public static class WeakPassword extends IllegalArgumentException {
        private final PasswordProblem problem;

        public WeakPassword(PasswordProblem problem) {
            super(problem.englishMessage());
            this.problem = problem;
        }

        public PasswordProblem problem() {
            return problem;
        }
    }

    /** Raised when a team name is already used. */
    public static class TeamNameTaken extends RuntimeException {
        public TeamNameTaken(String name) {
            super("A team named " + name + " already exists.");
        }
    }

    /** Raised when an admin tries to deactivate their own account, which would lock them out. */
    public static class SelfDeactivation extends RuntimeException {
        public SelfDeactivation() {
            super("An admin cannot deactivate their own account.");
        }
    }

    public AgentView create(NewAgent cmd) {
        if (agents.findByEmail(Agent.normalizeEmail(cmd.email())).isPresent()) {
            throw new EmailTaken(cmd.email());
        }
        policy.problemWith(cmd.password(), cmd.email(), cmd.displayName()).ifPresent(problem -> {
            throw new WeakPassword(problem);
        });
        Agent agent = new Agent(cmd.email(), cmd.displayName(), encoder.encode(cmd.password()), cmd.role(), clock.instant());
        agent.preferLocale(cmd.locale());
        agent.speaks(cmd.languages() == null ? List.of() : cmd.languages());
        agent.joinTeams(existingTeams(cmd.teamIds()));
        return agents.save(agent).view();
    }

    /** Changes what an admin may change about an agent. */
    public AgentView update(long agentId, String displayName, Role role, List<String> languages, Set<Long> teamIds) {
        Agent agent = agents.findById(agentId).orElseThrow(() -> new IllegalArgumentException("No agent " + agentId));
        agent.rename(displayName);
        agent.grant(role);
        agent.speaks(languages);
        agent.joinTeams(existingTeams(teamIds));
        return agents.save(agent).view();
    }

    public void deactivate(long agentId) {
        agents.findById(agentId).ifPresent(a -> {
            a.deactivate();
            agents.save(a);
        });
    }

    /** Deactivates an agent on an admin's behalf; nobody may deactivate themselves. */
    public void deactivate(long agentId, AgentPrincipal actor) {
        if (actor.id() == agentId) {
            throw new SelfDeactivation();
        }
        deactivate(agentId);
    }

    public void activate(long agentId) {
        agents.findById(agentId).ifPresent(a -> {
            a.activate();
            agents.save(a);
        });
    }

    /** The agent's own choice of page language; {@code null} follows the browser. */
    public void changeLocale(long agentId, String locale) {
        agents.findById(agentId).ifPresent(a -> {
            a.preferLocale(locale);
            agents.save(a);
        });
    }

    /**
     * Changes the agent's password after checking the current one; returns false when it does not match. Ends all
     * the agent's sessions (see {@link PasswordChange#byAgent} for the page's version, which keeps the current one).
     */
    public boolean changePassword(long agentId, String current, String next) {
        return passwords.byAgent(agentId, current, next, null, null).outcome() == PasswordChange.Outcome.CHANGED;
    }

    public TeamView createTeam(String name) {
        if (teams.findByName(name.strip()).isPresent()) {
            throw new TeamNameTaken(name);
        }
        return teams.save(new Team(name, clock.instant())).view();
    }

    /** Turns routing by the customer's language on or off for a team's new tickets. */
    public void assignByLanguage(long teamId, boolean enabled) {
        Team team = teams.findById(teamId).orElseThrow(() -> new IllegalArgumentException("No team " + teamId));
        team.assignByLanguage(enabled);
        teams.save(team);
    }

    public TeamView renameTeam(long teamId, String name) {
        Team team = teams.findById(teamId).orElseThrow(() -> new IllegalArgumentException("No team " + teamId));
        teams.findByName(name.strip()).filter(other -> !other.getId().equals(team.getId()))
                .ifPresent(other -> {
                    throw new TeamNameTaken(name);
                });
        team.rename(name);
        return teams.save(team).view();
    }

    private Set<Long> existingTeams(Set<Long> teamIds) {
        if (teamIds == null || teamIds.isEmpty()) {
            return Set.of();
        }
        Set<Long> known = new java.util.HashSet<>();
        teams.findAllById(teamIds).forEach(t -> known.add(t.getId()));
        return known;
    }
}
