package org.regard.tickets;

import java.time.Instant;

/**
 * The events the tickets module publishes. Each is published inside the transaction that made the
 * change and recorded in the event publication registry, so a listener in another module sees it
 * exactly when the change committed, even across a crash.
 */
public final class TicketEvents {
    private TicketEvents() {
    }

    /** Published when a ticket is opened, whoever opened it and through whichever channel. */
    public record TicketOpened(long ticketId, long customerId, long teamId, Channel channel, Instant at) {
    }

    /** Published when the customer's own words reach a ticket (a new ticket's first message included). */
    public record CustomerWrote(long ticketId, long teamId, long customerId, long messageId, Channel channel, Instant at) {
    }

    /** Published when an agent replies to the customer. */
    public record AgentReplied(long ticketId, long teamId, long agentId, long messageId, Channel channel, Instant at) {
    }

    /** Published when an agent takes back a reply before it left (the undo window of an email reply). */
    public record ReplyWithdrawn(long ticketId, long teamId, long agentId, long messageId, Instant at) {
    }

    /**
     * Published when an automatic message (an auto-reply, a bounce) arrived on a ticket: not a touch, and nothing
     * answers it.
     */
    public record AutomatedMessageReceived(long ticketId, long teamId, long messageId, Channel channel, Instant at) {
    }

    /** Published when an agent adds an internal note. */
    public record AgentAddedNote(long ticketId, long agentId, long messageId, Instant at) {
    }

    /** Published when an agent logs a call or a visit with the customer. */
    public record AgentLoggedContact(long ticketId, long teamId, long agentId, long messageId, Channel channel,
                                     TouchDirection direction, Instant at) {
    }

    /** Published when a ticket's status changes; {@code agentId} is null when the customer's message reopened it. */
    public record TicketStatusChanged(long ticketId, long teamId, TicketStatus from, TicketStatus to, Long agentId, Instant at) {
    }

    /** Published when a ticket gets another assignee (null: unassigned) or team. */
    public record TicketAssigned(long ticketId, long teamId, Long assigneeId, Long agentId, Instant at) {
    }

    /** Published when a ticket's subject changes. */
    public record TicketRenamed(long ticketId, long teamId, Long agentId, Instant at) {
    }
}
