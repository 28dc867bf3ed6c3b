package org.regard.customers;

import org.regard.accounts.Accounts;
import org.regard.accounts.Actor;
import org.regard.accounts.AgentPrincipal;
import org.springframework.stereotype.Component;

/**
 * Who may read and who may change a customer (their details, addresses and preference values), decided here and
 * nowhere else; the pages and the API both ask it through the use cases.
 * <ul>
 *   <li>Reading: every agent reads every customer (a customer who calls must be found by whoever answers). What a
 *   customer page shows of tickets is still limited to the teams the agent works in.</li>
 *   <li>Creating: every agent.</li>
 *   <li>Changing: an agent who serves the customer (the customer has a ticket in one of the agent's teams), an
 *   administrator, and {@link Actor#SYSTEM}. A customer without any ticket is changed by administrators only, until a
 *   ticket gives them a team. Which roles see every team is {@code TicketAccess}'s rule, asked through
 *   {@link CustomerTickets}, so a new role is decided in one place.</li>
 * </ul>
 */
@Component
public class CustomerAccess {
    private final Accounts accounts;
    private final CustomerTickets tickets;

    CustomerAccess(Accounts accounts, CustomerTickets tickets) {
        this.accounts = accounts;
        this.tickets = tickets;
    }

    /** The signed-in agent as an actor, with role and teams read fresh (one query). */
    public Actor actor(AgentPrincipal agent) {
        return accounts.actor(agent);
    }

    /** Whether the actor may change this customer. */
    public boolean mayChange(Actor actor, long customerId) {
        return tickets.serves(actor, customerId);
    }

    /** Fails with {@link CustomerForbidden} unless the actor may change this customer. */
    public void requireChange(Actor actor, long customerId) {
        if (!mayChange(actor, customerId)) {
            throw new CustomerForbidden("Customer " + customerId
                    + " has no ticket in a team you are part of, so you cannot change them.");
        }
    }
}
