package org.regard.tickets;

import java.time.Instant;

/**
 * Raised when a reply asks for a status the ticket can no longer take because someone resolved (or closed) it while
 * the agent was writing: says who did and when, so the agent is told exactly that. Nothing was written.
 */
public class ResolvedMeanwhile extends IllegalTransition {
    private final String byName;
    private final Instant at;

    public ResolvedMeanwhile(TicketStatus from, TicketStatus to, String byName, Instant at) {
        super(from, to, (byName == null ? "Someone" : byName) + " " + (from == TicketStatus.CLOSED ? "closed" : "resolved")
                + " this ticket" + (at == null ? "" : " at " + at) + "; the reply was not saved. Send it again with status "
                + "open to reopen the ticket, or " + from.name().toLowerCase() + " to leave it so.");
        this.byName = byName;
        this.at = at;
    }

    /** Who resolved or closed the ticket; null when nobody is named (Regard itself). */
    public String byName() {
        return byName;
    }

    /** When; null when the ticket's history does not say. */
    public Instant at() {
        return at;
    }
}
