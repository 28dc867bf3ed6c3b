package org.regard.tickets;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import java.util.Optional;

/**
 * Asks every {@link ResolutionGate} whether a ticket may become resolved: by the use cases that resolve one
 * ({@link ChangingTicket}, {@link Replying} with "then resolved", {@link ResolvingReviewed}), under the ticket's row lock.
 */
@Component
class ResolutionGates {
    /** The field of the change history that records the written reason for resolving over a gate's warning. */
    static final String REASON_FIELD = "resolution_reason";
    /** Longest written reason, in characters. */
    static final int MAX_REASON = 500;

    private final ObjectProvider<ResolutionGate> gates;

    ResolutionGates(ObjectProvider<ResolutionGate> gates) {
        this.gates = gates;
    }

    /**
     * The written reason as given: trimmed, null when blank or absent.
     *
     * @throws InvalidInput (field {@code resolutionReason}) when longer than {@value #MAX_REASON} characters
     */
    static String reason(String given) {
        if (given == null || given.isBlank()) {
            return null;
        }
        String reason = given.strip();
        if (reason.length() > MAX_REASON) {
            throw new InvalidInput("resolutionReason", "must be at most " + MAX_REASON + " characters long (it has "
                    + reason.length() + ")");
        }
        return reason;
    }

    /**
     * Asks the gates when the ticket has just become resolved (it was {@code before} something else); nothing asked
     * otherwise. Returns the written reason when a gate's refusal was overcome by it (to be recorded), else empty.
     *
     * @throws ResolutionReasonRequired when a gate asks for a written reason and none was given
     * @throws ResolutionRefused        when a gate refuses outright
     */
    Optional<String> require(Ticket ticket, TicketStatus before, String reason) {
        if (ticket.getStatus() != TicketStatus.RESOLVED || before == TicketStatus.RESOLVED) {
            return Optional.empty();
        }
        return check(ticket, before, reason);
    }

    /** The same questions for a ticket about to be resolved, whatever its status now (a resolution asked for review). */
    Optional<String> check(Ticket ticket, TicketStatus before, String reason) {
        String written = reason(reason);
        var resolving = new ResolutionGate.Resolving(ticket.getId(), ticket.getTeamId(), ticket.getCategoryId());
        boolean overcome = false;
        for (ResolutionGate gate : gates.orderedStream().toList()) {
            Optional<ResolutionGate.Refusal> refusal = gate.check(resolving);
            if (refusal.isEmpty()) {
                continue;
            }
            if (!refusal.get().reasonSuffices()) {
                throw new ResolutionRefused(before, refusal.get());
            }
            if (written == null) {
                throw new ResolutionReasonRequired(before, refusal.get());
            }
            overcome = true;
        }
        return overcome ? Optional.of(written) : Optional.empty();
    }
}
