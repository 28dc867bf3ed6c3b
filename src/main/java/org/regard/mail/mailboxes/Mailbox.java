package org.regard.mail.mailboxes;

import java.time.Instant;
import java.util.Locale;

/**
 * A mailbox the team reads and answers from: where mail is fetched (IMAP), how replies leave (SMTP), the address and
 * name they carry, and the team new tickets go to. Passwords are never part of this record; see
 * {@link Mailboxes#connection(long, Protocol)}.
 */
public record Mailbox(long id, String address, String displayName, long teamId, Server imap, Server smtp,
                      ClosedReply closedReply, boolean acknowledge, Source source, boolean active, String lastError,
                      Instant lastCheckedAt, int version) {

    /** How to reach a server, without its password. {@code folder} is for IMAP only. */
    public record Server(String host, int port, Security security, String username, boolean hasPassword, String folder) {
    }

    public enum Protocol {
        IMAP, SMTP
    }

    /** How the connection is protected. */
    public enum Security {
        /** Plain text (only for a server on the same machine or network). */
        NONE,
        /** Plain connection upgraded with STARTTLS; refused when the server does not offer it. */
        STARTTLS,
        /** TLS from the first byte (IMAPS 993, SMTPS 465). */
        TLS;

        /** Reads {@code none | starttls | tls} in any case. */
        public static Security parse(String value) {
            return value == null || value.isBlank() ? TLS : valueOf(value.strip().toUpperCase(Locale.ROOT));
        }
    }

    /** What a customer's mail about a closed ticket does. */
    public enum ClosedReply {
        /** The closed ticket opens again. */
        REOPEN,
        /** A new ticket is opened, linked to the closed one. */
        FOLLOW_UP
    }

    /** Where the mailbox was made. */
    public enum Source {
        /** In the admin pages. */
        ADMIN,
        /** In configuration ({@code regard.mail.mailboxes[n]}); the admin pages show it read-only. */
        CONFIG
    }

    /** The part of the address after the @, for the Message-IDs Regard makes. */
    public String domain() {
        int at = address.lastIndexOf('@');
        return at < 0 ? "regard.invalid" : address.substring(at + 1);
    }

    public boolean canReceive() {
        return active && imap != null && imap.host() != null && !imap.host().isBlank();
    }

    public boolean canSend() {
        return active && smtp != null && smtp.host() != null && !smtp.host().isBlank();
    }
}
