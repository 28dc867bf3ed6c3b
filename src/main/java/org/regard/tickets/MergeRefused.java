package org.regard.tickets;

/** Raised when two tickets cannot be merged or linked as asked (a 409 that says why); nothing was changed. */
public class MergeRefused extends TicketConflict {
    MergeRefused(long ticketId, String message) {
        super(ticketId, message);
    }

    static MergeRefused merged(long ticketId, long into) {
        return new MergeRefused(ticketId, "Ticket #" + ticketId + " was merged into ticket #" + into
                + " and changes no more: work on ticket #" + into + ".");
    }
}
