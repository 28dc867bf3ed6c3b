package org.regard.tickets;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Asks every {@link ResolutionGate} whether a ticket may become resolved: by the use cases that resolve one
 * ({@link ChangingTicket}, {@link Replying} with "then resolved"), under the ticket's row lock.
 */
@Component
class ResolutionGates {
    private final ObjectProvider<ResolutionGate> gates;

    ResolutionGates(ObjectProvider<ResolutionGate> gates) {
        this.gates = gates;
    }

    /**
     * Fails with {@link ResolutionRefused} when the ticket has just become resolved (it was {@code before} something
     * else) and a gate refuses; nothing asked otherwise.
     */
    void require(Ticket ticket, TicketStatus before) {
        if (ticket.getStatus() != TicketStatus.RESOLVED || before == TicketStatus.RESOLVED) {
            return;
        }
        var resolving = new ResolutionGate.Resolving(ticket.getId(), ticket.getTeamId(), ticket.getCategoryId());
        for (ResolutionGate gate : gates.orderedStream().toList()) {
            gate.check(resolving).ifPresent(refusal -> {
                throw new ResolutionRefused(before, refusal);
            });
        }
    }
}
