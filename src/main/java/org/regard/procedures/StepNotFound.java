package org.regard.procedures;

import java.util.NoSuchElementException;

/** Raised when the ticket has no checklist, or its checklist has no step of this key (a 404). */
public class StepNotFound extends NoSuchElementException {
    public StepNotFound(long ticketId, String stepKey) {
        super(stepKey == null ? "Ticket " + ticketId + " has no checklist"
                : "The checklist of ticket " + ticketId + " has no step " + stepKey);
    }
}
