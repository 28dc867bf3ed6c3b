package org.regard.tickets;

/** Raised when a ticket changed since the agent loaded it, so their change would overwrite another. */
public class TicketConflict extends RuntimeException {
    private final long ticketId;

    public TicketConflict(long ticketId) {
        super("Ticket #" + ticketId + " was changed by someone else since you opened it. Reload it and apply your change again.");
        this.ticketId = ticketId;
    }

    /** A conflict with the ticket's state that this message explains. */
    protected TicketConflict(long ticketId, String message) {
        super(message);
        this.ticketId = ticketId;
    }

    public long ticketId() {
        return ticketId;
    }
}
