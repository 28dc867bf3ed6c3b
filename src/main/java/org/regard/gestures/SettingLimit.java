package org.regard.gestures;

import org.regard.accounts.Accounts;
import org.regard.accounts.Actor;
import org.regard.accounts.AgentPrincipal;
import org.regard.accounts.AgentView;
import org.regard.accounts.TeamAccess;
import org.regard.accounts.TeamView;
import org.regard.audit.AuditAction;
import org.regard.audit.AuditLog;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;

/**
 * Setting and removing gesture limits: administrators for every team and agent, a lead for the teams they lead
 * ({@link TeamAccess#canLead}) and for the agents of those teams; nobody else. Each change is one audit entry
 * ({@code SETTINGS_CHANGED}, target {@code gesture-limit}).
 */
@Component
@Transactional
class SettingLimit {
    private final GestureStore store;
    private final Accounts accounts;
    private final TeamAccess teamAccess;
    private final AuditLog audit;
    private final Clock clock;

    SettingLimit(GestureStore store, Accounts accounts, TeamAccess teamAccess, AuditLog audit, Clock clock) {
        this.store = store;
        this.accounts = accounts;
        this.teamAccess = teamAccess;
        this.audit = audit;
        this.clock = clock;
    }

    GestureLimit set(Gestures.LimitChange change, AgentPrincipal agent) {
        Actor actor = leader(agent);
        if ((change.teamId() == null) == (change.agentId() == null)) {
            throw new GestureInvalid(change.teamId() == null ? "team" : "agent",
                    "must be given for a team's limit, or agent for one agent's, not both", "gestures.error.owner");
        }
        GestureKind kind = GestureKind.parse(change.kind()).orElseThrow(() -> change.kind() == null || change.kind().isBlank()
                ? new GestureInvalid("kind", "is required", "gestures.error.required")
                : new GestureInvalid("kind", "must be one of " + GestureKind.keys(), "gestures.error.kind"));
        String currency = Amounts.currency(change.currency(), "currency");
        BigDecimal perGesture = Amounts.check(change.perGesture(), currency, false, "perGesture");
        BigDecimal perMonth = change.perMonth() == null ? null : Amounts.check(change.perMonth(), currency, false, "perMonth");
        if (perMonth != null && perMonth.compareTo(perGesture) < 0) {
            throw new GestureInvalid("perMonth", "must be at least the limit per gesture", "gestures.error.monthBelowGesture");
        }
        String owner = owner(actor, change.teamId(), change.agentId());
        Instant now = clock.instant();
        Optional<GestureLimit> existing = store.limitOf(change.teamId(), change.agentId(), kind);
        long id;
        if (existing.isPresent()) {
            id = existing.get().id();
            store.updateLimit(id, currency, perGesture, perMonth, actor.agentId(), now);
        } else {
            id = store.insertLimit(change.teamId(), change.agentId(), kind, currency, perGesture, perMonth, actor.agentId(), now);
        }
        audit.record(AuditAction.SETTINGS_CHANGED, "gesture-limit", id, "set the limit of " + owner + " for " + kind.key()
                + ": " + perGesture.toPlainString() + " " + currency + " per gesture"
                + (perMonth == null ? ", none per month" : ", " + perMonth.toPlainString() + " " + currency + " per month"));
        return store.limit(id).orElseThrow();
    }

    void remove(long id, AgentPrincipal agent) {
        Actor actor = leader(agent);
        GestureLimit limit = store.limit(id).orElseThrow(() -> new GestureNotFound("There is no gesture limit " + id + "."));
        String owner = owner(actor, limit.teamId(), limit.agentId());
        store.deleteLimit(id);
        audit.record(AuditAction.SETTINGS_CHANGED, "gesture-limit", id, "removed the limit of " + owner + " for "
                + limit.kind().key());
    }

    /** The actor, when an administrator or a lead; plain agents set no limits. */
    private Actor leader(AgentPrincipal agent) {
        if (agent == null) {
            throw new GestureForbidden("Only an administrator or a team lead sets gesture limits.");
        }
        Actor actor = accounts.actor(agent);
        if (!actor.isAdmin() && !actor.isLead()) {
            throw new GestureForbidden("Only an administrator or a team lead sets gesture limits.");
        }
        return actor;
    }

    /** Who the limit is for, in words for the audit, once the actor's right to set it is checked. */
    private String owner(Actor actor, Long teamId, Long agentId) {
        if (teamId != null) {
            TeamView team = accounts.team(teamId)
                    .orElseThrow(() -> new GestureInvalid("team", "is not a team", "gestures.error.team"));
            if (!teamAccess.canLead(actor, teamId)) {
                throw new GestureForbidden("Only an administrator or a lead of team " + team.baseName() + " sets its gesture limits.");
            }
            return "team " + team.baseName();
        }
        AgentView target = accounts.agent(agentId)
                .orElseThrow(() -> new GestureInvalid("agent", "is not an agent", "gestures.error.agent"));
        if (!mayLeadAgent(actor, target)) {
            throw new GestureForbidden("Only an administrator or a lead of one of " + target.displayName()
                    + "'s teams sets their gesture limits.");
        }
        return "agent " + target.email();
    }

    private boolean mayLeadAgent(Actor actor, AgentView target) {
        if (teamAccess.canAdminister(actor)) {
            return true;
        }
        Set<Long> led = teamAccess.teamsLedBy(actor);
        return target.teamIds().stream().anyMatch(led::contains);
    }
}
