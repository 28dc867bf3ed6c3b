package org.regard.mail;

import org.regard.mail.parsing.HtmlSafety;
import org.regard.mail.parsing.InboundMessage;
import org.regard.mail.parsing.MailLimits;
import org.regard.mail.parsing.MailParser;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.Optional;

/**
 * What the ticket page shows of a message beyond its envelope: the formatted (HTML) version, and the message exactly
 * as it was received. No visibility check here: the caller asks {@link #ticketOf} and checks that the agent may see
 * that ticket before reading anything else.
 */
@Service
@Transactional(readOnly = true)
public class MailDisplay {
    private final JdbcClient jdbc;
    private final MailParser parser = new MailParser();

    MailDisplay(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The ticket a message with an email side belongs to; empty when the message has none. */
    public Optional<Long> ticketOf(long messageId) {
        return jdbc.sql("select ticket_id from mail_message where ticket_message_id = ?").param(messageId)
                .query(Long.class).optional();
    }

    /**
     * The message's sanitised HTML (a fragment, not a document); empty when it has none. With {@code remoteImages},
     * a received message is sanitised again from its raw source with images on other servers kept.
     */
    public Optional<String> html(long messageId, boolean remoteImages) {
        record Stored(String html, boolean remote, Long inboundId) {
        }
        Optional<Stored> stored = jdbc.sql("select safe_html, has_remote_images, inbound_id from mail_message where ticket_message_id = ?")
                .param(messageId).query((rs, n) -> new Stored(rs.getString(1), rs.getBoolean(2), rs.getObject(3, Long.class)))
                .optional();
        if (stored.isEmpty() || stored.get().html() == null || stored.get().html().isEmpty()) {
            return Optional.empty();
        }
        if (remoteImages && stored.get().remote() && stored.get().inboundId() != null) {
            Optional<byte[]> raw = rawOf(stored.get().inboundId());
            if (raw.isPresent()) {
                InboundMessage message = parser.parse(raw.get());
                String html = message.htmlBody().length() > MailLimits.defaults().maxHtmlChars()
                        ? message.htmlBody().substring(0, MailLimits.defaults().maxHtmlChars()) : message.htmlBody();
                String withImages = HtmlSafety.sanitise(html, true).html();
                if (!withImages.isEmpty()) {
                    return Optional.of(withImages);
                }
            }
        }
        return Optional.of(stored.get().html());
    }

    /** The message exactly as received; empty for a message Regard did not receive by email. */
    public Optional<byte[]> raw(long messageId) {
        return jdbc.sql("select inbound_id from mail_message where ticket_message_id = ?").param(messageId)
                .query((rs, n) -> rs.getObject(1, Long.class)).optional()
                .flatMap(id -> id == null ? Optional.empty() : rawOf(id));
    }

    private Optional<byte[]> rawOf(long inboundId) {
        return jdbc.sql("select raw from mail_inbound where id = ?").param(inboundId).query((rs, n) -> rs.getBytes(1)).optional();
    }
}
