package org.regard.tickets;

import java.util.List;
import java.util.Optional;

/** The inputs of the ticket use cases. */
public final class TicketCommands {
    private TicketCommands() {
    }

    /**
     * Open a ticket for a customer. {@code teamId} null: the opener's first team. {@code submissionKey}
     * makes a retried or double-submitted request open the ticket only once. {@code automated}: the first
     * message was written by a machine (an auto-reply), so it is no touch. {@code followUpOf}: the closed
     * ticket this one continues. {@code assigneeId}: the agent who takes it from the start (an active member of the
     * ticket's team); null leaves it to the team's routing.
     */
    public record OpenTicket(long customerId, String subject, String body, Channel channel, Long teamId,
                             Priority priority, Long categoryId, String submissionKey, List<NewAttachment> attachments,
                             boolean automated, Long followUpOf, Long assigneeId) {

        public OpenTicket {
            attachments = attachments == null ? List.of() : List.copyOf(attachments);
        }

        public OpenTicket(long customerId, String subject, String body, Channel channel, Long teamId, Priority priority,
                          Long categoryId, String submissionKey, List<NewAttachment> attachments, boolean automated,
                          Long followUpOf) {
            this(customerId, subject, body, channel, teamId, priority, categoryId, submissionKey, attachments, automated,
                    followUpOf, null);
        }

        /** The same ticket, taken from the start by this agent (null: left to the team's routing). */
        public OpenTicket assignedTo(Long agentId) {
            return new OpenTicket(customerId, subject, body, channel, teamId, priority, categoryId, submissionKey,
                    attachments, automated, followUpOf, agentId);
        }

        public OpenTicket(long customerId, String subject, String body, Channel channel, Long teamId, Priority priority,
                          Long categoryId, String submissionKey) {
            this(customerId, subject, body, channel, teamId, priority, categoryId, submissionKey, List.of(), false, null);
        }
    }

    /**
     * The customer's message on an existing ticket. {@code automated}: written by a machine on their behalf (an
     * auto-reply, a bounce): no touch, and it reopens the ticket only when {@code reopens} (a bounce needs the team,
     * an out-of-office notice does not).
     */
    public record CustomerMessage(long ticketId, String body, Channel channel, String submissionKey,
                                  List<NewAttachment> attachments, boolean automated, boolean reopens) {

        public CustomerMessage {
            attachments = attachments == null ? List.of() : List.copyOf(attachments);
        }
    }

    /**
     * Change a ticket's fields. A null field stays as it is; {@code assignee} is empty to unassign.
     * {@code expectedVersion} null skips the conflict check (API calls without If-Match). {@code resolutionReason}: why
     * the agent resolves while a procedure's required step is open (its {@code warn} gate asks for it), else null.
     */
    public record UpdateTicket(TicketStatus status, Priority priority, Long teamId, Optional<Long> assignee,
                               Long categoryId, String subject, Integer expectedVersion, String resolutionReason,
                               Optional<String> purchaseRef) {

        /** {@code purchaseRef}: null keeps it, empty clears it. */
        public UpdateTicket(TicketStatus status, Priority priority, Long teamId, Optional<Long> assignee,
                            Long categoryId, String subject, Integer expectedVersion, String resolutionReason) {
            this(status, priority, teamId, assignee, categoryId, subject, expectedVersion, resolutionReason, null);
        }

        public UpdateTicket(TicketStatus status, Priority priority, Long teamId, Optional<Long> assignee,
                            Long categoryId, String subject, Integer expectedVersion) {
            this(status, priority, teamId, assignee, categoryId, subject, expectedVersion, null);
        }
    }

    /**
     * An agent's reply. {@code toldBy}: for a reply that no channel carries (recorded only), how the agent gave the
     * answer to the customer (a phone call or a visit), which makes it a touch; null when they did not. {@code takeIt}:
     * an unassigned ticket becomes the replying agent's in the same write (when they are a member of its team).
     * {@code resolutionReason}: why "then resolved" goes ahead while a procedure's required step is open, else null.
     * {@code askReview}: the author asks for a second pair of eyes; the reply waits for a reviewer like one a rule
     * holds ({@link ReplyHold}).
     */
    public record Reply(String body, TicketStatus nextStatus, String submissionKey, List<NewAttachment> attachments,
                        Channel toldBy, boolean takeIt, String resolutionReason, boolean askReview) {
        /** A reply its author does not ask to have reviewed (a rule may still hold it), without a resolution reason. */
        public Reply(String body, TicketStatus nextStatus, String submissionKey, List<NewAttachment> attachments,
                     Channel toldBy, boolean takeIt) {
            this(body, nextStatus, submissionKey, attachments, toldBy, takeIt, null, false);
        }

        public Reply(String body, TicketStatus nextStatus, String submissionKey, List<NewAttachment> attachments,
                     Channel toldBy, boolean takeIt, String resolutionReason) {
            this(body, nextStatus, submissionKey, attachments, toldBy, takeIt, resolutionReason, false);
        }

        public Reply {
            attachments = attachments == null ? List.of() : List.copyOf(attachments);
            if (toldBy != null && toldBy != Channel.PHONE && toldBy != Channel.VISIT) {
                throw new InvalidInput("toldBy", "must be phone or visit");
            }
        }

        /** A reply with nothing more to it. */
        public static Reply of(String body, TicketStatus nextStatus, String submissionKey, List<NewAttachment> attachments) {
            return new Reply(body, nextStatus, submissionKey, attachments, null, false);
        }
    }
}
