package org.regard.mail.intake;

import org.regard.text.TextInput;
import org.regard.mail.intake.InboundProcessor.InboundRow;

import org.regard.mail.mailboxes.Mailbox;
import org.regard.mail.parsing.InboundMessage;
import org.regard.mail.parsing.MailAddress;
import org.regard.mail.parsing.MailParser;
import org.regard.mail.parsing.RawHeaders;

import org.regard.accounts.Actor;

import org.regard.customers.Customers;
import org.regard.customers.Customers.CustomerView;
import org.regard.tickets.Channel;
import org.regard.tickets.NewAttachment;
import org.regard.tickets.Priority;
import org.regard.tickets.TicketCommands.CustomerMessage;
import org.regard.tickets.TicketCommands.OpenTicket;
import org.regard.tickets.Tickets;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Turns one received message into a ticket message, inside the caller's transaction. The message first goes through
 * the inbound chain, an ordered list of small filters, each deciding one thing: {@link LoopFilter} (Regard's own mail
 * goes nowhere), {@link SenderFilter} (who wrote it), {@link AutoReplyFilter} and {@link BounceFilter} (a machine
 * wrote it), {@link FollowUpFilter} (which ticket it continues). Then it is written: it continues its ticket or opens
 * one, its e-mail side is kept in {@code mail_message}, and a new ticket may be acknowledged.
 */
@Component
class InboundConversion {
    static final String NO_SUBJECT = "(no subject)";
    static final String NO_TEXT = "(the message has no text)";
    static final String SHORTENED = "\n\n[… the message was too long and has been shortened]";
    static final String UNPROCESSED_SUBJECT = "(message could not be processed)";

    private final MailParser parser = new MailParser();
    private final List<InboundFilter> chain;
    private final Tickets tickets;
    private final Customers customers;
    private final JdbcClient jdbc;
    private final Clock clock;

    InboundConversion(LoopFilter loop, SenderFilter sender, AutoReplyFilter autoReply, BounceFilter bounce,
                      FollowUpFilter followUp, Tickets tickets, Customers customers, JdbcClient jdbc, Clock clock) {
        // the order matters: a loop is dropped before anything is looked up; the follow-up filter trusts a subject
        // token only from the sender identified before it, and never reopens a closed ticket for automated mail
        this.chain = List.of(loop, sender, autoReply, bounce, followUp);
        this.tickets = tickets;
        this.customers = customers;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Where the message went: its ticket and ticket message, or nowhere (a loop). */
    record Converted(Long ticketId, Long messageId, boolean newTicket) {
        static Converted loop() {
            return new Converted(null, null, false);
        }
    }

    Converted convert(InboundRow row, OwnMailboxes own) {
        MessageBytes bytes = row.bytes();
        InboundMail mail = new InboundMail(row, parser.parse(bytes.buffer(), bytes.start(), bytes.end()), own);
        boolean bulk = RawHeaders.of(bytes.buffer(), bytes.start(), bytes.end()).bulk();
        // everything is read: the bytes (tens of megabytes for a large message) can go before the ticket is written
        bytes.release();
        for (InboundFilter filter : chain) {
            if (filter.apply(mail) == InboundFilter.Verdict.DROP) {
                return Converted.loop();
            }
        }
        InboundMessage message = mail.message();
        InboundMail.Sender sender = mail.sender();
        Mailbox mailbox = mail.mailbox().orElse(null);
        String body = body(message);
        List<NewAttachment> files = attachments(message);
        String key = "mail:" + row.id();

        long ticketId;
        long messageId;
        CustomerView customer = null;
        if (mail.ticket().isPresent()) {
            ticketId = mail.ticket().get().id();
            messageId = tickets.customerWrote(new CustomerMessage(ticketId, body, Channel.EMAIL, key, files, mail.automated(),
                    message.bounce() || !mail.automated())).messageId();
        } else {
            customer = customers.findOrCreate(text(sender.address()), text(sender.name()));
            Tickets.Opened opened = tickets.open(new OpenTicket(customer.id(), subject(message.subject()), body, Channel.EMAIL,
                    mailbox == null ? null : mailbox.teamId(), Priority.NORMAL, null, key, files, mail.automated(),
                    mail.followUpOf()), Actor.SYSTEM);
            ticketId = opened.ticketId();
            messageId = opened.messageId();
        }
        insertMailMessage(row, message, mailbox, ticketId, messageId);
        boolean person = !mail.automated() && sender.real();
        if (person) {
            // mail from this address arrives, so it works again (and may be acknowledged below)
            customers.clearAddressFailing(sender.address());
        }
        if (customer != null && person && mailbox != null && mailbox.acknowledge() && !bulk) {
            // read again inside this transaction: opening the ticket may just have learned the customer's language
            String language = customers.customer(customer.id()).map(CustomerView::language).orElse(customer.language());
            acknowledge(ticketId, mailbox, sender.address(), language);
        }
        return new Converted(ticketId, messageId, customer != null);
    }

    /**
     * The last resort after repeated failures: a ticket that says the message could not be read, with the message as
     * received attached, so that nothing a customer sent is lost.
     */
    Converted fallback(InboundRow row, String problem, OwnMailboxes own) {
        MessageBytes bytes = row.bytes();
        InboundMessage message = parser.parse(bytes.buffer(), bytes.start(), bytes.end());
        Mailbox mailbox = own.find(row.mailboxId()).orElse(null);
        InboundMail.Sender sender = SenderFilter.sender(message, mailbox);
        CustomerView customer;
        try {
            customer = customers.findOrCreate(text(sender.address()), text(sender.name()));
        } catch (RuntimeException unusable) {
            InboundMail.Sender placeholder = SenderFilter.placeholder(mailbox);
            customer = customers.findOrCreate(text(placeholder.address()), text(placeholder.name()));
        }
        String subject = message.subject().isBlank() || message.subject().equals(MailParser.UNREADABLE_SUBJECT)
                ? UNPROCESSED_SUBJECT : subject(message.subject());
        String body = "This e-mail could not be turned into a ticket message"
                + (problem == null || problem.isBlank() ? "" : " (" + problem + ")")
                + ". The message as received is attached as message.eml.";
        Tickets.Opened opened = tickets.open(new OpenTicket(customer.id(), subject, cut(body), Channel.EMAIL,
                mailbox == null ? null : mailbox.teamId(), Priority.NORMAL, null, "mail:" + row.id(),
                List.of(new NewAttachment("message.eml", "message/rfc822", null, false, bytes.copy())), false, null), Actor.SYSTEM);
        return new Converted(opened.ticketId(), opened.messageId(), true);
    }

    static String subject(String subject) {
        String s = subject == null ? "" : text(subject).replaceAll("[\\p{Cntrl}]+", " ").strip();
        if (s.isEmpty()) {
            return NO_SUBJECT;
        }
        return s.length() > Tickets.MAX_SUBJECT ? s.substring(0, Tickets.MAX_SUBJECT - 1).stripTrailing() + "…" : s;
    }

    static String body(InboundMessage message) {
        String text = !message.visibleText().isBlank() ? message.visibleText()
                : !message.textBody().isBlank() ? message.textBody() : NO_TEXT;
        return cut(text(text).strip());
    }

    private static String cut(String text) {
        if (text.length() <= Tickets.MAX_BODY) {
            return text;
        }
        int end = Tickets.MAX_BODY - SHORTENED.length();
        if (Character.isHighSurrogate(text.charAt(end - 1))) {
            end--;
        }
        return text.substring(0, end) + SHORTENED;
    }

    private static List<NewAttachment> attachments(InboundMessage message) {
        return message.attachments().stream().map(a -> new NewAttachment(text(a.fileName()), text(a.contentType()),
                a.contentId().map(InboundConversion::text).orElse(null), a.inline() && a.contentId().isPresent(), a.content())).toList();
    }

    private void insertMailMessage(InboundRow row, InboundMessage message, Mailbox mailbox, long ticketId, long messageId) {
        String rfcId = message.messageId().orElse(row.dedupKey() + "@regard.invalid");
        jdbc.sql("""
                        insert into mail_message (ticket_message_id, ticket_id, mailbox_id, direction, rfc_message_id, from_address,
                            from_name, to_addresses, cc_addresses, subject, safe_html, has_remote_images, quoted_text, auto_reply,
                            bounce, warnings, inbound_id)
                        values (?, ?, ?, 'IN', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict do nothing""")
                .params(messageId, ticketId, mailbox == null ? null : mailbox.id(), limit(rfcId, 1000),
                        message.from().map(a -> limit(a.address(), 254)).orElse(null),
                        message.from().map(a -> a.displayName().isEmpty() ? null : limit(a.displayName(), 200)).orElse(null),
                        lines(message.to()), lines(message.cc()), limit(message.subject(), 1000),
                        message.safeHtml().isEmpty() ? null : text(message.safeHtml()), message.hasRemoteImages(),
                        text(message.quotedText()), message.autoReply(), message.bounce(),
                        message.parseWarnings().isEmpty() ? null : text(String.join("\n", message.parseWarnings())), row.id())
                .update();
    }

    private void acknowledge(long ticketId, Mailbox mailbox, String recipient, String language) {
        String rfcId = "regard.ack." + ticketId + "." + UUID.randomUUID().toString().replace("-", "") + "@" + mailbox.domain();
        Timestamp now = Timestamp.from(clock.instant());
        jdbc.sql("""
                        insert into mail_outbox (outbox_key, kind, ticket_id, mailbox_id, recipient, rfc_message_id, language,
                            state, send_after, attempts, created_at)
                        values (?, 'ACKNOWLEDGEMENT', ?, ?, ?, ?, ?, 'QUEUED', ?, 0, ?) on conflict do nothing""")
                .params("ack:" + ticketId, ticketId, mailbox.id(), recipient.toLowerCase(Locale.ROOT), rfcId,
                        language == null ? null : limit(language, 10), now, now)
                .update();
    }

    private static String lines(List<MailAddress> addresses) {
        return addresses.isEmpty() ? null : text(addresses.stream().map(MailAddress::toString).collect(Collectors.joining("\n")));
    }

    static String limit(String s, int max) {
        String t = text(s);
        return t == null || t.length() <= max ? t : t.substring(0, max);
    }

    /**
     * Text as a database keeps it: broken mail may carry the NUL character (PostgreSQL refuses it) or half of a UTF-16
     * surrogate pair (stored as "?"). A customer's mail is never refused for it: NUL is removed, a lone surrogate
     * becomes U+FFFD.
     */
    static String text(String s) {
        return TextInput.clean(s);
    }
}
