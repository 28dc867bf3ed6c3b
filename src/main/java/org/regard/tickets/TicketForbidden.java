package org.regard.tickets;

/** Raised when an agent asks for a ticket of a team they do not belong to. */
public class TicketForbidden extends RuntimeException {
    public TicketForbidden(long id) {
        super("Ticket #" + id + " belongs to a team you are not part of.");
    }
}
