package org.regard.mail.outbox;

import org.regard.mail.MailSettings;
import org.regard.mail.mailboxes.Mailbox;
import org.regard.mail.mailboxes.Mailboxes;

import org.regard.accounts.AgentPrincipal;
import org.regard.customers.Customers;
import org.regard.customers.Customers.CustomerView;
import org.regard.ratings.RatingEvents.RatingRequested;
import org.regard.tickets.Channel;
import org.regard.tickets.ReplyChannel;
import org.regard.tickets.TicketEvents.AgentReplied;
import org.regard.tickets.TicketQueries;
import org.regard.tickets.TicketQueries.MessageFacts;
import org.regard.tickets.TicketQueries.TicketRow;
import org.regard.tickets.Tickets;
import org.regard.tickets.Tickets.WithdrawnReply;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Locale;
import java.util.NoSuchElementException;
import java.util.Optional;

/**
 * The outbox of email replies. When an agent replies on a ticket that came in by email, the reply is queued here in
 * the reply's own transaction (so a reply is never saved without its mail, nor mail queued for a reply that was rolled
 * back), with the Message-ID it will carry and the envelope the ticket page shows. {@link MailSender} sends it once
 * the undo window has passed; until then the agent may take it back ({@link #undo}). A reply that failed, or whose
 * fate is uncertain, can be sent again ({@link #resend}).
 */
@Service
public class Outbox {
    static final String NO_MAILBOX = "No mailbox sends mail for this team";
    static final String NO_ADDRESS = "The customer has no email address";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;
    private final TicketQueries tickets;
    private final Tickets ticketCommands;
    private final Customers customers;
    private final Mailboxes mailboxes;
    private final MailSettings settings;
    private final Clock clock;

    Outbox(JdbcClient jdbc, TicketQueries tickets, Tickets ticketCommands, Customers customers, Mailboxes mailboxes,
           MailSettings settings, Clock clock) {
        this.jdbc = jdbc;
        this.tickets = tickets;
        this.ticketCommands = ticketCommands;
        this.customers = customers;
        this.mailboxes = mailboxes;
        this.settings = settings;
        this.clock = clock;
    }

    /**
     * Queues an email reply. Runs synchronously inside the reply's transaction: if queueing fails, the reply is not
     * saved either. Where it goes (mailbox, recipient) was decided under the ticket's lock ({@link MailReplyChannel})
     * and comes with the event; a reply no mailbox or address could carry was recorded only, and nothing is queued.
     */
    @EventListener
    void onAgentReplied(AgentReplied event) {
        ReplyChannel.Destination to = event.destination();
        if (event.channel() != Channel.EMAIL || to == null || !to.delivers() || to.senderId() == null) {
            return;
        }
        Instant now = clock.instant();
        long ticketId = event.ticketId();
        String subject = replySubject(event.subject(), ticketId);
        String rfcId = messageId(ticketId, event.messageId(), domainOf(to.senderAddress()));
        jdbc.sql("""
                        insert into mail_outbox (outbox_key, kind, ticket_id, ticket_message_id, mailbox_id, recipient, rfc_message_id,
                            subject, body, language, state, send_after, attempts, last_error, created_at)
                        values (?, 'REPLY', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?)""")
                .params("reply:" + event.messageId(), ticketId, event.messageId(), to.senderId(), to.recipient(), rfcId,
                        subject, event.body(), null, OutboxRow.State.QUEUED.name(),
                        Timestamp.from(now.plus(settings.undoWindow())), null, Timestamp.from(now))
                .update();
        jdbc.sql("""
                        insert into mail_message (ticket_message_id, ticket_id, mailbox_id, direction, rfc_message_id, from_address,
                            from_name, to_addresses, subject)
                        values (?, ?, ?, 'OUT', ?, ?, ?, ?, ?)""")
                .params(event.messageId(), ticketId, to.senderId(), rfcId, to.senderAddress(), to.senderName(),
                        addressLine(to.recipientName(), to.recipient()), subject)
                .update();
    }

    /**
     * Queues the customer's rating request, synchronously inside the transaction that marks the request sent (so a
     * request is never marked sent without its mail). It leaves from the mailbox the ticket's mail leaves from; with
     * none, the sender fails the row with the reason, as for a reply.
     */
    @EventListener
    void onRatingRequested(RatingRequested event) {
        Instant now = clock.instant();
        Optional<Mailbox> mailbox = sendingMailbox(event.ticketId(), event.teamId());
        String rfcId = "regard.rating." + event.ticketId() + "." + event.requestId() + "."
                + Long.toHexString(RANDOM.nextLong())
                + "@" + domainOf(mailbox.map(Mailbox::address).orElse(null));
        jdbc.sql("""
                        insert into mail_outbox (outbox_key, kind, ticket_id, mailbox_id, recipient, rfc_message_id, subject, body,
                            language, state, send_after, attempts, created_at)
                        values (?, 'RATING', ?, ?, ?, ?, ?, ?, ?, 'QUEUED', ?, 0, ?)""")
                .params("rating:" + event.requestId(), event.ticketId(), mailbox.map(Mailbox::id).orElse(null),
                        event.recipient(), rfcId.toLowerCase(Locale.ROOT), event.subject(), event.body(), event.language(),
                        Timestamp.from(now), Timestamp.from(now))
                .update();
    }

    private static String domainOf(String address) {
        int at = address == null ? -1 : address.lastIndexOf('@');
        return at < 0 ? "regard.invalid" : address.substring(at + 1);
    }

    /**
     * Takes back an email reply inside its undo window, in one transaction: the outbox row is cancelled only while it
     * is still waiting and nothing was handed to the mail server, and then the reply leaves the ticket. Empty when it
     * is too late (it is being sent or was sent); nothing changes then.
     *
     * @throws NoSuchElementException when the message is not an email reply
     */
    @Transactional
    public Optional<WithdrawnReply> undo(long messageId, AgentPrincipal actor) {
        long ticketId = ticketOfReply(messageId).orElseThrow(() -> new NoSuchElementException("No email reply " + messageId));
        tickets.requireVisible(ticketId, actor);
        Instant now = clock.instant();
        // the sender claims with "state = QUEUED and send_after <= now": whichever update comes first wins the row
        int cancelled = jdbc.sql("""
                        update mail_outbox set state = 'CANCELLED', ticket_message_id = null, lease_until = null
                        where outbox_key = ? and state = 'QUEUED' and send_after > ? and handed_over_at is null""")
                .params("reply:" + messageId, Timestamp.from(now)).update();
        if (cancelled == 0) {
            return Optional.empty();
        }
        jdbc.sql("delete from mail_message where ticket_message_id = ?").param(messageId).update();
        return Optional.of(ticketCommands.withdrawReply(messageId, actor));
    }

    /**
     * Queues a failed or uncertain reply again, due now (its attempts are kept). A reply that failed for want of a
     * mailbox or an address looks for them again. False when the reply is in no state to be sent again.
     *
     * @throws NoSuchElementException when the message is not an email reply
     */
    @Transactional
    public boolean resend(long messageId, AgentPrincipal actor) {
        long ticketId = ticketOfReply(messageId).orElseThrow(() -> new NoSuchElementException("No email reply " + messageId));
        tickets.requireVisible(ticketId, actor);
        OutboxRow row = jdbc.sql("select * from mail_outbox where outbox_key = ?").param("reply:" + messageId)
                .query(OutboxRow::read).single();
        if (row.state() != OutboxRow.State.FAILED && row.state() != OutboxRow.State.UNCERTAIN) {
            return false;
        }
        if (row.mailboxId() == null || row.recipient() == null) {
            readdress(row);
        }
        return jdbc.sql("""
                        update mail_outbox set state = 'QUEUED', send_after = ?, lease_until = null, handed_over_at = null
                        where id = ? and state in ('FAILED', 'UNCERTAIN')""")
                .params(Timestamp.from(clock.instant()), row.id()).update() == 1;
    }

    /** The ticket of an email reply, if the message is one that has (or had) an outbox row. */
    public Optional<Long> ticketOfReply(long messageId) {
        return jdbc.sql("select ticket_id from mail_outbox where outbox_key = ?").param("reply:" + messageId)
                .query(Long.class).optional();
    }

    /** A reply queued without a mailbox or address: looks for them again (an admin may have added them since). */
    private void readdress(OutboxRow row) {
        TicketRow ticket = tickets.ticket(row.ticketId()).orElseThrow();
        Optional<Mailbox> mailbox = row.mailboxId() == null ? sendingMailbox(ticket.id(), ticket.teamId()) : mailboxes.find(row.mailboxId());
        Optional<CustomerView> customer = customers.customer(ticket.customerId());
        String recipient = row.recipient() != null ? row.recipient() : customer.flatMap(CustomerView::primaryEmail).orElse(null);
        String rfcId = row.mailboxId() == null && mailbox.isPresent()
                ? messageId(ticket.id(), row.ticketMessageId(), mailbox.get().domain()) : row.rfcMessageId();
        jdbc.sql("update mail_outbox set mailbox_id = ?, recipient = ?, rfc_message_id = ? where id = ?")
                .params(mailbox.map(Mailbox::id).orElse(null), recipient, rfcId, row.id()).update();
        jdbc.sql("update mail_message set mailbox_id = ?, rfc_message_id = ?, from_address = ?, from_name = ?, to_addresses = ? where ticket_message_id = ?")
                .params(mailbox.map(Mailbox::id).orElse(null), rfcId, mailbox.map(Mailbox::address).orElse(null),
                        mailbox.map(Mailbox::displayName).orElse(null),
                        recipient == null ? null : addressLine(customer.map(CustomerView::name).orElse(null), recipient),
                        row.ticketMessageId())
                .update();
    }

    /**
     * The mailbox a ticket's mail goes out from: the one the customer last wrote to, else the team's first active
     * mailbox that can send. One query.
     */
    Optional<Mailbox> sendingMailbox(long ticketId, long teamId) {
        return mailboxes.sendingCandidates(ticketId, teamId).stream().filter(Mailbox::canSend).findFirst();
    }

    /** "Re: subject [#id]", without a second "Re:" or a second token. */
    static String replySubject(String ticketSubject, long ticketId) {
        String subject = ticketSubject == null ? "" : ticketSubject.replaceAll("[\\r\\n\\t]+", " ").strip();
        if (!subject.regionMatches(true, 0, "Re:", 0, 3)) {
            subject = "Re: " + subject;
        }
        String token = "[#" + ticketId + "]";
        return subject.contains(token) ? subject : subject + " " + token;
    }

    /** A Message-ID Regard makes, without angle brackets: unique, and naming the ticket and message it belongs to. */
    static String messageId(long ticketId, Long messageId, String domain) {
        byte[] random = new byte[8];
        RANDOM.nextBytes(random);
        return "regard." + ticketId + "." + (messageId == null ? "ack" : messageId) + "." + HexFormat.of().formatHex(random)
                + "@" + domain.toLowerCase(Locale.ROOT);
    }

    /** {@code Name <address>}, as the envelope lists recipients. */
    static String addressLine(String name, String address) {
        return name == null || name.isBlank() ? address : name.replaceAll("[\\r\\n<>\"]", " ").strip() + " <" + address + ">";
    }
}
