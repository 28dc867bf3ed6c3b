package org.regard.mail.outbox;

import org.regard.mail.mailboxes.Mailbox;
import org.regard.mail.parsing.MailParser;

import jakarta.activation.DataHandler;
import jakarta.mail.Message.RecipientType;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;
import org.regard.tickets.TicketQueries;
import org.regard.tickets.TicketQueries.AttachmentContent;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Turns an outbox row into the MIME message that goes out: sender, recipient, subject, date, Message-ID, the
 * threading headers that let the customer's mail program (and Regard's intake) keep the conversation together, the
 * loop marker, the text as plain text and as simple HTML, and the reply's files. Acknowledgements get their localised
 * text here and are marked as automatic.
 */
@Component
class OutgoingMail {
    /** How many earlier Message-IDs the References header carries at most (the first and the latest ones). */
    static final int MAX_REFERENCES = 20;

    private final JdbcClient jdbc;
    private final TicketQueries tickets;
    private final MessageSource messages;
    private final Clock clock;

    OutgoingMail(JdbcClient jdbc, TicketQueries tickets, MessageSource messages, Clock clock) {
        this.jdbc = jdbc;
        this.tickets = tickets;
        this.messages = messages;
        this.clock = clock;
    }

    /** The subject and text a row goes out with: the reply's own, or the acknowledgement's in the row's language. */
    record Text(String subject, String body) {
    }

    Text textOf(OutboxRow row, Mailbox mailbox) {
        if (row.kind() == OutboxRow.Kind.REPLY || row.kind() == OutboxRow.Kind.RATING) {
            return new Text(row.subject(), row.body());
        }
        Locale locale = row.language() == null || row.language().isBlank() ? Locale.ENGLISH : Locale.forLanguageTag(row.language());
        Object[] args = {mailbox.displayName(), String.valueOf(row.ticketId())};
        String subject = row.subject() != null ? row.subject() : messages.getMessage("mailout.ack.subject", args, locale);
        String body = row.body() != null ? row.body() : messages.getMessage("mailout.ack.body", args, locale);
        return new Text(subject, body);
    }

    MimeMessage build(Session session, OutboxRow row, Mailbox mailbox, String recipient) throws MessagingException {
        Text text = textOf(row, mailbox);
        MimeMessage mime = new FixedIdMessage(session, "<" + row.rfcMessageId() + ">");
        mime.setFrom(address(mailbox.address(), mailbox.displayName()));
        mime.setRecipient(RecipientType.TO, address(recipient, null));
        mime.setSubject(text.subject(), "UTF-8");
        mime.setSentDate(Date.from(clock.instant()));
        threading(row).ifPresent(t -> {
            try {
                mime.setHeader("In-Reply-To", t.inReplyTo());
                mime.setHeader("References", t.references());
            } catch (MessagingException e) {
                throw new IllegalStateException(e);
            }
        });
        mime.setHeader(MailParser.LOOP_HEADER, String.valueOf(row.ticketId()));
        if (row.kind() == OutboxRow.Kind.ACKNOWLEDGEMENT) {
            mime.setHeader("Auto-Submitted", "auto-replied");
            mime.setHeader("X-Auto-Response-Suppress", "All");
        } else if (row.kind() == OutboxRow.Kind.RATING) {
            mime.setHeader("Auto-Submitted", "auto-generated");
            mime.setHeader("X-Auto-Response-Suppress", "All");
        }
        MimeMultipart alternative = new MimeMultipart("alternative");
        MimeBodyPart plain = new MimeBodyPart();
        plain.setText(text.body(), "UTF-8", "plain");
        MimeBodyPart html = new MimeBodyPart();
        html.setText(html(text.body()), "UTF-8", "html");
        alternative.addBodyPart(plain);
        alternative.addBodyPart(html);
        List<AttachmentContent> files = row.kind() == OutboxRow.Kind.REPLY && row.ticketMessageId() != null
                ? tickets.filesOf(row.ticketMessageId()) : List.of();
        if (files.isEmpty()) {
            mime.setContent(alternative);
        } else {
            MimeMultipart mixed = new MimeMultipart("mixed");
            MimeBodyPart body = new MimeBodyPart();
            body.setContent(alternative);
            mixed.addBodyPart(body);
            for (AttachmentContent file : files) {
                MimeBodyPart part = new MimeBodyPart();
                part.setDataHandler(new DataHandler(new ByteArrayDataSource(file.data(), file.attachment().contentType())));
                part.setFileName(file.attachment().fileName());
                part.setDisposition(MimeBodyPart.ATTACHMENT);
                if (file.attachment().contentId() != null && safeId(file.attachment().contentId())) {
                    part.setContentID("<" + file.attachment().contentId() + ">");
                }
                mixed.addBodyPart(part);
            }
            mime.setContent(mixed);
        }
        mime.saveChanges();
        return mime;
    }

    /** In-Reply-To (the customer's latest message) and References (the thread, oldest first). */
    record Threading(String inReplyTo, String references) {
    }

    Optional<Threading> threading(OutboxRow row) {
        Optional<String> latestIn = jdbc.sql("""
                        select rfc_message_id from mail_message where ticket_id = ? and direction = 'IN'
                        order by ticket_message_id desc limit 1""")
                .param(row.ticketId()).query(String.class).optional().filter(OutgoingMail::safeId);
        if (latestIn.isEmpty()) {
            return Optional.empty();
        }
        List<String> thread = new ArrayList<>(jdbc.sql("select rfc_message_id from mail_message where ticket_id = ? order by ticket_message_id")
                .param(row.ticketId()).query(String.class).list().stream()
                .filter(OutgoingMail::safeId).filter(id -> !id.equals(row.rfcMessageId())).distinct().toList());
        if (thread.size() > MAX_REFERENCES) {
            List<String> kept = new ArrayList<>();
            kept.add(thread.getFirst());
            kept.addAll(thread.subList(thread.size() - (MAX_REFERENCES - 1), thread.size()));
            thread = kept;
        }
        return Optional.of(new Threading("<" + latestIn.get() + ">",
                String.join(" ", thread.stream().map(id -> "<" + id + ">").toList())));
    }

    /** The text as a small HTML document: escaped, paragraphs and line breaks kept, nothing fetched from elsewhere. */
    static String html(String text) {
        StringBuilder out = new StringBuilder("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"></head><body>\n");
        String normalized = text.replace("\r\n", "\n").replace('\r', '\n').strip();
        for (String paragraph : normalized.split("\n\\s*\n")) {
            if (paragraph.isBlank()) {
                continue;
            }
            out.append("<p>");
            String[] lines = paragraph.strip().split("\n");
            for (int i = 0; i < lines.length; i++) {
                if (i > 0) {
                    out.append("<br>\n");
                }
                out.append(HtmlUtils.htmlEscape(lines[i], StandardCharsets.UTF_8.name()));
            }
            out.append("</p>\n");
        }
        return out.append("</body></html>\n").toString();
    }

    /** A Message-ID that can go into a header as it is (no spaces, brackets or line breaks). */
    static boolean safeId(String id) {
        return id != null && !id.isBlank() && id.length() <= 900 && id.chars().noneMatch(c -> c <= ' ' || c == '<' || c == '>' || c > 126);
    }

    private static InternetAddress address(String address, String name) throws MessagingException {
        try {
            InternetAddress a = name == null || name.isBlank() ? new InternetAddress(address, true)
                    : new InternetAddress(address, name.strip(), "UTF-8");
            a.validate();
            return a;
        } catch (UnsupportedEncodingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A message that keeps the Message-ID Regard gave it (Jakarta Mail would make its own on saving). */
    private static final class FixedIdMessage extends MimeMessage {
        private final String messageId;

        FixedIdMessage(Session session, String messageId) {
            super(session);
            this.messageId = messageId;
        }

        @Override
        protected void updateMessageID() throws MessagingException {
            setHeader("Message-ID", messageId);
        }
    }
}
