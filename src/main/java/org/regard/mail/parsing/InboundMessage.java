package org.regard.mail.parsing;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * A received e-mail as Regard understands it. Made by {@link MailParser#parse(byte[])}, which never throws: what it
 * could not read is listed in {@link #parseWarnings()}.
 *
 * @param messageId        the Message-ID without angle brackets
 * @param inReplyTo        the first message id of In-Reply-To, without angle brackets
 * @param references       the message ids of References, oldest first, without angle brackets
 * @param date             when the sender says the message was written
 * @param from             the first author of the From header
 * @param to               the To recipients
 * @param cc               the Cc recipients
 * @param replyTo          where the sender asks replies to go (empty when the header is absent)
 * @param subject          the decoded subject, an empty string when there is none
 * @param textBody         the plain-text body; when the message has only HTML, a text rendering of it
 * @param htmlBody         the HTML body as sent (unsafe to show), an empty string for a text-only message
 * @param safeHtml         the HTML body sanitised: no scripts, event handlers, forms or {@code javascript:} links,
 *                         remote images removed, {@code cid:} images kept; an empty string for a text-only message
 * @param hasRemoteImages  true when the HTML body referred to images on other servers (removed from
 *                         {@code safeHtml})
 * @param visibleText      what the customer actually wrote: the text without quoted history and signature
 * @param quotedText       what was folded away from {@code visibleText} (quoted history, signature), so it can be
 *                         shown on demand
 * @param attachments      files, inline images, forwarded messages and delivery reports, in message order
 * @param autoReply        true for an automatic reply: out-of-office notices, auto-responders, delivery delays
 * @param bounce           true when the message reports that an earlier message could not be delivered
 * @param failedRecipients for a bounce, the recipients that could not be reached (when the bounce names them)
 * @param bouncedMessageId for a bounce, the Message-ID of the message that could not be delivered, when known
 * @param loop             true when the message carries Regard's own {@value MailParser#LOOP_HEADER} header, i.e.
 *                         it was sent by Regard itself and came back
 * @param parseWarnings    problems met while reading the message, in plain English; empty for a clean message
 * @param raw              the message exactly as received; {@link #raw()} returns a copy, {@link #openRaw()} reads
 *                         without copying
 */
public record InboundMessage(
        Optional<String> messageId,
        Optional<String> inReplyTo,
        List<String> references,
        Optional<OffsetDateTime> date,
        Optional<MailAddress> from,
        List<MailAddress> to,
        List<MailAddress> cc,
        List<MailAddress> replyTo,
        String subject,
        String textBody,
        String htmlBody,
        String safeHtml,
        boolean hasRemoteImages,
        String visibleText,
        String quotedText,
        List<MailAttachment> attachments,
        boolean autoReply,
        boolean bounce,
        List<FailedRecipient> failedRecipients,
        Optional<String> bouncedMessageId,
        boolean loop,
        List<String> parseWarnings,
        byte[] raw) {

    public InboundMessage {
        references = List.copyOf(references);
        to = List.copyOf(to);
        cc = List.copyOf(cc);
        replyTo = List.copyOf(replyTo);
        attachments = List.copyOf(attachments);
        failedRecipients = List.copyOf(failedRecipients);
        parseWarnings = List.copyOf(parseWarnings);
        raw = raw == null ? new byte[0] : raw;
    }

    /** True when the message was written by a machine rather than a person: auto-reply, bounce or loop. */
    public boolean automated() {
        return autoReply || bounce || loop;
    }

    /** True when the message has an HTML body. */
    public boolean hasHtml() {
        return !htmlBody.isEmpty();
    }

    /** A copy of the message exactly as received. */
    @Override
    public byte[] raw() {
        return Arrays.copyOf(raw, raw.length);
    }

    /** Reads the message exactly as received, without copying it. */
    public InputStream openRaw() {
        return new ByteArrayInputStream(raw);
    }

    @Override
    public String toString() {
        return "InboundMessage[" + messageId.orElse("(no id)") + ", from " + from.map(MailAddress::toString).orElse("?")
                + ", subject " + subject + ", " + attachments.size() + " attachment(s)"
                + (autoReply ? ", auto-reply" : "") + (bounce ? ", bounce" : "") + (loop ? ", loop" : "")
                + (parseWarnings.isEmpty() ? "" : ", " + parseWarnings.size() + " warning(s)") + "]";
    }
}
