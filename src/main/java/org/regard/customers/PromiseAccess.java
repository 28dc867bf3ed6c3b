package org.regard.customers;

import org.regard.accounts.Accounts;
import org.regard.accounts.Actor;
import org.springframework.stereotype.Component;

/**
 * Who may make, keep and cancel which promise, and which tickets and teams a promise may name.
 * <ul>
 *   <li>A promise on a ticket: the ticket must exist and be the customer's, and the actor must work on its team's
 *   tickets; a team named with it must be the ticket's.</li>
 *   <li>A promise without a ticket: the actor must be allowed to change the customer ({@link CustomerAccess}); a team
 *   named must exist and be one the actor works in.</li>
 *   <li>Keeping or cancelling: the agent who promised, anyone who works in the promise's team, or whoever may change
 *   the customer.</li>
 * </ul>
 * A ticket or team that does not exist is bad input ({@link Promises.InvalidPromise}, 400), not a denial.
 */
@Component
public class PromiseAccess {
    private final CustomerAccess customers;
    private final CustomerTickets tickets;
    private final Accounts accounts;

    PromiseAccess(CustomerAccess customers, CustomerTickets tickets, Accounts accounts) {
        this.customers = customers;
        this.tickets = tickets;
        this.accounts = accounts;
    }

    /** Checks a new promise's ticket and team, then that the actor may make it. */
    void requireMake(Actor actor, long customerId, Long ticketId, Long teamId) {
        if (teamId != null && accounts.team(teamId).isEmpty()) {
            throw new Promises.InvalidPromise("teamId", "names no team");
        }
        if (ticketId != null) {
            CustomerTickets.TicketPlace ticket = tickets.ticket(ticketId)
                    .orElseThrow(() -> new Promises.InvalidPromise("ticketId", "names no ticket"));
            if (ticket.customerId() != customerId) {
                throw new Promises.InvalidPromise("ticketId", "is a ticket of another customer");
            }
            if (teamId != null && teamId != ticket.teamId()) {
                throw new Promises.InvalidPromise("teamId", "must be the team of the ticket");
            }
            if (!tickets.mayWorkIn(actor, ticket.teamId())) {
                throw new CustomerForbidden("Ticket #" + ticketId + " belongs to a team you are not part of.");
            }
            return;
        }
        customers.requireChange(actor, customerId);
        if (teamId != null && !tickets.mayWorkIn(actor, teamId)) {
            throw new CustomerForbidden("You can only promise for a team you are part of.");
        }
    }

    public boolean mayClose(Actor actor, Promises.PromiseView promise) {
        return actor.agent().map(id -> id == promise.agentId()).orElse(false)
                || promise.teamId() != null && tickets.mayWorkIn(actor, promise.teamId())
                || customers.mayChange(actor, promise.customerId());
    }

    void requireClose(Actor actor, Promises.PromiseView promise) {
        if (!mayClose(actor, promise)) {
            throw new CustomerForbidden("Promise " + promise.id() + " belongs to a team you are not part of.");
        }
    }
}
