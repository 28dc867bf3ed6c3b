package org.regard.procedures;

import java.time.Instant;
import java.util.List;

/**
 * A ticket's checklist: the version of the procedure the ticket follows and, per step, its latest mark. {@code markedBy}
 * and {@code markedAt} say who last ticked or unticked the step (null when nobody did yet).
 */
public record Checklist(long ticketId, ProcedureVersion procedure, List<Item> items) {

    /**
     * One step as it stands on the ticket. {@code available}: it may be ticked now (it does not wait for the step
     * before, or the step before is done).
     */
    public record Item(ProcedureVersion.Step step, boolean done, String value, Long markedBy, Instant markedAt,
                       boolean available) {
    }

    public ClosureGate gate() {
        return procedure.gate();
    }

    /** The required steps not done yet, in order. */
    public List<Item> openRequired() {
        return items.stream().filter(i -> i.step().required() && !i.done()).toList();
    }
}
