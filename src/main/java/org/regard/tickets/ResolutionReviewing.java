package org.regard.tickets;

import org.regard.tickets.TicketEvents.ResolutionRequested;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.List;

/**
 * Resolution review: resolving a ticket whose category says so ({@code category.resolution_review}) does not resolve
 * it; the ticket keeps its status, the request is recorded (who, when, their written reason) and announced
 * ({@link ResolutionRequested}), and the review module asks a second person in the same transaction. Asked by the use
 * cases that resolve ({@link ChangingTicket}, {@link Replying}) under the ticket's row lock; the decision comes back
 * through {@link ResolvingReviewed}.
 */
@Component
class ResolutionReviewing {
    /** Fields of the change history: a resolution asked for review (new value: the reason), approved, sent back (the comment). */
    static final String REQUESTED = "resolution_requested";
    static final String APPROVED = "resolution_approved";
    static final String RETURNED = "resolution_returned";

    private final ResolutionRequestStore store;
    private final ResolutionGates gates;
    private final ApplicationEventPublisher events;

    ResolutionReviewing(ResolutionRequestStore store, ResolutionGates gates, ApplicationEventPublisher events) {
        this.store = store;
        this.gates = gates;
        this.events = events;
    }

    /**
     * Whether moving the ticket (with the category it has now) to {@code target} asks for review instead: resolving a
     * ticket that is not resolved, in a category with resolution review. One read when it has a category and is being
     * resolved; none otherwise.
     */
    boolean diverts(Ticket ticket, TicketStatus target) {
        return target == TicketStatus.RESOLVED && ticket.getStatus() != TicketStatus.RESOLVED
                && ticket.getCategoryId() != null && store.reviewed(ticket.getCategoryId());
    }

    /**
     * Asks for the review: the ticket must be one that could be resolved now (its lifecycle, the closure gates with the
     * agent's reason), else the same refusals as resolving. A request already waiting is kept as it is, and nothing more
     * is written or announced. Returns the change to record.
     */
    List<Ticket.Change> request(Ticket ticket, String reason, long agentId, Instant now) {
        TicketStatus current = ticket.getStatus();
        if (!current.canMoveTo(TicketStatus.RESOLVED)) {
            throw new IllegalTransition(current, TicketStatus.RESOLVED);
        }
        String written = ResolutionGates.reason(reason);
        gates.check(ticket, current, written);
        if (store.pending(ticket.getId()).isPresent()) {
            return List.of();
        }
        store.insert(ticket.getId(), agentId, now, written);
        events.publishEvent(new ResolutionRequested(ticket.getId(), ticket.getTeamId(), ticket.getCategoryId(), agentId,
                ticket.getSubject(), written, now));
        return List.of(new Ticket.Change(REQUESTED, null, written));
    }
}
