package org.regard.tickets;

import java.util.List;

/**
 * Raised when a {@link ResolutionGate} refuses to let a ticket become resolved (a procedure's required steps are not
 * done): a status change that is not allowed now, so the API answers 409 and a bulk action reports the ticket as
 * refused. Nothing was changed.
 */
public class ResolutionRefused extends IllegalTransition {
    private final List<String> missing;

    public ResolutionRefused(TicketStatus from, ResolutionGate.Refusal refusal) {
        super(from, TicketStatus.RESOLVED, refusal.reason());
        this.missing = refusal.missing();
    }

    protected ResolutionRefused(TicketStatus from, ResolutionGate.Refusal refusal, String message) {
        super(from, TicketStatus.RESOLVED, message);
        this.missing = refusal.missing();
    }

    /** The names of what is still missing (the open required steps). */
    public List<String> missing() {
        return missing;
    }
}
