package org.regard.accounts;

import org.regard.audit.AuditAction;
import org.regard.audit.AuditLog;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.NoSuchElementException;
import java.util.Objects;

/**
 * Setting a new password, by the agent (who confirms the current one) or by an admin (a reset). The new password
 * must pass the {@link PasswordPolicy}. It ends the agent's other sessions on every node (they live in the shared
 * session store): whoever knew the old password and signed in with it is out. API tokens stay valid: they are separate
 * credentials the agent created for programs, listed and revocable on the profile page, and a password change must not
 * silently break a reporting script. The change, its audit entries and the ended sessions commit together.
 */
@Service
@Transactional
public class PasswordChange {
    /** How the agent's own change went. */
    public enum Outcome { CHANGED, WRONG_CURRENT_PASSWORD, WAIT }

    /** The outcome and how many other sessions were ended. */
    public record Result(Outcome outcome, int sessionsEnded) {
    }

    private final AgentRepository agents;
    private final PasswordEncoder encoder;
    private final PasswordPolicy policy;
    private final LoginThrottle throttle;
    private final AuditLog audit;
    private final FindByIndexNameSessionRepository<?> sessions;

    PasswordChange(AgentRepository agents, PasswordEncoder encoder, PasswordPolicy policy, LoginThrottle throttle,
                   AuditLog audit, FindByIndexNameSessionRepository<?> sessions) {
        this.agents = agents;
        this.encoder = encoder;
        this.policy = policy;
        this.throttle = throttle;
        this.audit = audit;
        this.sessions = sessions;
    }

    /**
     * The agent changes their own password. A wrong current password counts as a failed sign-in for the throttle (a
     * borrowed session must not become a way to guess it).
     *
     * @param keepSessionId the session the change was made in, which stays signed in; null ends them all
     * @throws AgentAdministration.WeakPassword when the new password breaks a rule
     */
    public Result byAgent(long agentId, String current, String next, String keepSessionId, String clientAddress) {
        Agent agent = agents.findById(agentId).orElseThrow(() -> new NoSuchElementException("No agent " + agentId));
        if (throttle.waitBefore(throttle.failures(agent.getEmail(), clientAddress)).isPositive()) {
            return new Result(Outcome.WAIT, 0);
        }
        if (current == null || !encoder.matches(current, agent.getPasswordHash())) {
            throttle.recordFailure(agent.getEmail(), clientAddress);
            return new Result(Outcome.WRONG_CURRENT_PASSWORD, 0);
        }
        set(agent, next);
        audit.record(AuditAction.PASSWORD_CHANGED, agent.getId(), agent.getEmail(), "agent", agent.getId(),
                "changed their own password", clientAddress);
        int ended = endSessions(agent, keepSessionId, agent.getId(), agent.getEmail(), clientAddress);
        return new Result(Outcome.CHANGED, ended);
    }

    /**
     * An admin sets a new password for an agent (for one who forgot theirs); every session of the agent ends.
     *
     * @return how many sessions were ended
     * @throws AgentAdministration.WeakPassword when the new password breaks a rule
     */
    public int byAdmin(long agentId, String next, AgentPrincipal admin, String clientAddress) {
        Objects.requireNonNull(admin, "the admin who resets the password");
        Agent agent = agents.findById(agentId).orElseThrow(() -> new NoSuchElementException("No agent " + agentId));
        set(agent, next);
        audit.record(AuditAction.PASSWORD_CHANGED, admin.id(), admin.email(), "agent", agent.getId(),
                "set a new password for " + agent.getEmail(), clientAddress);
        return endSessions(agent, null, admin.id(), admin.email(), clientAddress);
    }

    private void set(Agent agent, String next) {
        policy.problemWith(next, agent.getEmail(), agent.getDisplayName()).ifPresent(problem -> {
            throw new AgentAdministration.WeakPassword(problem);
        });
        agent.changePasswordHash(encoder.encode(next));
        agents.save(agent);
    }

    private int endSessions(Agent agent, String keepSessionId, long actorId, String actor, String clientAddress) {
        var ids = sessions.findByPrincipalName(agent.getEmail()).keySet().stream()
                .filter(id -> !id.equals(keepSessionId)).toList();
        ids.forEach(sessions::deleteById);
        if (!ids.isEmpty()) {
            audit.record(AuditAction.SIGN_OUT_EVERYWHERE, actorId, actor, "agent", agent.getId(),
                    "ended " + ids.size() + " session(s) of " + agent.getEmail() + " after a password change", clientAddress);
        }
        return ids.size();
    }
}
