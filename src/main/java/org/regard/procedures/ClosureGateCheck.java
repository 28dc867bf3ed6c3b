package org.regard.procedures;

import org.regard.tickets.ResolutionGate;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Optional;

/**
 * The closure gate enforced: a ticket whose procedure version (the one it follows, else the current one) has the gate
 * {@link ClosureGate#BLOCK} is not resolved while a required step is open; the refusal names those steps (in English,
 * else the procedure's source language). {@link ClosureGate#WARN} lets it be resolved with a written reason while a
 * required step is open (a refusal the reason overcomes), and without one when none is. Reads only, no pinning: a
 * ticket without a category costs no statement, one whose team has no procedure for its category one, a procedure
 * with either gate the same reads as building its checklist.
 */
@Component
class ClosureGateCheck implements ResolutionGate {
    private final ChecklistStore store;
    private final ProcedureStore procedures;

    ClosureGateCheck(ChecklistStore store, ProcedureStore procedures) {
        this.store = store;
        this.procedures = procedures;
    }

    @Override
    public Optional<Refusal> check(Resolving ticket) {
        if (ticket.categoryId() == null) {
            return Optional.empty();
        }
        return store.applicable(ticket.ticketId(), ticket.teamId(), ticket.categoryId()).flatMap(applicable -> {
            int number = store.pinned(ticket.ticketId(), applicable.procedureId()).orElse(applicable.currentVersion());
            ProcedureVersion version = procedures.version(applicable.procedureId(), ticket.teamId(), number).orElseThrow();
            Checklist checklist = Checklists.build(ticket.ticketId(), version, store);
            List<String> open = checklist.openRequired().stream().map(i -> {
                Shown text = version.text(i.step(), "en");
                return text == null ? i.step().key() : text.text();
            }).toList();
            if (open.isEmpty()) {
                return Optional.empty();
            }
            return Optional.of(version.gate() == ClosureGate.BLOCK
                    ? new Refusal("This ticket cannot be resolved yet: these required steps of its procedure are not done: "
                    + String.join(", ", open) + ".", open)
                    : new Refusal("These required steps of its procedure are not done: " + String.join(", ", open)
                    + ". Resolving it now needs a written reason.", open, true));
        });
    }
}
