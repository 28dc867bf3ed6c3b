package org.regard.customers;

import org.regard.accounts.Actor;

import java.util.Optional;

/**
 * What the customers module needs to know about tickets to decide who may change a customer, answered by the tickets
 * module (which depends on customers, never the other way round) with its own access rule, {@code TicketAccess}.
 */
public interface CustomerTickets {

    /**
     * Whether the actor serves the customer: the customer has a ticket in a team whose tickets the actor works on
     * (any ticket, or none at all, for those who work on every team's tickets).
     */
    boolean serves(Actor actor, long customerId);

    /** Whether the actor works on the tickets of this team. */
    boolean mayWorkIn(Actor actor, long teamId);

    /** The customer and team of a ticket, when the ticket exists. */
    Optional<TicketPlace> ticket(long ticketId);

    /** Where a ticket belongs. */
    record TicketPlace(long ticketId, long customerId, long teamId) {
    }
}
