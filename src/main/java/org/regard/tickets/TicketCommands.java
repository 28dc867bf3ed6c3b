package org.regard.tickets;

import java.util.Optional;

/** The inputs of the ticket use cases. */
public final class TicketCommands {
    private TicketCommands() {
    }

    /**
     * Open a ticket for a customer. {@code teamId} null: the opener's first team. {@code submissionKey}
     * makes a retried or double-submitted request open the ticket only once.
     */
    public record OpenTicket(long customerId, String subject, String body, Channel channel, Long teamId,
                             Priority priority, Long categoryId, String submissionKey) {
    }

    /**
     * Change a ticket's fields. A null field stays as it is; {@code assignee} is empty to unassign.
     * {@code expectedVersion} null skips the conflict check (API calls without If-Match).
     */
    public record UpdateTicket(TicketStatus status, Priority priority, Long teamId, Optional<Long> assignee,
                               Long categoryId, String subject, Integer expectedVersion) {
    }
}
