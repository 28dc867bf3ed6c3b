package org.regard.procedures;

import org.regard.accounts.AgentPrincipal;
import org.regard.tickets.InvalidInput;
import org.regard.tickets.PurchaseRefs;
import org.regard.tickets.TicketQueries;
import org.regard.tickets.Tickets;
import org.springframework.transaction.annotation.Transactional;
import org.regard.tickets.TicketQueries.TicketDetail;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The checklist on a ticket: the procedure of the ticket's team for its category, in the version the ticket follows
 * (pinned the first time the ticket shows it, kept afterwards), and the agents' ticks and unticks of its steps, each
 * kept as a row of history. Only agents who may see the ticket read or mark it ({@link TicketQueries#detail}).
 * <p>
 * Not transactional on purpose: pinning is a single insert whose lost race is read back, and a mark is a single insert
 * after checks; neither needs more.
 */
@Service
public class Checklists {
    /** Longest text a step's field takes. */
    public static final int MAX_VALUE = 2000;

    private final TicketQueries tickets;
    private final ChecklistStore store;
    private final ProcedureStore procedures;
    private final Clock clock;

    private final Tickets ticketWrites;

    Checklists(TicketQueries tickets, ChecklistStore store, ProcedureStore procedures, Clock clock, Tickets ticketWrites) {
        this.ticketWrites = ticketWrites;
        this.tickets = tickets;
        this.store = store;
        this.procedures = procedures;
        this.clock = clock;
    }

    /**
     * The ticket's checklist, or empty when the ticket has no category or its team has no procedure for it. Pins the
     * ticket to the current version the first time.
     *
     * @throws org.regard.tickets.TicketNotFound  when there is no such ticket
     * @throws org.regard.tickets.TicketForbidden when the agent may not see it
     */
    public Optional<Checklist> of(long ticketId, AgentPrincipal agent) {
        return of(tickets.detail(ticketId, agent));
    }

    /**
     * Ticks ({@code done}) or unticks a step, with the value of the step's field when ticking (checked against its
     * type; ignored when unticking or when the step asks for nothing). Returns the checklist as it now stands.
     *
     * @throws StepNotFound      when the ticket has no checklist or it has no such step
     * @throws PreviousStepOpen  when ticking a step that comes only after the previous one, not done yet
     * @throws StepValueInvalid  when the value is missing or not of the field's type; nothing is saved
     */
    @Transactional
    public Checklist mark(long ticketId, String stepKey, boolean done, String value, AgentPrincipal agent) {
        Checklist checklist = of(tickets.detail(ticketId, agent)).orElseThrow(() -> new StepNotFound(ticketId, null));
        Checklist.Item item = checklist.items().stream().filter(i -> i.step().key().equals(stepKey)).findFirst()
                .orElseThrow(() -> new StepNotFound(ticketId, stepKey));
        String stored = null;
        if (done) {
            if (!item.available()) {
                throw new PreviousStepOpen(stepKey);
            }
            FieldType type = item.step().fieldType();
            stored = type == null ? null : StepValues.normalise(type, value);
            if (item.step().purchaseRef() && stored != null) {
                try {
                    stored = PurchaseRefs.clean(stored);
                } catch (InvalidInput e) {
                    throw new StepValueInvalid("must be 1 to " + PurchaseRefs.MAX + " printable characters (a purchase reference)",
                            "checklist.error.value.purchaseRef", PurchaseRefs.MAX);
                }
            }
        }
        long procedureId = checklist.procedure().procedureId();
        store.mark(ticketId, procedureId, stepKey, done, stored, agent.id(), clock.instant());
        if (item.step().purchaseRef() && stored != null) {
            // the step that gives the purchase reference sets it on the ticket, in the same transaction, in its history
            ticketWrites.referPurchase(ticketId, stored, agent);
        }
        return build(ticketId, checklist.procedure(), store);
    }

    private Optional<Checklist> of(TicketDetail ticket) {
        if (ticket.categoryId() == null) {
            return Optional.empty();
        }
        long ticketId = ticket.summary().id();
        long teamId = ticket.summary().teamId();
        return store.applicable(ticketId, teamId, ticket.categoryId()).map(applicable -> {
            int version = store.pinned(ticketId, applicable.procedureId())
                    .orElseGet(() -> store.pin(ticketId, applicable.procedureId(), applicable.currentVersion(), clock.instant()));
            ProcedureVersion procedure = procedures.version(applicable.procedureId(), teamId, version).orElseThrow();
            return build(ticketId, procedure, store);
        });
    }

    /** The checklist of this version on the ticket, from the steps' latest marks: one statement. */
    static Checklist build(long ticketId, ProcedureVersion procedure, ChecklistStore store) {
        Map<String, ChecklistStore.Mark> marks = store.latestMarks(ticketId, procedure.procedureId());
        List<Checklist.Item> items = new ArrayList<>();
        boolean previousDone = true;
        for (ProcedureVersion.Step step : procedure.steps()) {
            ChecklistStore.Mark mark = marks.get(step.key());
            boolean done = mark != null && mark.done();
            items.add(new Checklist.Item(step, done, mark == null ? null : mark.value(), mark == null ? null : mark.by(),
                    mark == null ? null : mark.at(), !step.afterPrevious() || previousDone));
            previousDone = done;
        }
        return new Checklist(ticketId, procedure, List.copyOf(items));
    }
}
