package org.regard.mail.parsing;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Recognises bounces: delivery status notifications (RFC 3464 reports that say a recipient failed) and the
 * plain-text bounces mail servers still send from MAILER-DAEMON or postmaster, and finds which recipients failed.
 */
final class Bounces {

    private static final Pattern DAEMON = Pattern.compile(
            "^(?:mailer-daemon|mail-daemon|maildaemon|postmaster|mail\\.?delivery|mdaemon|bounce[s]?|noreply-dmarc)@",
            Pattern.CASE_INSENSITIVE);

    private static final Pattern DAEMON_NAME = Pattern.compile(
            "mail delivery (?:system|subsystem|service)|mailer-daemon|postmaster", Pattern.CASE_INSENSITIVE);

    private static final Pattern BOUNCE_SUBJECT = Pattern.compile(
            "undeliver|undelivered|delivery status notification \\(failure\\)|delivery failure|failure notice"
                    + "|mail delivery failed|returned mail|delivery has failed|could not be delivered|delivery failed"
                    + "|nondeliverable|non-deliverable|non remis|non distribuable|échec de (?:la )?remise"
                    + "|unzustellbar|nicht zustellbar|zustellung fehlgeschlagen|không thể gửi|không gửi được"
                    + "|message not delivered|rejected|mail system error",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

    /** "&lt;anna@example.com&gt;: host … said: 550 5.1.1 …" (Postfix, qmail) and "anna@example.com\n  reason" (Exim). */
    private static final Pattern RECIPIENT_LINE = Pattern.compile(
            "^\\s*<?([^\\s<>@]+@[^\\s<>@:]+\\.[^\\s<>@:]+)>?\\s*(?::\\s*(.*))?$");

    private static final Pattern STATUS = Pattern.compile("\\b([45]\\.\\d{1,3}\\.\\d{1,3})\\b");

    private static final Pattern BODY_MESSAGE_ID = Pattern.compile("(?im)^\\s*Message-ID:\\s*<([^>\\s]+)>");

    /** What the bounce checks found. */
    record Verdict(boolean bounce, boolean delayed, List<FailedRecipient> failed, Optional<String> bouncedMessageId) {
    }

    private Bounces() {
    }

    static Verdict judge(MimeWalker walker, Optional<MailAddress> from, String subject, String text) {
        if (walker.hasDeliveryStatus()) {
            List<FailedRecipient> failed = new ArrayList<>();
            boolean delayed = false;
            boolean anyRecipient = false;
            Optional<String> original = Optional.empty();
            for (DeliveryReport report : walker.reports()) {
                original = original.or(report::originalMessageId);
                for (DeliveryReport.Recipient recipient : report.recipients()) {
                    anyRecipient = true;
                    if (recipient.failed()) {
                        failed.add(new FailedRecipient(recipient.address(), recipient.status(), recipient.diagnostic()));
                    } else if (recipient.delayed()) {
                        delayed = true;
                    }
                }
            }
            Optional<String> reported = original;
            Optional<String> bounced = walker.returnedMessageId().or(() -> reported);
            if (!failed.isEmpty() || !anyRecipient && !delayed) {
                return new Verdict(true, false, failed.isEmpty() ? fromText(text) : failed, bounced);
            }
            return new Verdict(false, delayed, List.of(), bounced);
        }
        boolean daemon = from.map(address -> DAEMON.matcher(address.address()).find()
                || DAEMON_NAME.matcher(address.displayName()).find()).orElse(false);
        if (daemon && BOUNCE_SUBJECT.matcher(subject).find()) {
            Optional<String> bounced = walker.returnedMessageId().or(() -> messageIdInText(text));
            return new Verdict(true, false, fromText(text), bounced);
        }
        return new Verdict(false, false, List.of(), Optional.empty());
    }

    /** Failed recipients named in a plain-text bounce, with the status and what the server said when given. */
    static List<FailedRecipient> fromText(String text) {
        Map<String, FailedRecipient> found = new LinkedHashMap<>();
        String[] lines = text.split("\n");
        for (int i = 0; i < lines.length && i < 400; i++) {
            Matcher recipient = RECIPIENT_LINE.matcher(lines[i]);
            if (!recipient.matches()) {
                continue;
            }
            String address = recipient.group(1);
            if (address.toLowerCase(Locale.ROOT).startsWith("postmaster@")
                    || address.toLowerCase(Locale.ROOT).startsWith("mailer-daemon@")) {
                continue;
            }
            StringBuilder diagnostic = new StringBuilder(recipient.group(2) == null ? "" : recipient.group(2).strip());
            for (int k = i + 1; k < lines.length && k <= i + 6 && lines[k].startsWith(" ") && !lines[k].isBlank(); k++) {
                diagnostic.append(' ').append(lines[k].strip());
            }
            if (diagnostic.isEmpty()) {
                continue;
            }
            Matcher status = STATUS.matcher(diagnostic);
            String reason = diagnostic.toString().replaceAll("\\s+", " ").strip();
            found.putIfAbsent(address.toLowerCase(Locale.ROOT),
                    new FailedRecipient(address, status.find() ? status.group(1) : "", reason));
        }
        return new ArrayList<>(found.values());
    }

    private static Optional<String> messageIdInText(String text) {
        Matcher matcher = BODY_MESSAGE_ID.matcher(text);
        return matcher.find() ? Optional.of(matcher.group(1)) : Optional.empty();
    }
}
