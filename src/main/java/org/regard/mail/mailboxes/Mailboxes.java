package org.regard.mail.mailboxes;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import org.regard.accounts.Accounts;
import org.regard.mail.mailboxes.Mailbox.ClosedReply;
import org.regard.mail.mailboxes.Mailbox.Protocol;
import org.regard.mail.mailboxes.Mailbox.Security;
import org.regard.mail.mailboxes.Mailbox.Server;
import org.regard.mail.mailboxes.Mailbox.Source;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.regard.audit.AuditAction;
import org.regard.audit.AuditLog;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The mailboxes: made in the admin pages or declared in configuration. Passwords are kept encrypted. Every write
 * is checked first; bad values are refused with an {@link InvalidMailbox} naming the field.
 */
@Service
@Transactional(readOnly = true)
public class Mailboxes {
    static final int MAX_NAME = 200;
    private static final Pattern HOST = Pattern.compile("[A-Za-z0-9._:\\[\\]-]+");

    private final JdbcClient jdbc;
    private final SecretBox secrets;
    private final Accounts accounts;
    private final Clock clock;
    private final AuditLog audit;

    Mailboxes(JdbcClient jdbc, SecretBox secrets, Accounts accounts, Clock clock, AuditLog audit) {
        this.jdbc = jdbc;
        this.secrets = secrets;
        this.accounts = accounts;
        this.clock = clock;
        this.audit = audit;
    }

    /** What an admin (or the configuration) says about a mailbox. */
    public record MailboxForm(String address, String displayName, long teamId, ServerForm imap, ServerForm smtp,
                              ClosedReply closedReply, boolean acknowledge, boolean active) {
    }

    /** One server of a mailbox form. A null or blank {@code password} keeps the stored one. */
    public record ServerForm(String host, Integer port, Security security, String username, String password, String folder) {

        @Override
        public String toString() {
            return "ServerForm[" + host + ":" + port + ", " + security + ", " + username + ", folder " + folder + "]";
        }
    }

    /** Everything needed to connect, password included. Its text form never shows the password. */
    public record Connection(String host, int port, Security security, String username, String password, String folder) {

        @Override
        public String toString() {
            return "Connection[" + host + ":" + port + ", " + security + ", " + username + (folder == null ? "" : ", folder " + folder) + "]";
        }
    }

    public List<Mailbox> all() {
        return jdbc.sql("select * from mailbox order by address").query(Mailboxes::read).list();
    }

    public Optional<Mailbox> find(long id) {
        return jdbc.sql("select * from mailbox where id = ?").param(id).query(Mailboxes::read).optional();
    }

    public Optional<Mailbox> byAddress(String address) {
        return jdbc.sql("select * from mailbox where address = ?").param(normalize(address)).query(Mailboxes::read).optional();
    }

    /** The active mailboxes whose new tickets go to this team, oldest first. */
    /**
     * The mailboxes a ticket's mail may go out from, in one query: the one the customer last wrote to first, then the
     * team's active ones (the caller keeps those that {@link Mailbox#canSend() can send}).
     */
    public List<Mailbox> sendingCandidates(long ticketId, long teamId) {
        return jdbc.sql("""
                        select mb.* from mailbox mb
                        where mb.id = (select mm.mailbox_id from mail_message mm where mm.ticket_id = ? and mm.direction = 'IN'
                                       and mm.mailbox_id is not null order by mm.ticket_message_id desc limit 1)
                           or (mb.team_id = ? and mb.active = true)
                        order by case when mb.id = (select mm.mailbox_id from mail_message mm where mm.ticket_id = ?
                                       and mm.direction = 'IN' and mm.mailbox_id is not null order by mm.ticket_message_id desc limit 1)
                                 then 0 else 1 end, mb.id""")
                .params(ticketId, teamId, ticketId).query(Mailboxes::read).list();
    }

    public List<Mailbox> forTeam(long teamId) {
        return jdbc.sql("select * from mailbox where team_id = ? and active = true order by id").param(teamId).query(Mailboxes::read).list();
    }

    /**
     * Makes a mailbox after checking the form (see {@link InvalidMailbox} for what is refused). Passwords are
     * encrypted before they are stored.
     */
    @Transactional
    public Mailbox create(MailboxForm form, Source source) {
        validate(form, null);
        if (byAddress(form.address()).isPresent()) {
            throw InvalidMailbox.of("address", "mailboxes.error.address.taken", "A mailbox with this address exists already.");
        }
        try {
            insert(form, source, form.imap() == null ? null : secrets.encrypt(blankToNull(form.imap().password())),
                    form.smtp() == null ? null : secrets.encrypt(blankToNull(form.smtp().password())));
        } catch (DuplicateKeyException raced) {
            throw InvalidMailbox.of("address", "mailboxes.error.address.taken", "A mailbox with this address exists already.");
        }
        Mailbox created = byAddress(form.address()).orElseThrow();
        audited(created, "created" + (source == Source.CONFIG ? " from the configuration" : ""));
        return created;
    }

    /**
     * Applies an edit made against {@code expectedVersion}; a blank password keeps the stored one. Fails with
     * {@link OptimisticLockingFailureException} when someone changed the mailbox in between (unless the mailbox
     * already holds exactly these values, as after a form sent twice), and with {@link InvalidMailbox} for bad
     * values or a mailbox declared in configuration (those change only there).
     */
    @Transactional
    public Mailbox update(long id, MailboxForm form, int expectedVersion) {
        Mailbox current = find(id).orElseThrow(() -> new NoSuchElementException("No mailbox " + id));
        if (current.source() == Source.CONFIG) {
            throw InvalidMailbox.of("source", "mailboxes.error.config", "This mailbox is declared in the configuration and changes only there.");
        }
        validate(form, current);
        Optional<Mailbox> sameAddress = byAddress(form.address());
        if (sameAddress.isPresent() && sameAddress.get().id() != id) {
            throw InvalidMailbox.of("address", "mailboxes.error.address.taken", "A mailbox with this address exists already.");
        }
        String imapPassword = form.imap() == null || blankToNull(form.imap().password()) == null
                ? storedPassword(id, Protocol.IMAP) : secrets.encrypt(form.imap().password());
        String smtpPassword = form.smtp() == null || blankToNull(form.smtp().password()) == null
                ? storedPassword(id, Protocol.SMTP) : secrets.encrypt(form.smtp().password());
        int updated;
        try {
            updated = write(id, form, imapPassword, smtpPassword, current.closedReply(), expectedVersion);
        } catch (DuplicateKeyException raced) {
            throw InvalidMailbox.of("address", "mailboxes.error.address.taken", "A mailbox with this address exists already.");
        }
        if (updated == 0) {
            Mailbox now = find(id).orElseThrow();
            if (holds(now, form, current.closedReply())) {
                return now;
            }
            throw new OptimisticLockingFailureException("Mailbox " + id + " was changed by someone else.");
        }
        Mailbox saved = find(id).orElseThrow();
        audited(saved, "changed" + passwordsReplaced(form));
        return saved;
    }

    /**
     * What {@link #create} ({@code id} null) or {@link #update} would refuse in this form, without writing
     * anything: for a page that found other problems of its own and shows them all at once.
     */
    public List<InvalidMailbox.Problem> problems(MailboxForm form, Long id) {
        Mailbox current = id == null ? null : find(id).orElse(null);
        List<InvalidMailbox.Problem> problems = new ArrayList<>();
        try {
            validate(form, current);
        } catch (InvalidMailbox invalid) {
            problems.addAll(invalid.problems());
        }
        Optional<Mailbox> sameAddress = form.address() == null ? Optional.empty() : byAddress(form.address());
        if (sameAddress.isPresent() && (id == null || sameAddress.get().id() != id)) {
            problems.add(new InvalidMailbox.Problem("address", "mailboxes.error.address.taken", "A mailbox with this address exists already."));
        }
        return problems;
    }

    /** Starts or stops reading and sending with a mailbox made in the admin pages. */
    @Transactional
    public Mailbox setActive(long id, boolean active) {
        Mailbox current = find(id).orElseThrow(() -> new NoSuchElementException("No mailbox " + id));
        if (current.source() == Source.CONFIG) {
            throw InvalidMailbox.of("source", "mailboxes.error.config", "This mailbox is declared in the configuration and changes only there.");
        }
        if (current.active() != active) {
            jdbc.sql("update mailbox set active = ?, version = version + 1 where id = ?").params(active, id).update();
            audited(current, active ? "activated" : "deactivated");
        }
        return find(id).orElseThrow();
    }

    /**
     * Writes a mailbox declared in configuration: made when new, otherwise replaced by what the configuration
     * says now (passwords included: none declared means none stored). Nothing is written when nothing changed.
     * A mailbox of that address made in the admin pages is taken over by the configuration.
     */
    @Transactional
    Mailbox saveDeclared(MailboxForm form) {
        validate(form, null);
        String imapPassword = form.imap() == null ? null : blankToNull(form.imap().password());
        String smtpPassword = form.smtp() == null ? null : blankToNull(form.smtp().password());
        Optional<Mailbox> existing = byAddress(form.address());
        if (existing.isEmpty()) {
            insert(form, Source.CONFIG, secrets.encrypt(imapPassword), secrets.encrypt(smtpPassword));
            Mailbox created = byAddress(form.address()).orElseThrow();
            audited(created, "created from the configuration");
            return created;
        }
        Mailbox current = existing.get();
        String storedImap = storedPassword(current.id(), Protocol.IMAP);
        String storedSmtp = storedPassword(current.id(), Protocol.SMTP);
        boolean samePasswords = java.util.Objects.equals(decryptOrNull(storedImap), imapPassword)
                && java.util.Objects.equals(decryptOrNull(storedSmtp), smtpPassword);
        if (current.source() == Source.CONFIG && samePasswords && holds(current, form, form.closedReply())) {
            return current;
        }
        write(current.id(), form, java.util.Objects.equals(decryptOrNull(storedImap), imapPassword) ? storedImap : secrets.encrypt(imapPassword),
                java.util.Objects.equals(decryptOrNull(storedSmtp), smtpPassword) ? storedSmtp : secrets.encrypt(smtpPassword),
                form.closedReply(), current.version());
        jdbc.sql("update mailbox set source = ? where id = ?").params(Source.CONFIG.name(), current.id()).update();
        audited(current, "changed by the configuration");
        return find(current.id()).orElseThrow();
    }

    /** Stops the mailboxes the configuration no longer declares; returns their addresses. */
    @Transactional
    List<String> deactivateUndeclared(java.util.Collection<String> declaredAddresses) {
        java.util.Set<String> declared = declaredAddresses.stream().map(Mailboxes::normalize).collect(java.util.stream.Collectors.toSet());
        List<Mailbox> gone = all().stream()
                .filter(m -> m.source() == Source.CONFIG && m.active() && !declared.contains(m.address())).toList();
        gone.forEach(m -> {
            jdbc.sql("update mailbox set active = false, version = version + 1 where id = ?").param(m.id()).update();
            audited(m, "deactivated: no longer in the configuration");
        });
        return gone.stream().map(Mailbox::address).toList();
    }

    private String decryptOrNull(String stored) {
        try {
            return secrets.decrypt(stored);
        } catch (IllegalStateException keyChanged) {
            return null;
        }
    }

    /** Records a change of the mailbox in the audit log, in the change's transaction (never a password). */
    private void audited(Mailbox mailbox, String what) {
        audit.record(AuditAction.MAILBOX_CHANGED, "mailbox", mailbox.id(), mailbox.address() + ": " + what);
    }

    private static String passwordsReplaced(MailboxForm form) {
        boolean imap = form.imap() != null && blankToNull(form.imap().password()) != null;
        boolean smtp = form.smtp() != null && blankToNull(form.smtp().password()) != null;
        return imap && smtp ? " (new IMAP and SMTP passwords)" : imap ? " (new IMAP password)" : smtp ? " (new SMTP password)" : "";
    }

    private void insert(MailboxForm form, Source source, String imapPassword, String smtpPassword) {
        jdbc.sql("""
                        insert into mailbox (address, display_name, team_id, imap_host, imap_port, imap_security, imap_username,
                            imap_password, imap_folder, smtp_host, smtp_port, smtp_security, smtp_username, smtp_password,
                            closed_reply, acknowledge, source, active, created_at, version)
                        values (:address, :name, :team, :ih, :ip, :is, :iu, :ipw, :if, :sh, :sp, :ss, :su, :spw,
                            :closed, :ack, :source, :active, :now, 0)""")
                .param("address", normalize(form.address())).param("name", form.displayName().strip()).param("team", form.teamId())
                .param("ih", host(form.imap())).param("ip", port(form.imap(), Protocol.IMAP))
                .param("is", security(form.imap())).param("iu", username(form.imap())).param("ipw", host(form.imap()) == null ? null : imapPassword)
                .param("if", folder(form.imap()))
                .param("sh", host(form.smtp())).param("sp", port(form.smtp(), Protocol.SMTP))
                .param("ss", security(form.smtp())).param("su", username(form.smtp())).param("spw", host(form.smtp()) == null ? null : smtpPassword)
                .param("closed", (form.closedReply() == null ? ClosedReply.REOPEN : form.closedReply()).name())
                .param("ack", form.acknowledge()).param("source", source.name()).param("active", form.active())
                .param("now", Timestamp.from(clock.instant()))
                .update();
    }

    private int write(long id, MailboxForm form, String imapPassword, String smtpPassword, ClosedReply currentClosedReply, int expectedVersion) {
        return jdbc.sql("""
                        update mailbox set address = :address, display_name = :name, team_id = :team,
                            imap_host = :ih, imap_port = :ip, imap_security = :is, imap_username = :iu, imap_password = :ipw, imap_folder = :if,
                            smtp_host = :sh, smtp_port = :sp, smtp_security = :ss, smtp_username = :su, smtp_password = :spw,
                            closed_reply = :closed, acknowledge = :ack, active = :active, version = version + 1
                        where id = :id and version = :version""")
                .param("address", normalize(form.address())).param("name", form.displayName().strip()).param("team", form.teamId())
                .param("ih", host(form.imap())).param("ip", port(form.imap(), Protocol.IMAP))
                .param("is", security(form.imap())).param("iu", username(form.imap()))
                .param("ipw", host(form.imap()) == null ? null : imapPassword)
                .param("if", folder(form.imap()))
                .param("sh", host(form.smtp())).param("sp", port(form.smtp(), Protocol.SMTP))
                .param("ss", security(form.smtp())).param("su", username(form.smtp()))
                .param("spw", host(form.smtp()) == null ? null : smtpPassword)
                .param("closed", (form.closedReply() == null ? currentClosedReply : form.closedReply()).name())
                .param("ack", form.acknowledge()).param("active", form.active())
                .param("id", id).param("version", expectedVersion)
                .update();
    }

    /** Whether the stored mailbox already says what the form says (passwords aside, unless one is given). */
    private boolean holds(Mailbox m, MailboxForm form, ClosedReply closedReply) {
        return m.address().equals(normalize(form.address())) && m.displayName().equals(form.displayName().strip())
                && m.teamId() == form.teamId() && m.acknowledge() == form.acknowledge() && m.active() == form.active()
                && m.closedReply() == (closedReply == null ? ClosedReply.REOPEN : closedReply)
                && sameServer(m.id(), m.imap(), form.imap(), Protocol.IMAP) && sameServer(m.id(), m.smtp(), form.smtp(), Protocol.SMTP);
    }

    private boolean sameServer(long id, Server stored, ServerForm form, Protocol protocol) {
        if (host(form) == null) {
            return stored == null;
        }
        if (stored == null) {
            return false;
        }
        boolean same = stored.host().equals(host(form)) && stored.port() == port(form, protocol)
                && stored.security().name().equals(security(form)) && java.util.Objects.equals(stored.username(), username(form))
                && (protocol == Protocol.SMTP || java.util.Objects.equals(stored.folder(), folder(form)));
        String password = blankToNull(form.password());
        return same && (password == null || password.equals(decryptOrNull(storedPassword(id, protocol))));
    }

    /** Checks a form; {@code current} is the stored mailbox when editing (its passwords count as given). */
    private void validate(MailboxForm form, Mailbox current) {
        List<InvalidMailbox.Problem> problems = new ArrayList<>();
        String address = form.address() == null ? "" : form.address().strip();
        if (address.isEmpty()) {
            problems.add(new InvalidMailbox.Problem("address", "mailboxes.error.address.required", "An address is required."));
        } else if (!validAddress(address)) {
            problems.add(new InvalidMailbox.Problem("address", "mailboxes.error.address.invalid", "This is not an e-mail address."));
        }
        String name = form.displayName() == null ? "" : form.displayName().strip();
        if (name.isEmpty()) {
            problems.add(new InvalidMailbox.Problem("displayName", "mailboxes.error.displayName.required", "A display name is required."));
        } else if (name.length() > MAX_NAME) {
            problems.add(new InvalidMailbox.Problem("displayName", "mailboxes.error.displayName.tooLong", "The display name is longer than 200 characters."));
        }
        if (accounts.team(form.teamId()).isEmpty()) {
            problems.add(new InvalidMailbox.Problem("teamId", "mailboxes.error.team.unknown", "Choose a team."));
        }
        validateServer("imap", form.imap(), current == null ? null : current.imap(), true, problems);
        validateServer("smtp", form.smtp(), current == null ? null : current.smtp(), false, problems);
        if (!problems.isEmpty()) {
            throw new InvalidMailbox(problems);
        }
    }

    private static void validateServer(String prefix, ServerForm f, Server stored, boolean loginRequired, List<InvalidMailbox.Problem> problems) {
        String host = host(f);
        if (host == null) {
            return;
        }
        String what = prefix.toUpperCase(Locale.ROOT);
        if (host.length() > 255 || !HOST.matcher(host).matches()) {
            problems.add(new InvalidMailbox.Problem(prefix + "Host", "mailboxes.error.host.invalid", "The " + what + " host is not a host name or address."));
        }
        if (f.port() != null && (f.port() < 1 || f.port() > 65535)) {
            problems.add(new InvalidMailbox.Problem(prefix + "Port", "mailboxes.error.port.range", "The " + what + " port must be between 1 and 65535."));
        }
        String username = username(f);
        if (username == null && loginRequired) {
            problems.add(new InvalidMailbox.Problem(prefix + "Username", "mailboxes.error.username.required", "The " + what + " username is required."));
        } else if (username != null && username.length() > 255) {
            problems.add(new InvalidMailbox.Problem(prefix + "Username", "mailboxes.error.tooLong", "The " + what + " username is too long."));
        }
        boolean passwordKnown = blankToNull(f.password()) != null || (stored != null && stored.hasPassword());
        if (username != null && !passwordKnown) {
            problems.add(new InvalidMailbox.Problem(prefix + "Password", "mailboxes.error.password.required", "The " + what + " password is required."));
        }
        if (f.folder() != null && f.folder().strip().length() > 255) {
            problems.add(new InvalidMailbox.Problem(prefix + "Folder", "mailboxes.error.tooLong", "The folder name is too long."));
        }
    }

    /** A plain address ({@code local@domain}), without a display name or angle brackets. */
    static boolean validAddress(String address) {
        if (address.length() > 254 || !address.contains("@") || address.chars().anyMatch(Character::isWhitespace)) {
            return false;
        }
        try {
            InternetAddress parsed = new InternetAddress(address, true);
            return parsed.getPersonal() == null && address.equals(parsed.getAddress()) && address.lastIndexOf('@') < address.length() - 1;
        } catch (AddressException e) {
            return false;
        }
    }

    /** How to connect to the mailbox's IMAP or SMTP server, password decrypted. */
    public Optional<Connection> connection(long id, Protocol protocol) {
        Optional<Mailbox> mailbox = find(id);
        if (mailbox.isEmpty()) {
            return Optional.empty();
        }
        Server server = protocol == Protocol.IMAP ? mailbox.get().imap() : mailbox.get().smtp();
        if (server == null) {
            return Optional.empty();
        }
        return Optional.of(new Connection(server.host(), server.port(), server.security(), server.username(),
                secrets.decrypt(storedPassword(id, protocol)), server.folder()));
    }

    /** Records the outcome of the last connection to the mailbox (null error: it worked). */
    @Transactional
    public void recordCheck(long id, String error) {
        jdbc.sql("update mailbox set last_error = ?, last_checked_at = ? where id = ?")
                .params(error == null ? null : error.length() > 2000 ? error.substring(0, 2000) : error, Timestamp.from(clock.instant()), id)
                .update();
    }

    private String storedPassword(long id, Protocol protocol) {
        return jdbc.sql("select " + (protocol == Protocol.IMAP ? "imap_password" : "smtp_password") + " from mailbox where id = ?")
                .param(id).query(String.class).optional().orElse(null);
    }

    static String normalize(String address) {
        return address == null ? null : address.strip().toLowerCase(Locale.ROOT);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    static String host(ServerForm f) {
        return f == null ? null : blankToNull(f.host() == null ? null : f.host().strip());
    }

    static Integer port(ServerForm f, Protocol protocol) {
        if (f == null || host(f) == null) {
            return null;
        }
        if (f.port() != null) {
            return f.port();
        }
        Security s = f.security() == null ? Security.TLS : f.security();
        return switch (protocol) {
            case IMAP -> s == Security.TLS ? 993 : 143;
            case SMTP -> s == Security.TLS ? 465 : 587;
        };
    }

    private static String security(ServerForm f) {
        return f == null || host(f) == null ? null : (f.security() == null ? Security.TLS : f.security()).name();
    }

    static String folder(ServerForm f) {
        return f == null || host(f) == null ? null : f.folder() == null || f.folder().isBlank() ? "INBOX" : f.folder().strip();
    }

    static String username(ServerForm f) {
        return f == null ? null : blankToNull(f.username());
    }

    private static Mailbox read(ResultSet rs, int n) throws SQLException {
        Server imap = rs.getString("imap_host") == null ? null : new Server(rs.getString("imap_host"), rs.getInt("imap_port"),
                Security.valueOf(rs.getString("imap_security")), rs.getString("imap_username"), rs.getString("imap_password") != null,
                rs.getString("imap_folder"));
        Server smtp = rs.getString("smtp_host") == null ? null : new Server(rs.getString("smtp_host"), rs.getInt("smtp_port"),
                Security.valueOf(rs.getString("smtp_security")), rs.getString("smtp_username"), rs.getString("smtp_password") != null,
                null);
        Timestamp checked = rs.getTimestamp("last_checked_at");
        return new Mailbox(rs.getLong("id"), rs.getString("address"), rs.getString("display_name"), rs.getLong("team_id"), imap, smtp,
                ClosedReply.valueOf(rs.getString("closed_reply")), rs.getBoolean("acknowledge"), Source.valueOf(rs.getString("source")),
                rs.getBoolean("active"), rs.getString("last_error"), checked == null ? null : checked.toInstant(), rs.getInt("version"));
    }
}
