package org.regard.tickets;

/**
 * Raised when a {@link ResolutionGate} lets a ticket be resolved only with a written reason (a procedure's {@code warn}
 * gate with a required step open) and none was given: the API answers 422 naming {@code resolutionReason} and the open
 * steps, the forms ask for the reason, a bulk action reports the ticket as {@code reason_required}. Nothing was changed.
 */
public class ResolutionReasonRequired extends ResolutionRefused {

    public ResolutionReasonRequired(TicketStatus from, ResolutionGate.Refusal refusal) {
        super(from, refusal, "A written reason is needed to resolve this ticket while these required steps of its procedure"
                + " are not done: " + String.join(", ", refusal.missing()) + ". Send it as resolutionReason (1 to "
                + ResolutionGates.MAX_REASON + " characters).");
    }
}
