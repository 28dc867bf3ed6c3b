package org.regard.mail.intake;

import org.regard.mail.intake.InboundProcessor.InboundRow;
import org.regard.mail.mailboxes.Mailbox;
import org.regard.mail.parsing.InboundMessage;
import org.regard.tickets.TicketQueries.TicketRow;

import java.util.Optional;

/**
 * One received message on its way through the inbound chain ({@link InboundFilter}s): what was read, and what the
 * filters have decided so far: who sent it, whether a machine wrote it, which ticket it continues. Each decision has
 * its own method, so a filter says what it decides rather than setting fields.
 */
final class InboundMail {
    /** Who the message is from: a usable address, or a placeholder at the mailbox's domain ({@code real} false). */
    record Sender(String address, String name, boolean real) {
    }

    private final InboundRow row;
    private final InboundMessage message;
    private final Mailbox mailbox;
    private final OwnMailboxes own;
    private Sender sender;
    private boolean automated;
    private TicketRow ticket;
    private Long followUpOf;

    InboundMail(InboundRow row, InboundMessage message, OwnMailboxes own) {
        this.row = row;
        this.message = message;
        this.own = own;
        this.mailbox = own.find(row.mailboxId()).orElse(null);
    }

    InboundRow row() {
        return row;
    }

    InboundMessage message() {
        return message;
    }

    /** The mailbox it came in through; empty when that mailbox is gone. */
    Optional<Mailbox> mailbox() {
        return Optional.ofNullable(mailbox);
    }

    OwnMailboxes ownMailboxes() {
        return own;
    }

    Sender sender() {
        if (sender == null) {
            throw new IllegalStateException("the sender is identified by an earlier filter");
        }
        return sender;
    }

    void identify(Sender sender) {
        this.sender = sender;
    }

    /** A machine wrote it (auto-reply, bounce): no touch, no acknowledgement. */
    void markAutomated() {
        this.automated = true;
    }

    boolean automated() {
        return automated;
    }

    /** It continues this ticket. */
    void continues(TicketRow ticket) {
        this.ticket = ticket;
        this.followUpOf = null;
    }

    /** It opens a new ticket that follows up this closed one. */
    void followsUp(long closedTicketId) {
        this.ticket = null;
        this.followUpOf = closedTicketId;
    }

    /** The ticket it continues; empty: it opens a ticket. */
    Optional<TicketRow> ticket() {
        return Optional.ofNullable(ticket);
    }

    /** The closed ticket the new one follows up, or null. */
    Long followUpOf() {
        return followUpOf;
    }
}
