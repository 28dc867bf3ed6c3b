package org.regard.tickets;

/** Raised when a ticket does not exist or the agent may not see it. */
public class TicketNotFound extends RuntimeException {
    public TicketNotFound(long id) {
        super("Ticket #" + id + " does not exist.");
    }
}
