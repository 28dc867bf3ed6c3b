package org.regard.mail.intake;

import org.regard.mail.parsing.InboundMessage;

import org.regard.customers.Customers;
import org.regard.tickets.TicketQueries;
import org.regard.tickets.TicketQueries.TicketRow;
import org.regard.tickets.TicketRelations;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the ticket a received message belongs to: by the message ids it answers (In-Reply-To, then References newest
 * first) matched against the mail Regard received and sent; else by a {@code [#<ticket id>]} token in the subject,
 * but only when the sender is that ticket's customer, so a stranger cannot write into someone else's ticket. Never by
 * subject text alone. A ticket merged into another one answers with the survivor, so mail to a merged ticket
 * threads into the ticket that now holds its conversation.
 */
@Component
class InboundThreading {
    private static final Pattern TOKEN = Pattern.compile("\\[#(\\d{1,18})]");

    private final JdbcClient jdbc;
    private final TicketQueries tickets;
    private final Customers customers;
    private final TicketRelations relations;

    InboundThreading(JdbcClient jdbc, TicketQueries tickets, Customers customers, TicketRelations relations) {
        this.relations = relations;
        this.jdbc = jdbc;
        this.tickets = tickets;
        this.customers = customers;
    }

    /** The ids a message refers to, most telling first: for a bounce the bounced message, then In-Reply-To, then References newest first. */
    static List<String> referencedIds(InboundMessage message) {
        LinkedHashSet<String> ids = new LinkedHashSet<>();
        if (message.bounce()) {
            message.bouncedMessageId().ifPresent(ids::add);
        }
        message.inReplyTo().ifPresent(ids::add);
        List<String> references = new ArrayList<>(message.references());
        java.util.Collections.reverse(references);
        ids.addAll(references);
        return List.copyOf(ids);
    }

    /**
     * The ticket this message continues, if any: the survivor when the ticket it refers to was merged into another.
     * {@code senderAddress} may be null (no usable sender).
     */
    Optional<Long> ticketFor(InboundMessage message, String senderAddress) {
        return referredTicket(message, senderAddress).map(relations::survivorOf);
    }

    private Optional<Long> referredTicket(InboundMessage message, String senderAddress) {
        for (String id : referencedIds(message)) {
            Optional<Long> ticket = ticketOfMessageId(id);
            if (ticket.isPresent()) {
                return ticket;
            }
        }
        if (message.bounce() || senderAddress == null) {
            return Optional.empty();
        }
        Matcher token = TOKEN.matcher(message.subject());
        while (token.find()) {
            long ticketId;
            try {
                ticketId = Long.parseLong(token.group(1));
            } catch (NumberFormatException tooLong) {
                continue;
            }
            Optional<TicketRow> ticket = tickets.ticket(ticketId);
            Optional<Customers.CustomerView> sender = customers.customerByEmail(senderAddress);
            if (ticket.isPresent() && sender.isPresent() && ticket.get().customerId() == sender.get().id()) {
                return Optional.of(ticketId);
            }
        }
        return Optional.empty();
    }

    /** The ticket of a message Regard received or sent with this Message-ID (with or without angle brackets). */
    Optional<Long> ticketOfMessageId(String id) {
        String bare = bare(id);
        if (bare.isEmpty()) {
            return Optional.empty();
        }
        Optional<Long> received = jdbc.sql("select ticket_id from mail_message where rfc_message_id in (?, ?) order by ticket_message_id desc")
                .params(bare, "<" + bare + ">").query(Long.class).list().stream().findFirst();
        if (received.isPresent()) {
            return received;
        }
        return jdbc.sql("select ticket_id from mail_outbox where rfc_message_id in (?, ?) order by id desc")
                .params(bare, "<" + bare + ">").query(Long.class).list().stream().findFirst();
    }

    static String bare(String id) {
        String s = id == null ? "" : id.strip();
        if (s.startsWith("<") && s.endsWith(">") && s.length() >= 2) {
            s = s.substring(1, s.length() - 1).strip();
        }
        return s;
    }
}
