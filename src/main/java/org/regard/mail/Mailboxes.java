package org.regard.mail;

import org.regard.mail.Mailbox.ClosedReply;
import org.regard.mail.Mailbox.Protocol;
import org.regard.mail.Mailbox.Security;
import org.regard.mail.Mailbox.Server;
import org.regard.mail.Mailbox.Source;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.NoSuchElementException;
import java.util.Optional;

/** The mailboxes: made in the admin pages or declared in configuration. Passwords are kept encrypted. */
@Service
@Transactional(readOnly = true)
public class Mailboxes {
    private final JdbcClient jdbc;
    private final SecretBox secrets;
    private final Clock clock;

    Mailboxes(JdbcClient jdbc, SecretBox secrets, Clock clock) {
        this.jdbc = jdbc;
        this.secrets = secrets;
        this.clock = clock;
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
    public List<Mailbox> forTeam(long teamId) {
        return jdbc.sql("select * from mailbox where team_id = ? and active = true order by id").param(teamId).query(Mailboxes::read).list();
    }

    @Transactional
    public Mailbox create(MailboxForm form, Source source) {
        jdbc.sql("""
                        insert into mailbox (address, display_name, team_id, imap_host, imap_port, imap_security, imap_username,
                            imap_password, imap_folder, smtp_host, smtp_port, smtp_security, smtp_username, smtp_password,
                            closed_reply, acknowledge, source, active, created_at, version)
                        values (:address, :name, :team, :ih, :ip, :is, :iu, :ipw, :if, :sh, :sp, :ss, :su, :spw,
                            :closed, :ack, :source, :active, :now, 0)""")
                .param("address", normalize(form.address())).param("name", form.displayName().strip()).param("team", form.teamId())
                .param("ih", host(form.imap())).param("ip", port(form.imap(), Protocol.IMAP))
                .param("is", security(form.imap())).param("iu", username(form.imap()))
                .param("ipw", form.imap() == null ? null : secrets.encrypt(blankToNull(form.imap().password())))
                .param("if", form.imap() == null || form.imap().folder() == null || form.imap().folder().isBlank() ? "INBOX" : form.imap().folder().strip())
                .param("sh", host(form.smtp())).param("sp", port(form.smtp(), Protocol.SMTP))
                .param("ss", security(form.smtp())).param("su", username(form.smtp()))
                .param("spw", form.smtp() == null ? null : secrets.encrypt(blankToNull(form.smtp().password())))
                .param("closed", (form.closedReply() == null ? ClosedReply.REOPEN : form.closedReply()).name())
                .param("ack", form.acknowledge()).param("source", source.name()).param("active", form.active())
                .param("now", Timestamp.from(clock.instant()))
                .update();
        return byAddress(form.address()).orElseThrow();
    }

    /**
     * Applies an edit made against {@code expectedVersion}; a blank password keeps the stored one. Fails with
     * {@link OptimisticLockingFailureException} when someone changed the mailbox in between.
     */
    @Transactional
    public Mailbox update(long id, MailboxForm form, int expectedVersion) {
        Mailbox current = find(id).orElseThrow(() -> new NoSuchElementException("No mailbox " + id));
        String imapPassword = form.imap() == null || blankToNull(form.imap().password()) == null
                ? storedPassword(id, Protocol.IMAP) : secrets.encrypt(form.imap().password());
        String smtpPassword = form.smtp() == null || blankToNull(form.smtp().password()) == null
                ? storedPassword(id, Protocol.SMTP) : secrets.encrypt(form.smtp().password());
        int updated = jdbc.sql("""
                        update mailbox set address = :address, display_name = :name, team_id = :team,
                            imap_host = :ih, imap_port = :ip, imap_security = :is, imap_username = :iu, imap_password = :ipw, imap_folder = :if,
                            smtp_host = :sh, smtp_port = :sp, smtp_security = :ss, smtp_username = :su, smtp_password = :spw,
                            closed_reply = :closed, acknowledge = :ack, active = :active, version = version + 1
                        where id = :id and version = :version""")
                .param("address", normalize(form.address())).param("name", form.displayName().strip()).param("team", form.teamId())
                .param("ih", host(form.imap())).param("ip", port(form.imap(), Protocol.IMAP))
                .param("is", security(form.imap())).param("iu", username(form.imap())).param("ipw", imapPassword)
                .param("if", form.imap() == null || form.imap().folder() == null || form.imap().folder().isBlank() ? "INBOX" : form.imap().folder().strip())
                .param("sh", host(form.smtp())).param("sp", port(form.smtp(), Protocol.SMTP))
                .param("ss", security(form.smtp())).param("su", username(form.smtp())).param("spw", smtpPassword)
                .param("closed", (form.closedReply() == null ? current.closedReply() : form.closedReply()).name())
                .param("ack", form.acknowledge()).param("active", form.active())
                .param("id", id).param("version", expectedVersion)
                .update();
        if (updated == 0) {
            throw new OptimisticLockingFailureException("Mailbox " + id + " was changed by someone else.");
        }
        return find(id).orElseThrow();
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

    private static String host(ServerForm f) {
        return f == null ? null : blankToNull(f.host() == null ? null : f.host().strip());
    }

    private static Integer port(ServerForm f, Protocol protocol) {
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

    private static String username(ServerForm f) {
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
