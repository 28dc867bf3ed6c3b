package org.regard.tickets;

import java.util.List;
import java.util.Optional;

/**
 * A rule another module may set on resolving a ticket (the procedures' closure gate): asked by every status change to
 * {@link TicketStatus#RESOLVED}, inside its transaction and under the ticket's row lock, with the team and category the
 * ticket has after the change. Tickets knows nothing of what an implementation checks; it refuses the change when one
 * says so ({@link ResolutionRefused}). An implementation must stay cheap for a ticket it has nothing to say about.
 */
public interface ResolutionGate {

    /** The ticket about to be resolved. {@code categoryId} is null when it has none. */
    record Resolving(long ticketId, long teamId, Long categoryId) {
    }

    /** Why the ticket may not be resolved: a sentence in English, and the names of what is still missing. */
    record Refusal(String reason, List<String> missing) {
        public Refusal {
            missing = List.copyOf(missing);
        }
    }

    /** Empty when the ticket may be resolved. */
    Optional<Refusal> check(Resolving ticket);
}
