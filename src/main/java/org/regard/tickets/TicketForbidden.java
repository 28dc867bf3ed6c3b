package org.regard.tickets;

/** Raised when an agent asks for a ticket of a team they do not belong to. */
public class TicketForbidden extends RuntimeException {
    public TicketForbidden(long id) {
        super("Ticket #" + id + " belongs to a team you are not part of.");
    }

    protected TicketForbidden(String message) {
        super(message);
    }

    /** Raised when something only a team's lead (or an administrator) does is asked by someone else. */
    public static TicketForbidden leadsOnly() {
        return new TicketForbidden("Only a lead of the team or an administrator may do this.");
    }
}
