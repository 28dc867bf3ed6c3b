package org.regard.mail.parsing;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Reads a few header fields straight from raw bytes, without parsing the body: the Message-ID for de-duplication
 * when a message is stored, the ids and the sender that tie it to a conversation (so that the intake processes one
 * conversation in the order it arrived), and the mailing-list signals that keep Regard from acknowledging list mail.
 */
public final class RawHeaders {

    private final HeaderFields headers;

    private RawHeaders(HeaderFields headers) {
        this.headers = headers;
    }

    public static RawHeaders of(byte[] raw) {
        return of(raw, 0, raw.length);
    }

    /** The header fields of the message held in {@code raw[start, end)}; only the header block is read. */
    public static RawHeaders of(byte[] raw, int start, int end) {
        try {
            return new RawHeaders(HeaderFields.read(raw, start, end, true).headers());
        } catch (RuntimeException unreadable) {
            return new RawHeaders(new HeaderFields(List.of()));
        }
    }

    /** The Message-ID without angle brackets, when the message has a usable one. */
    public Optional<String> messageId() {
        return headers.first("Message-ID").flatMap(MessageAssembly::firstId);
    }

    /**
     * What ties this message to a conversation, for keeping a conversation's messages in order: its own Message-ID,
     * the ids it answers (In-Reply-To and References), and its sender's address, lower case, each with a prefix
     * ({@code id:} or {@code from:}). Two messages that share any key belong to the same conversation or the same
     * customer.
     */
    public Set<String> conversationKeys() {
        Set<String> keys = new LinkedHashSet<>();
        messageId().ifPresent(id -> keys.add("id:" + id));
        headers.first("In-Reply-To").flatMap(MessageAssembly::firstId).ifPresent(id -> keys.add("id:" + id));
        for (String value : headers.all("References")) {
            MessageAssembly.allIds(value).forEach(id -> keys.add("id:" + id));
        }
        try {
            headers.first("From").map(AddressParser::parse).flatMap(all -> all.stream().findFirst())
                    .map(address -> address.address().strip().toLowerCase(Locale.ROOT))
                    .filter(address -> !address.isEmpty())
                    .ifPresent(address -> keys.add("from:" + address));
        } catch (RuntimeException unreadable) {
            // no sender key: the message is still ordered by its ids
        }
        return keys;
    }

    /** True for mail sent to a list or in bulk ({@code Precedence: bulk|list|junk}, or a {@code List-Id}). */
    public boolean bulk() {
        String precedence = headers.first("Precedence").orElse("").strip().toLowerCase(Locale.ROOT);
        return precedence.equals("bulk") || precedence.equals("list") || precedence.equals("junk") || headers.has("List-Id");
    }

}
