package org.regard.mail.outbox;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;

/**
 * One {@code mail_outbox} row as the sender reads it: what to send (a reply, or an acknowledgement whose text is
 * rendered at sending time), to whom, from which mailbox, and where its delivery stands.
 */
record OutboxRow(long id, String outboxKey, Kind kind, long ticketId, Long ticketMessageId, Long mailboxId,
                 String recipient, String rfcMessageId, String subject, String body, String language, State state,
                 Instant sendAfter, int attempts, Instant handedOverAt) {

    /** What the row carries. */
    enum Kind {
        /** An agent's reply: a ticket message. */
        REPLY,
        /** The automatic "we received your message" answer: not a ticket message. */
        ACKNOWLEDGEMENT,
        /** The customer's rating request (module ratings): its text, in the customer's language, comes with the row. */
        RATING
    }

    /** Where the row's delivery stands (the column's values; see V6__mail.sql). */
    enum State {
        QUEUED, SENDING, SENT, FAILED, CANCELLED, UNCERTAIN
    }

    static OutboxRow read(ResultSet rs, int n) throws SQLException {
        return new OutboxRow(rs.getLong("id"), rs.getString("outbox_key"), Kind.valueOf(rs.getString("kind")),
                rs.getLong("ticket_id"), rs.getObject("ticket_message_id", Long.class), rs.getObject("mailbox_id", Long.class),
                rs.getString("recipient"), rs.getString("rfc_message_id"), rs.getString("subject"), rs.getString("body"),
                rs.getString("language"), State.valueOf(rs.getString("state")), instant(rs.getTimestamp("send_after")),
                rs.getInt("attempts"), instant(rs.getTimestamp("handed_over_at")));
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
