package org.regard.tickets;

import org.regard.accounts.Actor;
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
 * A reviewer's decision on a resolution that waited for review ({@link ResolutionReviewing}), joining the decision's
 * transaction under the ticket's row lock. Approved: the ticket becomes resolved as if its agent resolved it now (the
 * lifecycle and the closure gates still apply: a {@code block} gate that refuses now fails the approval, and nothing
 * changes); the history says who asked and who approved. Returned: the request is cleared and the reviewer's comment
 * is kept in the history; the ticket keeps its status.
 */
@Component
class ResolvingReviewed {
    /** Longest comment kept in the history. */
    static final int MAX_COMMENT = 2000;

    private final TicketRows rows;
    private final TicketAccess access;
    private final ResolutionRequestStore store;
    private final ResolutionGates gates;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate tx;
    private final Clock clock;

    ResolvingReviewed(TicketRows rows, TicketAccess access, ResolutionRequestStore store, ResolutionGates gates,
                      ApplicationEventPublisher events, PlatformTransactionManager transactions, Clock clock) {
        this.rows = rows;
        this.access = access;
        this.store = store;
        this.gates = gates;
        this.events = events;
        this.tx = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    void approve(long ticketId, Actor reviewer) {
        tx.executeWithoutResult(s -> {
            Ticket ticket = rows.lock(ticketId).orElseThrow(() -> new TicketNotFound(ticketId));
            access.requireWorkOn(reviewer, ticket);
            Instant now = clock.instant();
            var pending = store.pending(ticketId);
            TicketStatus before = ticket.getStatus();
            // resolved meanwhile (the category's review switched off, then resolved directly): the request just ends
            List<Ticket.Change> resolving = new ArrayList<>(ticket.moveTo(TicketStatus.RESOLVED, now));
            String overGate = gates.require(ticket, before, pending.map(ResolutionRequestStore.Pending::reason).orElse(null))
                    .orElse(null);
            if (overGate != null) {
                resolving.add(new Ticket.Change(ResolutionGates.REASON_FIELD, null, overGate));
            }
            store.delete(ticketId);
            Long requester = pending.map(ResolutionRequestStore.Pending::requestedBy).orElse(reviewer.agentId());
            if (!resolving.isEmpty()) {
                rows.update(ticket);
                rows.record(ticketId, requester, resolving, now);
            }
            rows.record(ticketId, reviewer.agentId(), List.of(new Ticket.Change(ResolutionReviewing.APPROVED, null, null)), now);
            if (ticket.getStatus() != before) {
                events.publishEvent(new TicketStatusChanged(ticketId, ticket.getTeamId(), before, ticket.getStatus(),
                        requester, now, overGate));
            }
        });
    }

    void returned(long ticketId, Actor reviewer, String comment) {
        tx.executeWithoutResult(s -> {
            Ticket ticket = rows.lock(ticketId).orElseThrow(() -> new TicketNotFound(ticketId));
            access.requireWorkOn(reviewer, ticket);
            store.delete(ticketId);
            String kept = comment == null || comment.isBlank() ? null : comment.strip();
            if (kept != null && kept.length() > MAX_COMMENT) {
                kept = kept.substring(0, MAX_COMMENT - 1) + "…";
            }
            rows.record(ticketId, reviewer.agentId(), List.of(new Ticket.Change(ResolutionReviewing.RETURNED, null, kept)),
                    clock.instant());
        });
    }
}
