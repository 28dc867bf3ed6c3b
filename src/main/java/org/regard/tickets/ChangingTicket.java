package org.regard.tickets;

import org.regard.accounts.Accounts;
import org.regard.accounts.Actor;
import org.regard.accounts.AgentView;
import org.regard.tickets.TicketCommands.UpdateTicket;
import org.regard.tickets.TicketEvents.TicketAssigned;
import org.regard.tickets.TicketEvents.TicketRenamed;
import org.regard.tickets.TicketEvents.TicketStatusChanged;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * An agent changes a ticket's status, priority, team, assignee, category or subject. Changes of two agents at once
 * take turns on the ticket's row lock and both land; a change made on a version the agent read before someone else's
 * (the properties form, an API call with If-Match) is refused with {@link TicketConflict} and changes nothing.
 */
@Component
class ChangingTicket {
    private final TicketRows rows;
    private final TicketAccess access;
    private final Accounts accounts;
    private final CategoryRepository categories;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate tx;
    private final ResolutionGates gates;
    private final ResolutionReviewing reviewing;
    private final Clock clock;

    ChangingTicket(TicketRows rows, TicketAccess access, Accounts accounts, CategoryRepository categories,
                   ApplicationEventPublisher events, PlatformTransactionManager transactions,
                   ResolutionGates gates, ResolutionReviewing reviewing, Clock clock) {
        this.rows = rows;
        this.access = access;
        this.accounts = accounts;
        this.categories = categories;
        this.events = events;
        this.tx = new TransactionTemplate(transactions);
        this.gates = gates;
        this.reviewing = reviewing;
        this.clock = clock;
    }

    /** Returns whether resolving went to review instead (the ticket's category requires it; its status stays). */
    boolean change(long ticketId, UpdateTicket cmd, Actor actor) {
        if (cmd.subject() != null) {
            TicketInput.requireText(cmd.subject(), Tickets.MAX_SUBJECT, "subject");
        }
        ResolutionGates.reason(cmd.resolutionReason());
        String purchaseRef = cmd.purchaseRef() == null ? null : cmd.purchaseRef().map(PurchaseRefs::clean).orElse(null);
        boolean[] reviewed = new boolean[1];
        tx.executeWithoutResult(s -> {
            Ticket ticket = rows.lock(ticketId).orElseThrow(() -> new TicketNotFound(ticketId));
            access.requireWorkOn(actor, ticket);
            if (cmd.expectedVersion() != null && cmd.expectedVersion() != ticket.getVersion()) {
                throw new TicketConflict(ticketId);
            }
            if (ticket.getMergedInto() != null) {
                throw MergeRefused.merged(ticketId, ticket.getMergedInto());
            }
            Instant now = clock.instant();
            TicketStatus before = ticket.getStatus();
            List<Ticket.Change> changes = new ArrayList<>();
            List<Ticket.Change> renaming = cmd.subject() == null ? List.of() : ticket.rename(cmd.subject(), now);
            changes.addAll(renaming);
            if (cmd.priority() != null) {
                changes.addAll(ticket.prioritize(cmd.priority(), now));
            }
            if (cmd.categoryId() != null) {
                if (!categories.existsById(cmd.categoryId())) {
                    throw new IllegalArgumentException("No category " + cmd.categoryId());
                }
                changes.addAll(ticket.categorize(cmd.categoryId(), now));
            }
            List<Ticket.Change> referenced = cmd.purchaseRef() == null ? List.of() : ticket.referPurchase(purchaseRef, now);
            changes.addAll(referenced);
            boolean reassigned = moveToTeam(ticket, cmd.teamId(), changes, now);
            reassigned |= assign(ticket, cmd, changes, now);
            String overGate = null;
            if (cmd.status() != null && reviewing.diverts(ticket, cmd.status())) {
                // its category wants a second person to confirm: asked for review, the status stays
                reviewed[0] = true;
                changes.addAll(reviewing.request(ticket, cmd.resolutionReason(), actor.agent().orElseThrow(
                        () -> new IllegalArgumentException("Only an agent asks for a resolution's review.")), now));
            } else if (cmd.status() != null) {
                changes.addAll(ticket.moveTo(cmd.status(), now));
                overGate = gates.require(ticket, before, cmd.resolutionReason()).orElse(null);
                if (overGate != null) {
                    changes.add(new Ticket.Change(ResolutionGates.REASON_FIELD, null, overGate));
                }
            }
            if (changes.isEmpty()) {
                return;
            }
            rows.update(ticket);
            rows.record(ticketId, actor.agentId(), changes, now);
            if (ticket.getStatus() != before) {
                events.publishEvent(new TicketStatusChanged(ticketId, ticket.getTeamId(), before, ticket.getStatus(), actor.agentId(), now,
                        overGate));
            }
            if (reassigned) {
                events.publishEvent(new TicketAssigned(ticketId, ticket.getTeamId(), ticket.getStatus(), ticket.getAssigneeId(), actor.agentId(), now));
            }
            if (!referenced.isEmpty()) {
                events.publishEvent(new TicketEvents.PurchaseReferenced(ticketId, ticket.getTeamId(), purchaseRef, actor.agentId(), now));
            }
            if (!renaming.isEmpty()) {
                events.publishEvent(new TicketRenamed(ticketId, ticket.getTeamId(), actor.agentId(), now));
            }
        });
        return reviewed[0];
    }

    /** Another team: an assignee who is not a member there lets go of the ticket. */
    private boolean moveToTeam(Ticket ticket, Long teamId, List<Ticket.Change> changes, Instant now) {
        if (teamId == null || teamId == ticket.getTeamId()) {
            return false;
        }
        accounts.team(teamId).orElseThrow(() -> new IllegalArgumentException("No team " + teamId));
        changes.addAll(ticket.moveToTeam(teamId, now));
        if (ticket.getAssigneeId() != null && !accounts.teamIdsOf(ticket.getAssigneeId()).contains(teamId)) {
            changes.addAll(ticket.assignTo(null, now));
        }
        return true;
    }

    private boolean assign(Ticket ticket, UpdateTicket cmd, List<Ticket.Change> changes, Instant now) {
        if (cmd.assignee() == null) {
            return false;
        }
        Long assignee = cmd.assignee().orElse(null);
        if (assignee != null) {
            AgentView agent = accounts.agent(assignee).filter(AgentView::active)
                    .orElseThrow(() -> new IllegalArgumentException("No active agent " + assignee));
            if (!agent.teamIds().contains(ticket.getTeamId())) {
                throw new IllegalArgumentException(agent.displayName() + " is not a member of this ticket's team.");
            }
        }
        List<Ticket.Change> assigned = ticket.assignTo(assignee, now);
        changes.addAll(assigned);
        return !assigned.isEmpty();
    }
}
