package org.regard.mail.intake;

import org.regard.mail.mailboxes.Mailbox;
import org.regard.mail.mailboxes.Mailboxes;
import org.regard.mail.parsing.FailedRecipient;
import org.regard.mail.parsing.InboundMessage;
import org.regard.mail.parsing.MailAddress;
import org.regard.mail.parsing.MailParser;
import org.regard.mail.parsing.RawHeaders;

import org.regard.customers.Customers;
import org.regard.customers.Customers.CustomerView;
import org.regard.tickets.Channel;
import org.regard.tickets.NewAttachment;
import org.regard.tickets.Priority;
import org.regard.tickets.TicketCommands.CustomerMessage;
import org.regard.tickets.TicketCommands.OpenTicket;
import org.regard.tickets.TicketQueries;
import org.regard.tickets.TicketQueries.TicketRow;
import org.regard.tickets.TicketStatus;
import org.regard.tickets.Tickets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Turns one received message into a ticket message, inside the caller's transaction: the sender becomes (or is) a
 * customer, the message continues its ticket or opens one, its e-mail side is kept in {@code mail_message}, bounces
 * mark the failed delivery and address, and a new ticket may be acknowledged.
 */
@Component
class InboundConversion {
    private static final Logger log = LoggerFactory.getLogger(InboundConversion.class);
    static final String NO_SUBJECT = "(no subject)";
    static final String NO_TEXT = "(the message has no text)";
    static final String SHORTENED = "\n\n[… the message was too long and has been shortened]";
    static final String UNPROCESSED_SUBJECT = "(message could not be processed)";

    private final MailParser parser = new MailParser();
    private final Tickets tickets;
    private final TicketQueries ticketQueries;
    private final Customers customers;
    private final Mailboxes mailboxes;
    private final InboundThreading threading;
    private final JdbcClient jdbc;
    private final Clock clock;

    InboundConversion(Tickets tickets, TicketQueries ticketQueries, Customers customers, Mailboxes mailboxes,
                      InboundThreading threading, JdbcClient jdbc, Clock clock) {
        this.tickets = tickets;
        this.ticketQueries = ticketQueries;
        this.customers = customers;
        this.mailboxes = mailboxes;
        this.threading = threading;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** A row of {@code mail_inbound} as the processor claimed it. */
    record InboundRow(long id, Long mailboxId, String dedupKey, byte[] raw, int attempts) {
    }

    /** Where the message went: its ticket and ticket message, or nowhere (a loop). */
    record Converted(Long ticketId, Long messageId, boolean newTicket) {
        static Converted loop() {
            return new Converted(null, null, false);
        }
    }

    private record Sender(String address, String name, boolean real) {
    }

    Converted convert(InboundRow row) {
        InboundMessage message = parser.parse(row.raw());
        Mailbox mailbox = row.mailboxId() == null ? null : mailboxes.find(row.mailboxId()).orElse(null);
        if (isLoop(message)) {
            log.info("Inbound mail {} is Regard's own mail coming back (a loop); no ticket", row.id());
            return Converted.loop();
        }
        Sender sender = sender(message, mailbox);
        boolean automated = message.autoReply() || message.bounce();
        String body = body(message);
        List<NewAttachment> files = attachments(message);
        String key = "mail:" + row.id();

        Optional<TicketRow> existing = threading.ticketFor(message, sender.real() ? sender.address() : null)
                .flatMap(ticketQueries::ticket);
        Long followUpOf = null;
        if (existing.isPresent() && existing.get().status() == TicketStatus.CLOSED && !automated
                && mailbox != null && mailbox.closedReply() == Mailbox.ClosedReply.FOLLOW_UP) {
            followUpOf = existing.get().id();
            existing = Optional.empty();
        }

        long ticketId;
        long messageId;
        boolean newTicket = existing.isEmpty();
        CustomerView customer = null;
        if (existing.isPresent()) {
            ticketId = existing.get().id();
            messageId = tickets.customerWrote(new CustomerMessage(ticketId, body, Channel.EMAIL, key, files, automated,
                    message.bounce() || !automated)).messageId();
        } else {
            customer = customers.findOrCreate(sender.address(), sender.name());
            ticketId = tickets.open(new OpenTicket(customer.id(), subject(message.subject()), body, Channel.EMAIL,
                    mailbox == null ? null : mailbox.teamId(), Priority.NORMAL, null, key, files, automated, followUpOf), null);
            messageId = jdbc.sql("select id from message where ticket_id = ? order by id").param(ticketId)
                    .query(Long.class).list().stream().findFirst().orElseThrow();
        }
        insertMailMessage(row, message, mailbox, ticketId, messageId);
        if (message.bounce()) {
            recordBounce(message);
        } else if (!automated && sender.real()) {
            customers.clearAddressFailing(sender.address());
        }
        if (newTicket && !automated && sender.real() && mailbox != null && mailbox.acknowledge()
                && !RawHeaders.of(row.raw()).bulk()
                && customers.failingAddresses(List.of(sender.address())).isEmpty()) {
            if (customer == null) {
                customer = customers.findOrCreate(sender.address(), sender.name());
            }
            // read again inside this transaction: opening the ticket may just have learned the customer's language
            String language = customers.customer(customer.id()).map(CustomerView::language).orElse(customer.language());
            acknowledge(ticketId, mailbox, sender.address(), language);
        }
        return new Converted(ticketId, messageId, newTicket);
    }

    /**
     * The last resort after repeated failures: a ticket that says the message could not be read, with the message as
     * received attached, so that nothing a customer sent is lost.
     */
    Converted fallback(InboundRow row, String problem) {
        InboundMessage message = parser.parse(row.raw());
        Mailbox mailbox = row.mailboxId() == null ? null : mailboxes.find(row.mailboxId()).orElse(null);
        Sender sender = sender(message, mailbox);
        CustomerView customer;
        try {
            customer = customers.findOrCreate(sender.address(), sender.name());
        } catch (RuntimeException unusable) {
            Sender placeholder = placeholder(mailbox);
            customer = customers.findOrCreate(placeholder.address(), placeholder.name());
        }
        String subject = message.subject().isBlank() || message.subject().equals(MailParser.UNREADABLE_SUBJECT)
                ? UNPROCESSED_SUBJECT : subject(message.subject());
        String body = "This e-mail could not be turned into a ticket message"
                + (problem == null || problem.isBlank() ? "" : " (" + problem + ")")
                + ". The message as received is attached as message.eml.";
        long ticketId = tickets.open(new OpenTicket(customer.id(), subject, cut(body), Channel.EMAIL,
                mailbox == null ? null : mailbox.teamId(), Priority.NORMAL, null, "mail:" + row.id(),
                List.of(new NewAttachment("message.eml", "message/rfc822", null, false, row.raw())), false, null), null);
        long messageId = jdbc.sql("select id from message where ticket_id = ? order by id").param(ticketId)
                .query(Long.class).list().stream().findFirst().orElseThrow();
        return new Converted(ticketId, messageId, true);
    }

    private boolean isLoop(InboundMessage message) {
        if (message.loop()) {
            return true;
        }
        String from = message.from().map(a -> a.address().strip().toLowerCase(Locale.ROOT)).orElse("");
        return !from.isEmpty() && mailboxes.byAddress(from).isPresent();
    }

    /** From, else Reply-To, else a placeholder at the mailbox's domain. */
    private static Sender sender(InboundMessage message, Mailbox mailbox) {
        for (MailAddress candidate : candidates(message)) {
            String address = candidate.address().strip();
            if (usable(address)) {
                String name = candidate.displayName().strip();
                return new Sender(address, limit(name, 200), true);
            }
        }
        return placeholder(mailbox);
    }

    private static List<MailAddress> candidates(InboundMessage message) {
        java.util.ArrayList<MailAddress> all = new java.util.ArrayList<>();
        message.from().ifPresent(all::add);
        all.addAll(message.replyTo());
        return all;
    }

    private static Sender placeholder(Mailbox mailbox) {
        return new Sender("unknown-sender@" + (mailbox == null ? "regard.invalid" : mailbox.domain()), "Unknown sender", false);
    }

    static boolean usable(String address) {
        int at = address.indexOf('@');
        return at > 0 && at == address.lastIndexOf('@') && at < address.length() - 1 && address.length() <= 254
                && address.chars().noneMatch(c -> Character.isWhitespace(c) || Character.isISOControl(c) || c == '<' || c == '>');
    }

    static String subject(String subject) {
        String s = subject == null ? "" : subject.replaceAll("[\\p{Cntrl}]+", " ").strip();
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

    private void recordBounce(InboundMessage message) {
        String diagnostic = message.failedRecipients().stream()
                .map(f -> !f.diagnostic().isBlank() ? f.diagnostic() : f.status())
                .filter(d -> !d.isBlank()).findFirst().orElse("undeliverable");
        for (FailedRecipient failed : message.failedRecipients()) {
            if (usable(failed.address().strip())) {
                String why = !failed.diagnostic().isBlank() ? failed.diagnostic() : failed.status();
                customers.markAddressFailing(failed.address().strip(), why.isBlank() ? diagnostic : why);
            }
        }
        for (String id : InboundThreading.referencedIds(message)) {
            String bare = InboundThreading.bare(id);
            List<String> recipients = jdbc.sql("select recipient from mail_outbox where rfc_message_id in (?, ?)")
                    .params(bare, "<" + bare + ">").query(String.class).list();
            if (recipients.isEmpty()) {
                continue;
            }
            jdbc.sql("update mail_outbox set state = 'FAILED', last_error = ?, lease_until = null where rfc_message_id in (?, ?) and state <> 'CANCELLED'")
                    .params(limit("Bounced: " + diagnostic, 2000), bare, "<" + bare + ">").update();
            if (message.failedRecipients().isEmpty()) {
                recipients.stream().filter(r -> r != null && usable(r)).forEach(r -> customers.markAddressFailing(r, diagnostic));
            }
            return;
        }
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

    private static String limit(String s, int max) {
        String t = text(s);
        return t == null || t.length() <= max ? t : t.substring(0, max);
    }

    /** Text as a database keeps it: PostgreSQL refuses the NUL character, which broken mail may carry. */
    static String text(String s) {
        return s == null || s.indexOf('\u0000') < 0 ? s : s.replace("\u0000", "");
    }
}
