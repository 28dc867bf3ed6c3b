package org.regard.tickets;

import java.util.List;
import java.util.Optional;

/**
 * A rule another module may set on resolving a ticket (the procedures' closure gate): asked by every status change to
 * {@link TicketStatus#RESOLVED}, inside its transaction and under the ticket's row lock, with the team and category the
 * ticket has after the change. Tickets knows nothing of what an implementation checks; it refuses the change when one
 * says so ({@link ResolutionRefused}). A refusal may be one a written reason overcomes ({@link Refusal#reasonSuffices()}):
 * the agent then resolves by giving one ({@link ResolutionReasonRequired} until they do), and the reason is recorded on
 * the ticket's history and announced with the status change. An implementation must stay cheap for a ticket it has
 * nothing to say about.
 */
public interface ResolutionGate {

    /** The ticket about to be resolved. {@code categoryId} is null when it has none. */
    record Resolving(long ticketId, long teamId, Long categoryId) {
    }

    /**
     * Why the ticket may not be resolved: a sentence in English, and the names of what is still missing.
     * {@code reasonSuffices}: the agent may resolve anyway by writing why (a procedure's {@code warn} gate).
     */
    record Refusal(String reason, List<String> missing, boolean reasonSuffices) {
        public Refusal {
            missing = List.copyOf(missing);
        }

        /** A refusal no written reason overcomes. */
        public Refusal(String reason, List<String> missing) {
            this(reason, missing, false);
        }
    }

    /** Empty when the ticket may be resolved. */
    Optional<Refusal> check(Resolving ticket);
}
