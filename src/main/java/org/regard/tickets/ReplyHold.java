package org.regard.tickets;

import java.util.List;

/**
 * What another module may say about a reply before it reaches the customer (the review module's rules): asked by
 * {@link Replying} for every reply an agent sends, inside its transaction and under the ticket's row lock, with the
 * ticket's facts, the author and the text. Tickets knows nothing of what an implementation checks: the reasons of
 * every implementation are combined, and a reply with any reason is held (written, but not sent, not counted as a
 * touch and not announced as {@link TicketEvents.AgentReplied}) until a reviewer approves it. An implementation must
 * stay cheap for a reply it has nothing to say about.
 */
public interface ReplyHold {

    /**
     * The reply about to be written. {@code categoryId} is null when the ticket has none; {@code authorAsked} is true
     * when the author asked for a second pair of eyes on it; {@code authorProbationUntil} is the last day of the
     * author's probation (null when not on probation), as read with their role for this very write.
     */
    record Reply(long ticketId, long teamId, Long categoryId, long customerId, long authorAgentId, String body,
                 boolean authorAsked, java.time.LocalDate authorProbationUntil) {
    }

    /** Why this reply must wait for a reviewer (stable codes such as {@code probation}), empty when it need not. */
    List<String> reasons(Reply reply);
}
