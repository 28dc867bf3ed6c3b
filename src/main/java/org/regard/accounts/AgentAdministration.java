package org.regard.accounts;

import org.regard.audit.AuditAction;
import org.regard.audit.AuditLog;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The admin's use cases for agents and teams, and an agent's own profile changes. Changes to agents go through
 * {@link ChangingAgent}, to teams through {@link TeamAdministration}; each is audited in its own transaction.
 */
@Service
@Transactional
public class AgentAdministration {
    private final AgentRepository agents;
    private final ChangingAgent changing;
    private final TeamAdministration teamAdministration;
    private final PasswordEncoder encoder;
    private final Clock clock;
    private final AuditLog audit;
    private final PasswordPolicy policy;
    private final PasswordChange passwords;
    private final TimeZones zones;

    AgentAdministration(AgentRepository agents, ChangingAgent changing, TeamAdministration teamAdministration,
                        PasswordEncoder encoder, Clock clock, AuditLog audit, PasswordPolicy policy,
                        PasswordChange passwords, TimeZones zones) {
        this.zones = zones;
        this.agents = agents;
        this.changing = changing;
        this.teamAdministration = teamAdministration;
        this.encoder = encoder;
        this.clock = clock;
        this.audit = audit;
        this.policy = policy;
        this.passwords = passwords;
    }

    /** The facts an admin gives for a new agent. */
    public record NewAgent(String email, String displayName, String password, Role role,
                           String locale, List<String> languages, Set<Long> teamIds, LocalDate probationUntil,
                           boolean reviewer) {
        public NewAgent(String email, String displayName, String password, Role role, String locale,
                        List<String> languages, Set<Long> teamIds) {
            this(email, displayName, password, role, locale, languages, teamIds, null, false);
        }
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

    /** Raised when an admin tries to change their own role. */
    public static class OwnRole extends RuntimeException {
        public OwnRole() {
            super("An admin cannot change their own role; another admin can.");
        }
    }

    /** Raised when a change would leave no active administrator. */
    public static class LastAdmin extends RuntimeException {
        public LastAdmin() {
            super("This is the last active administrator: make another agent an administrator first.");
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
        agent.joinTeams(changing.existingTeams(cmd.teamIds()));
        agent.probationUntil(cmd.probationUntil());
        agent.reviewer(cmd.reviewer());
        AgentView created = agents.save(agent).view();
        audit.record(AuditAction.AGENT_CREATED, "agent", created.id(), created.displayName() + " <" + created.email()
                + ">, role " + ChangingAgent.label(created.role()) + ", teams " + changing.teamNames(created.teamIds()));
        return created;
    }

    /** Changes an agent on behalf of {@code byAgentId} (null for Regard itself); see {@link ChangingAgent}. */
    public AgentView change(Long byAgentId, long agentId, AgentChanges changes) {
        return changing.change(byAgentId, agentId, changes);
    }

    /** Changes what an admin may change about an agent on the agent page. */
    public AgentView update(long agentId, String displayName, Role role, List<String> languages, Set<Long> teamIds) {
        return changing.change(null, agentId, new AgentChanges(null, displayName, role, languages,
                teamIds == null ? Set.of() : teamIds, null, null, null));
    }

    /** Deactivates an agent on an admin's behalf; nobody may deactivate themselves, nor the last active admin. */
    public void deactivate(long agentId, AgentPrincipal actor) {
        changing.change(actor.id(), agentId, AgentChanges.NONE.withActive(false));
    }

    public void activate(long agentId) {
        changing.change(null, agentId, AgentChanges.NONE.withActive(true));
    }

    /** The agent's own choice of page language; {@code null} follows the browser. */
    public void changeLocale(long agentId, String locale) {
        agents.findById(agentId).ifPresent(a -> {
            a.preferLocale(locale);
            agents.save(a);
        });
    }

    /**
     * The zone the agent's pages show times in (an IANA id; blank: their first team's, else the desk's), chosen by the
     * agent on their profile or by an administrator ({@code actorId}) through the API. Audited as an agent change.
     *
     * @throws TimeZones.Unknown naming {@code timeZone} when it is not a zone
     */
    public AgentView changeTimeZone(Long actorId, long agentId, String timeZone) {
        String zone = TimeZones.parse("timeZone", timeZone).map(java.time.ZoneId::getId).orElse(null);
        Agent agent = agents.findById(agentId).orElseThrow(() -> new java.util.NoSuchElementException("Agent " + agentId + " does not exist."));
        if (!java.util.Objects.equals(zone, agent.getTimeZone())) {
            String before = agent.getTimeZone();
            agent.preferTimeZone(zone);
            agent = agents.save(agent);
            zones.agentChanged(agentId);
            audit.record(AuditAction.AGENT_CHANGED, "agent", agentId, agent.getEmail() + (actorId == null || actorId == agentId
                    ? " (own profile)" : "") + ": time zone: " + (before == null ? "default" : before) + " → "
                    + (zone == null ? "default" : zone));
        }
        return agent.view();
    }

    /**
     * Changes the agent's password after checking the current one; returns false when it does not match. Ends all
     * the agent's sessions (see {@link PasswordChange#byAgent} for the page's version, which keeps the current one).
     */
    public boolean changePassword(long agentId, String current, String next) {
        return passwords.byAgent(agentId, current, next, null, null).outcome() == PasswordChange.Outcome.CHANGED;
    }

    public TeamView createTeam(String name) {
        return teamAdministration.create(name, Set.of()).team();
    }

    /** Turns routing by the customer's language on or off for a team's new tickets. */
    public void assignByLanguage(long teamId, boolean enabled) {
        teamAdministration.assignByLanguage(teamId, enabled);
    }

    public TeamView renameTeam(long teamId, String name) {
        return teamAdministration.change(teamId, name, null).team();
    }

    /** Renames the team and gives it exactly these names in other languages (see {@link TeamAdministration}). */
    public TeamView renameTeam(long teamId, String name, java.util.Map<String, String> translations) {
        return teamAdministration.change(teamId, name, translations, null).team();
    }
}
