package org.regard.procedures;

import org.regard.accounts.Accounts;
import org.regard.accounts.Actor;
import org.regard.accounts.AgentPrincipal;
import org.regard.accounts.TeamAccess;
import org.regard.audit.AuditAction;
import org.regard.audit.AuditLog;
import org.regard.procedures.Procedures.Behind;
import org.regard.procedures.Procedures.Moved;
import org.regard.tickets.TicketQueries;
import org.regard.tickets.TicketQueries.TicketFacts;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.time.Instant;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Moving tickets that follow an older version of a procedure to the current one (a lead of the procedure's team or an
 * administrator). Only open tickets (not resolved nor closed, {@link org.regard.tickets.TicketStatus#isActive}) still in
 * the procedure's team are behind; their status comes from {@link TicketQueries#facts}, one read per pinned ticket.
 * Moving changes the pin only: ticks are kept by step key, so a step the new version still has stays done, and the
 * ticks of removed steps stay as history without being shown. Each move is a row of {@code ticket_procedure_move}
 * (who, when, from, to), and the request one audit entry.
 */
@Component
@Transactional
class MovingTickets {
    private final ProcedureStore procedures;
    private final ChecklistStore checklists;
    private final TicketQueries tickets;
    private final Accounts accounts;
    private final TeamAccess teamAccess;
    private final AuditLog audit;
    private final Clock clock;

    MovingTickets(ProcedureStore procedures, ChecklistStore checklists, TicketQueries tickets, Accounts accounts,
                  TeamAccess teamAccess, AuditLog audit, Clock clock) {
        this.procedures = procedures;
        this.checklists = checklists;
        this.tickets = tickets;
        this.accounts = accounts;
        this.teamAccess = teamAccess;
        this.audit = audit;
        this.clock = clock;
    }

    /** The open tickets of the procedure's team following an older version, by ticket id. */
    @Transactional(readOnly = true)
    List<Behind> behind(long procedureId, AgentPrincipal agent) {
        ProcedureStore.Head head = head(procedureId, agent);
        return behind(head);
    }

    /**
     * Moves these tickets (all behind when {@code ticketIds} is empty) to the current version; those not behind (already
     * moved, resolved, not following the procedure) are left out of the result.
     */
    Moved move(long procedureId, Optional<Collection<Long>> ticketIds, AgentPrincipal agent) {
        ProcedureStore.Head head = head(procedureId, agent);
        int to = head.currentVersion();
        Instant now = clock.instant();
        List<Long> moved = new ArrayList<>();
        for (Behind ticket : behind(head)) {
            if (ticketIds.isPresent() && !ticketIds.get().contains(ticket.ticketId())) {
                continue;
            }
            if (checklists.repin(ticket.ticketId(), procedureId, ticket.version(), to)) {
                checklists.recordMove(ticket.ticketId(), procedureId, ticket.version(), to, agent.id(), now);
                moved.add(ticket.ticketId());
            }
        }
        if (!moved.isEmpty()) {
            audit.record(AuditAction.SETTINGS_CHANGED, "procedure", procedureId, "moved " + moved.size()
                    + (moved.size() == 1 ? " ticket" : " tickets") + " to version " + to + " ("
                    + moved.stream().map(id -> "#" + id).collect(Collectors.joining(", ")) + ")");
        }
        return new Moved(List.copyOf(moved), to);
    }

    private List<Behind> behind(ProcedureStore.Head head) {
        List<Behind> behind = new ArrayList<>();
        for (ChecklistStore.Pin pin : checklists.pinnedBefore(head.id(), head.currentVersion())) {
            Optional<TicketFacts> facts = tickets.facts(pin.ticketId());
            if (facts.isPresent() && facts.get().status().isActive() && facts.get().teamId() == head.teamId()) {
                behind.add(new Behind(pin.ticketId(), facts.get().subject(), pin.version()));
            }
        }
        return behind;
    }

    private ProcedureStore.Head head(long procedureId, AgentPrincipal agent) {
        ProcedureStore.Head head = procedures.head(procedureId).orElseThrow(() -> new ProcedureNotFound(procedureId));
        if (agent == null) {
            throw new ProcedureForbidden();
        }
        Actor actor = accounts.actor(agent);
        if (!teamAccess.canLead(actor, head.teamId())) {
            throw new ProcedureForbidden();
        }
        return head;
    }
}
