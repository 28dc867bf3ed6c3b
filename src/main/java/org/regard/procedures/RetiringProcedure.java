package org.regard.procedures;

import org.regard.accounts.Accounts;
import org.regard.accounts.Actor;
import org.regard.accounts.AgentPrincipal;
import org.regard.accounts.TeamAccess;
import org.regard.audit.AuditAction;
import org.regard.audit.AuditLog;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Instant;

/**
 * Retiring a procedure (an administrator, or a lead of its team): a conditional update of its row, so two retirements
 * cannot both win, then its categories are freed; its versions and the tickets' pins stay, so tickets already following
 * it keep their checklist. One audit entry ({@code SETTINGS_CHANGED}, target {@code procedure}) and
 * {@link ProcedureEvents.Retired}.
 */
@Component
@Transactional
class RetiringProcedure {
    private final ProcedureStore store;
    private final Accounts accounts;
    private final TeamAccess teamAccess;
    private final AuditLog audit;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    RetiringProcedure(ProcedureStore store, Accounts accounts, TeamAccess teamAccess, AuditLog audit, Clock clock,
                      ApplicationEventPublisher events) {
        this.events = events;
        this.store = store;
        this.accounts = accounts;
        this.teamAccess = teamAccess;
        this.audit = audit;
        this.clock = clock;
    }

    void retire(long id, AgentPrincipal agent) {
        ProcedureStore.Head head = store.head(id).orElseThrow(() -> new ProcedureNotFound(id));
        if (agent == null) {
            throw new ProcedureForbidden();
        }
        Actor actor = accounts.actor(agent);
        if (!teamAccess.canLead(actor, head.teamId())) {
            throw new ProcedureForbidden();
        }
        Instant now = clock.instant();
        if (head.retired() || !store.retire(id, now, actor.agentId())) {
            throw new ProcedureRetired(id);
        }
        events.publishEvent(new ProcedureEvents.Retired(id, head.teamId(), now));
        String title = store.version(id, head.teamId(), head.currentVersion())
                .map(v -> v.titles().get(v.sourceLanguage())).orElse("#" + id);
        audit.record(AuditAction.SETTINGS_CHANGED, "procedure", id, "retired “" + title + "” (version "
                + head.currentVersion() + ") of team " + accounts.team(head.teamId()).map(t -> t.baseName()).orElse("#" + head.teamId()));
    }
}
