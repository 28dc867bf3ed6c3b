package org.regard.mail.parsing;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The machine-readable part of a delivery status notification (RFC 3464, {@code message/delivery-status}): one
 * block of fields about the message, then one block per recipient.
 */
record DeliveryReport(List<Recipient> recipients, Optional<String> originalMessageId) {

    /** What the report says about one recipient. */
    record Recipient(String address, String action, String status, String diagnostic) {

        boolean failed() {
            return action.equals("failed") || (action.isEmpty() && status.startsWith("5"));
        }

        boolean delayed() {
            return action.equals("delayed") || (action.isEmpty() && status.startsWith("4"));
        }
    }

    static DeliveryReport read(byte[] body) {
        List<Recipient> recipients = new ArrayList<>();
        Optional<String> originalMessageId = Optional.empty();
        int pos = 0;
        while (pos < body.length) {
            HeaderFields.Block block = HeaderFields.read(body, pos, body.length, false);
            HeaderFields fields = block.headers();
            if (originalMessageId.isEmpty()) {
                originalMessageId = fields.first("X-Original-Message-ID").map(MimeEntity::withoutBrackets)
                        .filter(id -> !id.isEmpty());
            }
            Optional<String> recipient = fields.first("Final-Recipient").or(() -> fields.first("Original-Recipient"));
            if (recipient.isPresent()) {
                recipients.add(new Recipient(
                        afterType(recipient.get()),
                        fields.first("Action").orElse("").toLowerCase(Locale.ROOT).trim(),
                        fields.first("Status").map(DeliveryReport::statusCode).orElse(""),
                        fields.first("Diagnostic-Code").map(DeliveryReport::afterType).orElse("")
                                .replaceAll("\\s+", " ").trim()));
            }
            pos = block.bodyStart() > pos ? block.bodyStart() : HeaderFields.nextLine(body, pos, body.length);
        }
        return new DeliveryReport(recipients, originalMessageId);
    }

    /** {@code rfc822; anna@example.com} → {@code anna@example.com}. */
    private static String afterType(String value) {
        int semicolon = value.indexOf(';');
        String rest = semicolon >= 0 ? value.substring(semicolon + 1) : value;
        return stripBrackets(rest.trim());
    }

    private static String stripBrackets(String value) {
        return value.startsWith("<") && value.endsWith(">") ? value.substring(1, value.length() - 1) : value;
    }

    private static String statusCode(String value) {
        String trimmed = value.trim();
        int space = trimmed.indexOf(' ');
        return space > 0 ? trimmed.substring(0, space) : trimmed;
    }
}
