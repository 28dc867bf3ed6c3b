package org.regard.tickets;

import java.util.Collection;
import java.util.List;

/**
 * A channel that can carry an agent's reply to the customer (email, today). The tickets module defines it and a
 * channel module implements it, as with {@link MessageEnvelopes}, so tickets never names a channel module. Before a
 * reply is written, {@link ReplyDestinations} asks every implementation where the reply would go; a reply that no
 * channel carries is recorded only: it stays on the ticket, and nothing leaves Regard.
 */
public interface ReplyChannel {

    /**
     * Where a reply to this ticket would go through this channel, or why it cannot go: a {@link Destination} that
     * {@link Destination#delivers() delivers}, or one naming its {@link Obstacle}. Runs inside the reply's transaction
     * (under the ticket's row lock) and for the composer's preview; it reads, and writes nothing.
     */
    Destination destinationOf(ReplyTarget target);

    /**
     * The replies this channel holds that are stuck: waiting for a mail server that does not answer, out of attempts,
     * or of uncertain fate. Only those sent from the given teams' mailboxes; all of them when {@code teamIds} is null
     * (an admin).
     */
    StuckReplies stuckReplies(Collection<Long> teamIds);

    /** The ticket a reply is for, as a channel needs it to decide where the reply goes. */
    record ReplyTarget(long ticketId, long teamId, long customerId, Channel ticketChannel) {
    }

    /** Why a reply cannot leave Regard, so that it is recorded only. */
    enum Obstacle {
        /** The customer has no address this channel can reach. */
        NO_ADDRESS,
        /** No mailbox (that can send) serves the ticket's team. */
        NO_MAILBOX
    }

    /**
     * Where a reply goes: through {@code channel}, from {@code senderId}/{@code senderAddress} (a mailbox for email,
     * shown as {@code senderName} when it has one) to {@code recipient} (whose name is {@code recipientName}); or, with
     * an {@code obstacle}, nowhere.
     */
    record Destination(Channel channel, Long senderId, String senderAddress, String senderName, String recipient,
                       String recipientName, Obstacle obstacle) {

        /** A reply that cannot leave, and why. */
        public static Destination recordedOnly(Obstacle obstacle) {
            return new Destination(null, null, null, null, null, null, obstacle);
        }

        /** True when the reply leaves Regard through {@link #channel()}. */
        public boolean delivers() {
            return obstacle == null;
        }

        /** How the sender is shown: its name, else its address. */
        public String senderLabel() {
            return senderName == null || senderName.isBlank() ? senderAddress : senderName;
        }
    }

    /** How many replies are stuck, and on which tickets (the newest first, at most a page's worth). */
    record StuckReplies(int count, List<Long> ticketIds) {
        public static final StuckReplies NONE = new StuckReplies(0, List.of());

        public StuckReplies {
            ticketIds = List.copyOf(ticketIds);
        }
    }
}
