package org.regard.tickets;

import org.regard.accounts.Actor;
import org.regard.accounts.TeamAccess;
import org.regard.audit.AuditAction;
import org.regard.audit.AuditLog;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * Flags a ticket for a team lead with a reason (its touches reached the alarm, or another module's reason), and lets a
 * lead note the root cause from the team's list. A flag asks for a look and a cause; it never closes nor suggests it.
 */
@Component
class Flagging {
    private final TicketRows rows;
    private final TeamAccess teams;
    private final RootCauses causes;
    private final AuditLog audit;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    Flagging(TicketRows rows, TeamAccess teams, RootCauses causes, AuditLog audit, PlatformTransactionManager transactions,
             Clock clock, ApplicationEventPublisher events) {
        this.events = events;
        this.rows = rows;
        this.teams = teams;
        this.causes = causes;
        this.audit = audit;
        this.tx = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    /** Returns false when the ticket already waits for a lead (its first reason stays). */
    boolean flag(long ticketId, String reason) {
        if (reason == null || reason.isBlank() || reason.length() > 40) {
            throw new InvalidInput("reason", "must be 1 to 40 characters");
        }
        Boolean flagged = tx.execute(s -> {
            Ticket ticket = rows.lock(ticketId).orElseThrow(() -> new TicketNotFound(ticketId));
            Instant now = clock.instant();
            if (!ticket.flag(reason, now)) {
                return false;
            }
            rows.update(ticket);
            rows.record(ticketId, null, List.of(new Ticket.Change("flag", null, reason)), now);
            return true;
        });
        return Boolean.TRUE.equals(flagged);
    }

    /**
     * Notes the root cause, one of the team's list. Leads of the ticket's team and admins only.
     *
     * @throws TicketForbidden when the actor does not lead the ticket's team
     * @throws InvalidInput    naming {@code rootCause} when it is not on the team's list
     */
    void noteRootCause(long ticketId, String cause, Actor actor) {
        tx.executeWithoutResult(s -> {
            Ticket ticket = rows.lock(ticketId).orElseThrow(() -> new TicketNotFound(ticketId));
            if (!actor.isSystem() && !actor.isAdmin() && !actor.teamIds().contains(ticket.getTeamId())) {
                throw new TicketForbidden(ticketId);
            }
            if (!teams.canLead(actor, ticket.getTeamId())) {
                throw TicketForbidden.leadsOnly();
            }
            if (cause == null || !causes.of(ticket.getTeamId()).contains(cause.strip())) {
                throw new InvalidInput("rootCause", "is not on the team's list of root causes");
            }
            Instant now = clock.instant();
            List<Ticket.Change> changes = ticket.noteRootCause(cause.strip(), now);
            if (changes.isEmpty()) {
                return;
            }
            rows.update(ticket);
            rows.record(ticketId, actor.agentId(), changes, now);
            audit.record(AuditAction.ROOT_CAUSE_NOTED, "ticket", ticketId, "root cause: " + cause.strip());
            events.publishEvent(new TicketEvents.RootCauseNoted(ticketId, ticket.getTeamId(), cause.strip(), actor.agentId(), now));
        });
    }
}
