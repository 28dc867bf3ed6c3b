package org.regard.mail.mailboxes;

import org.regard.mail.MailSettings;

import org.regard.accounts.Accounts;
import org.regard.mail.MailSettings.DeclaredMailbox;
import org.regard.mail.MailSettings.DeclaredServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;

/**
 * Brings the mailboxes declared in {@code regard.mail.mailboxes[n]} into the database when the application starts:
 * each is made or brought up to date by its address (source CONFIG, password encrypted, its team made when
 * missing), and a CONFIG mailbox the configuration no longer declares is deactivated (its mail stays). A declared
 * mailbox with bad values is reported in the log, naming the field, and skipped; the others are still loaded.
 */
@Component
class DeclaredMailboxes {
    private static final Logger log = LoggerFactory.getLogger(DeclaredMailboxes.class);

    private final MailSettings settings;
    private final Mailboxes mailboxes;
    private final Accounts accounts;

    DeclaredMailboxes(MailSettings settings, Mailboxes mailboxes, Accounts accounts) {
        this.settings = settings;
        this.mailboxes = mailboxes;
        this.accounts = accounts;
    }

    /** What one synchronisation did. */
    record Outcome(List<Mailbox> saved, List<String> refused, List<String> deactivated) {
    }

    @EventListener(ApplicationReadyEvent.class)
    void onStart() {
        sync(settings);
    }

    /** Writes what {@code declared} says; the mailboxes it lists are saved, the faulty ones refused with a reason. */
    Outcome sync(MailSettings declared) {
        List<Mailbox> saved = new ArrayList<>();
        List<String> refused = new ArrayList<>();
        List<String> addresses = new ArrayList<>();
        for (int n = 0; n < declared.mailboxes().size(); n++) {
            DeclaredMailbox d = declared.mailboxes().get(n);
            String where = "regard.mail.mailboxes[" + n + "]";
            if (d.address() != null) {
                addresses.add(d.address());
            }
            try {
                Mailbox mailbox = save(d);
                saved.add(mailbox);
                log.info("Mailbox {} from the configuration is ready (IMAP {}, SMTP {}).", mailbox.address(),
                        mailbox.imap() == null ? "none" : mailbox.imap().host(), mailbox.smtp() == null ? "none" : mailbox.smtp().host());
            } catch (InvalidMailbox | IllegalArgumentException e) {
                String reason = where + " (" + d.address() + ") is not loaded: " + describe(e);
                log.error(reason);
                refused.add(reason);
            }
        }
        List<String> deactivated = mailboxes.deactivateUndeclared(addresses);
        deactivated.forEach(a -> log.warn("Mailbox {} is no longer in the configuration: it is deactivated.", a));
        return new Outcome(saved, refused, deactivated);
    }

    private Mailbox save(DeclaredMailbox d) {
        if (d.team() == null || d.team().isBlank()) {
            throw InvalidMailbox.of("team", "mailboxes.error.team.unknown", "team is required");
        }
        long teamId = accounts.ensureTeam(d.team()).id();
        Mailboxes.MailboxForm form = new Mailboxes.MailboxForm(d.address(), d.displayName(), teamId,
                server(d.imap(), "imap"), server(d.smtp(), "smtp"), d.closedReply(), d.acknowledge(), true);
        try {
            return mailboxes.saveDeclared(form);
        } catch (DuplicateKeyException anotherNodeWasFaster) {
            return mailboxes.saveDeclared(form);
        }
    }

    private static Mailboxes.ServerForm server(DeclaredServer s, String prefix) {
        if (s == null) {
            return null;
        }
        Mailbox.Security security;
        try {
            security = Mailbox.Security.parse(s.security());
        } catch (IllegalArgumentException e) {
            throw InvalidMailbox.of(prefix + "Security", "mailboxes.error.security",
                    prefix + ".security must be none, starttls or tls, not '" + s.security() + "'");
        }
        return new Mailboxes.ServerForm(s.host(), s.port(), security, s.username(), s.password(), s.folder());
    }

    private static String describe(RuntimeException e) {
        if (e instanceof InvalidMailbox invalid) {
            return String.join("; ", invalid.problems().stream().map(p -> fieldName(p.field()) + ": " + p.message()).toList());
        }
        return e.getMessage();
    }

    /** The property name for a form field: imapHost → imap.host, displayName → display-name. */
    private static String fieldName(String field) {
        return switch (field) {
            case "displayName" -> "display-name";
            case "teamId" -> "team";
            default -> field.startsWith("imap") || field.startsWith("smtp")
                    ? field.substring(0, 4) + "." + field.substring(4).toLowerCase(java.util.Locale.ROOT)
                    : field;
        };
    }
}
