package org.regard.mail;

import org.regard.mail.mailboxes.Mailbox;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

import java.time.Duration;
import java.util.List;

/**
 * {@code regard.mail.*}: how Regard reads and sends mail.
 *
 * @param secretKey      the key mailbox passwords are encrypted with (any string; keep it secret and the same on
 *                       every node). Unset: a key is generated once into the data directory (fine for one node).
 * @param undoWindow     how long a reply waits before it is handed to the mail server, so the agent can take it back
 * @param pollInterval   how often a mailbox without IMAP IDLE is checked (IDLE delivers at once)
 * @param maxMessageSize the largest message fetched; a larger one is left on the server and reported on the mailbox
 * @param maxAttempts    how many times sending is tried before the reply is marked failed
 * @param intake         false stops fetching mail on this node (e.g. a node that only serves pages)
 * @param mailboxes      mailboxes declared in configuration, next to the ones made in the admin pages
 */
@ConfigurationProperties("regard.mail")
public record MailSettings(
        String secretKey,
        @DefaultValue("10s") Duration undoWindow,
        @DefaultValue("10s") Duration pollInterval,
        @DefaultValue("50MB") DataSize maxMessageSize,
        @DefaultValue("8") int maxAttempts,
        @DefaultValue("true") boolean intake,
        List<DeclaredMailbox> mailboxes) {

    public MailSettings {
        mailboxes = mailboxes == null ? List.of() : List.copyOf(mailboxes);
    }

    /** {@code regard.mail.mailboxes[n].*}: a mailbox declared in configuration. */
    public record DeclaredMailbox(String address, String displayName, String team, DeclaredServer imap, DeclaredServer smtp,
                                  @DefaultValue("REOPEN") Mailbox.ClosedReply closedReply,
                                  @DefaultValue("false") boolean acknowledge) {
    }

    /** {@code .imap.*} or {@code .smtp.*} of a declared mailbox. */
    public record DeclaredServer(String host, Integer port, @DefaultValue("tls") String security, String username,
                                 String password, @DefaultValue("INBOX") String folder) {

        @Override
        public String toString() {
            return "DeclaredServer[" + host + ":" + port + ", " + security + ", " + username + ", folder " + folder + "]";
        }
    }
}
