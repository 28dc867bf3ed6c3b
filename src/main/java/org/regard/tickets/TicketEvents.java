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

    /**
     * Published when a ticket is opened, whoever opened it and through whichever channel. It stands for its first
     * message too: {@code firstMessageId} is the customer's request, an inbound touch unless {@code automated} (an
     * auto-reply opened it). No {@link CustomerWrote} is published for that first message. {@code language} is the
     * customer's language as the ticket opened (null while unknown), {@code tier} the customer's own service tier then
     * (the reports keep it: a later change of tier does not move past tickets).
     */
    public record TicketOpened(long ticketId, long customerId, long teamId, Channel channel, String subject,
                               long firstMessageId, boolean automated, String language, Instant at, String tier) {
    }

    /** Published when the customer's own words reach an existing ticket. */
    public record CustomerWrote(long ticketId, long teamId, long customerId, long messageId, Channel channel, Instant at) {
    }

    /**
     * Published when an agent replies to the customer. Carries what a channel needs to deliver it (the ticket's
     * subject and customer, the reply's text, and the {@code destination} decided under the ticket's lock), so that no
     * listener reads the reply back. A reply that no channel carries is recorded only: {@code destination} then names
     * the obstacle, {@code channel} is how the agent gave the answer (phone, visit) or {@code WEB} when they did not,
     * and {@code touch} is false unless they gave it.
     */
    public record AgentReplied(long ticketId, long teamId, long agentId, long messageId, Channel channel, long customerId,
                               String subject, String body, Instant at, boolean touch, ReplyChannel.Destination destination) {
    }

    /**
     * Published when an agent's reply is held for review instead of being sent: written on the ticket, not sent, not
     * a touch, and no {@link AgentReplied} until a reviewer approves it. Published again, with the revised text, when
     * its author resubmits a reply the reviewer returned ({@code round} counts from 1). The review module hears it
     * synchronously, inside the reply's transaction, to put the reply in its queue.
     */
    public record ReplyHeld(long ticketId, long teamId, long authorAgentId, long messageId, java.util.List<String> reasons,
                            String body, int round, Instant at) {
        public ReplyHeld {
            reasons = java.util.List.copyOf(reasons);
        }
    }

    /**
     * Published when the author takes back a reply that was waiting for review (or had been returned): it never left,
     * so no touch is taken back; the review module takes it out of its queue.
     */
    public record HeldReplyWithdrawn(long ticketId, long teamId, long agentId, long messageId, Instant at) {
    }

    /**
     * Published when an agent takes back a reply before it left (the undo window of an email reply); {@code agentId}
     * is null when Regard itself withdrew it.
     */
    public record ReplyWithdrawn(long ticketId, long teamId, Long agentId, long messageId, Instant at) {
    }

    /**
     * Published when an automatic message (an auto-reply, a bounce) arrived on an existing ticket: not a touch, and nothing
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

    /**
     * Published when a ticket's status changes; {@code agentId} is null when the customer's message reopened it.
     * {@code resolutionReason} is the agent's written reason when they resolved it while a procedure's required step was
     * open (its {@code warn} gate), else null.
     */
    public record TicketStatusChanged(long ticketId, long teamId, TicketStatus from, TicketStatus to, Long agentId, Instant at,
                                      String resolutionReason) {

        public TicketStatusChanged(long ticketId, long teamId, TicketStatus from, TicketStatus to, Long agentId, Instant at) {
            this(ticketId, teamId, from, to, agentId, at, null);
        }

        /** Whether it was resolved over a required step still open, with a written reason. */
        public boolean overOpenStep() {
            return resolutionReason != null;
        }
    }

    /**
     * Published when an agent resolves a ticket whose category needs a second person's review: the ticket keeps its
     * status, and the review module asks for the review in the same transaction. {@code reason} is the agent's written
     * reason (null when none); {@code categoryId} the ticket's category then.
     */
    public record ResolutionRequested(long ticketId, long teamId, long categoryId, long agentId, String subject,
                                      String reason, Instant at) {
    }

    /** Published when a ticket gets another assignee (null: unassigned) or team; {@code status} is its status then. */
    public record TicketAssigned(long ticketId, long teamId, TicketStatus status, Long assigneeId, Long agentId, Instant at) {
    }

    /** Published when a ticket's subject changes. */
    public record TicketRenamed(long ticketId, long teamId, Long agentId, Instant at) {
    }

    /**
     * Published when a duplicate ticket was merged into a survivor: the duplicate's messages, files, touches and history
     * now belong to the survivor, and the duplicate is closed and points to it. Its status change is published too.
     */
    public record TicketsMerged(long survivorId, long mergedId, long survivorTeamId, long survivorCustomerId, Long agentId,
                                Instant at) {
    }

    /** Published when a ticket's purchase reference is set, changed or cleared ({@code purchaseRef} null). */
    public record PurchaseReferenced(long ticketId, long teamId, String purchaseRef, Long agentId, Instant at) {
    }

    /**
     * Published when a ticket is flagged for a team lead: its touches reached the alarm ({@link TouchBudget#ALARM}), or
     * another module flagged it with its own reason (a bad rating with a comment). Not published when it already waited
     * for a lead (its first reason stays). {@code categoryId} is the ticket's category then (null: none).
     */
    public record TicketFlagged(long ticketId, long teamId, Long categoryId, String reason, Instant at) {
    }

    /** Published when a team lead notes (or changes) the root cause of a flagged ticket, one of the team's list. */
    public record RootCauseNoted(long ticketId, long teamId, String rootCause, Long agentId, Instant at) {
    }
}
