package org.regard.tickets;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What a channel knows about a ticket's messages beyond their text: for email, the envelope (sender, recipients,
 * subject, Message-ID), the sanitised HTML, the folded quoted history, automatic-message flags, and for replies the
 * delivery state. A module that carries messages over a channel implements this; the ticket page and the API show
 * what it returns. The tickets module itself knows no channel's details.
 */
public interface MessageEnvelopes {

    /** The envelopes of the ticket's messages that have one, by message id. */
    Map<Long, Envelope> envelopesOf(long ticketId);

    /**
     * A message's envelope.
     *
     * @param fromAddress       the sender's address (for a reply: the mailbox it goes out from)
     * @param fromName          the sender's display name, or null
     * @param to                the To recipients, as written ({@code Name <address>})
     * @param cc                the Cc recipients
     * @param subject           the subject line
     * @param externalId        the Message-ID, without angle brackets
     * @param hasHtml           true when there is a formatted (HTML) version to show
     * @param remoteImages      true when the HTML refers to remote images, which are blocked until an agent allows them
     * @param quotedText        the quoted history and signature folded away from the message body ("" for none)
     * @param autoReply         an automatic reply (out of office, auto-responder)
     * @param bounce            a report that an earlier message could not be delivered
     * @param warnings          problems met reading the message (it is still shown, with its raw source)
     * @param rawAvailable      true when the message as received can be downloaded
     * @param delivery          for an outgoing message, where its delivery stands; null for a received one
     */
    record Envelope(String fromAddress, String fromName, List<String> to, List<String> cc, String subject,
                    String externalId, boolean hasHtml, boolean remoteImages, String quotedText, boolean autoReply,
                    boolean bounce, List<String> warnings, boolean rawAvailable, Delivery delivery) {

        public Envelope {
            to = to == null ? List.of() : List.copyOf(to);
            cc = cc == null ? List.of() : List.copyOf(cc);
            warnings = warnings == null ? List.of() : List.copyOf(warnings);
            quotedText = quotedText == null ? "" : quotedText;
        }
    }

    /** Where an outgoing message stands. */
    enum DeliveryState {
        /** Waiting: still inside the undo window, or waiting for the next attempt. */
        QUEUED,
        /** Being handed to the mail server right now. */
        SENDING,
        /** Accepted by the mail server. */
        SENT,
        /** Not delivered; {@link Delivery#reason()} says why (the server's answer, or a bounce). */
        FAILED,
        /** Withdrawn by the agent inside the undo window. */
        CANCELLED,
        /** The sender stopped while handing it over; it may or may not have left, so it is not resent by itself. */
        UNCERTAIN
    }

    /**
     * @param state     where it stands
     * @param reason    for FAILED and UNCERTAIN, what happened; otherwise null
     * @param attempts  how many times it was handed to the mail server
     * @param undoUntil until when the agent may still take it back (null once it is too late)
     * @param sentAt    when the server accepted it
     * @param stuck     it has not left and will not soon by itself: the mail server refuses or does not answer (a retry
     *                  is due), no sender takes it, its attempts ran out, or its fate is uncertain
     */
    record Delivery(DeliveryState state, String reason, int attempts, Instant undoUntil, Instant sentAt, boolean stuck) {
    }
}
