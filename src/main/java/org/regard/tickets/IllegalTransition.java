package org.regard.tickets;

/** Raised when a status change does not follow the ticket lifecycle. */
public class IllegalTransition extends RuntimeException {
    private final TicketStatus from;
    private final TicketStatus to;

    public IllegalTransition(TicketStatus from, TicketStatus to) {
        this(from, to, "A ticket that is " + from.name().toLowerCase() + " cannot become " + to.name().toLowerCase() + ".");
    }

    protected IllegalTransition(TicketStatus from, TicketStatus to, String message) {
        super(message);
        this.from = from;
        this.to = to;
    }

    public TicketStatus from() {
        return from;
    }

    public TicketStatus to() {
        return to;
    }
}
