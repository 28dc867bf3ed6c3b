package org.regard.mail;

import org.regard.mail.outbox.MailReplyChannel;
import org.regard.tickets.MessageEnvelopes;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The email side of a ticket's messages for the ticket page and the API: the envelope kept in {@code mail_message}
 * and, for a reply, where its {@code mail_outbox} row stands. One query per ticket, whatever its length.
 * <p>
 * Lists in {@code mail_message} ({@code to_addresses}, {@code cc_addresses}, {@code warnings}) hold one entry per line.
 * A reply may be taken back while its row is still queued, was never handed to the mail server and never tried:
 * until its {@code send_after}.
 */
@Component
@Transactional(readOnly = true)
class MailEnvelopes implements MessageEnvelopes {
    private static final String SQL = """
            select mm.ticket_message_id, mm.from_address, mm.from_name, mm.to_addresses, mm.cc_addresses, mm.subject,
                   mm.rfc_message_id,
                   case when mm.safe_html is null or mm.safe_html = '' then false else true end as has_html,
                   mm.has_remote_images, mm.quoted_text, mm.auto_reply, mm.bounce, mm.warnings, mm.inbound_id,
                   o.id as outbox_id, o.state, o.last_error, o.attempts, o.send_after, o.handed_over_at, o.sent_at
              from mail_message mm
              left join mail_outbox o on o.ticket_message_id = mm.ticket_message_id
             where mm.ticket_id = ?
             order by mm.ticket_message_id, o.id
            """;

    private final JdbcClient jdbc;
    private final MailReplyChannel replies;

    MailEnvelopes(JdbcClient jdbc, MailReplyChannel replies) {
        this.jdbc = jdbc;
        this.replies = replies;
    }

    @Override
    public Map<Long, Envelope> envelopesOf(long ticketId) {
        Map<Long, Envelope> envelopes = new HashMap<>();
        // a message sent again may have more than one outbox row: the newest (last in order) tells where it stands
        jdbc.sql(SQL).param(ticketId).query((ResultSet rs) -> {
            envelopes.put(rs.getLong("ticket_message_id"), envelope(rs));
        });
        return envelopes;
    }

    private Envelope envelope(ResultSet rs) throws SQLException {
        return new Envelope(rs.getString("from_address"), rs.getString("from_name"), lines(rs.getString("to_addresses")),
                lines(rs.getString("cc_addresses")), rs.getString("subject"), rs.getString("rfc_message_id"),
                rs.getBoolean("has_html"), rs.getBoolean("has_remote_images"), rs.getString("quoted_text"),
                rs.getBoolean("auto_reply"), rs.getBoolean("bounce"), lines(rs.getString("warnings")),
                rs.getObject("inbound_id") != null, delivery(rs));
    }

    private Delivery delivery(ResultSet rs) throws SQLException {
        if (rs.getObject("outbox_id") == null) {
            return null;
        }
        DeliveryState state = state(rs.getString("state"));
        int attempts = rs.getInt("attempts");
        Instant undoUntil = state == DeliveryState.QUEUED && rs.getTimestamp("handed_over_at") == null && attempts == 0
                ? instant(rs.getTimestamp("send_after")) : null;
        String reason = state == DeliveryState.FAILED || state == DeliveryState.UNCERTAIN ? rs.getString("last_error") : null;
        return new Delivery(state, reason, attempts, undoUntil, instant(rs.getTimestamp("sent_at")),
                replies.stuck(rs.getString("state"), attempts, instant(rs.getTimestamp("send_after"))));
    }

    private static DeliveryState state(String value) {
        try {
            return DeliveryState.valueOf(value);
        } catch (IllegalArgumentException | NullPointerException unknown) {
            return DeliveryState.QUEUED;
        }
    }

    private static Instant instant(Timestamp at) {
        return at == null ? null : at.toInstant();
    }

    static List<String> lines(String value) {
        if (value == null || value.isBlank()) {
            return List.of();
        }
        return Arrays.stream(value.split("\\r?\\n")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }
}
