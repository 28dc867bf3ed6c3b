package org.regard.mail.outbox;

import org.regard.mail.MailSettings;
import org.regard.mail.mailboxes.Mailbox;
import org.regard.mail.mailboxes.Mailboxes;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;
import org.regard.customers.Customers;
import org.regard.customers.Customers.CustomerView;
import org.regard.mail.mailboxes.Mailbox.Protocol;
import org.regard.mail.mailboxes.Mailbox.Security;
import org.regard.mail.mailboxes.Mailboxes.Connection;
import org.regard.tickets.TicketQueries;
import org.regard.tickets.TicketQueries.TicketRow;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Properties;

/**
 * Sends what the outbox holds, on every node. Each due row is claimed with one conditional update (only the node
 * whose update changed the row goes on), committed on its own; the moment of handing the message to the SMTP server
 * is committed before it happens, so that after a crash Regard knows whether the message may have left. Temporary
 * failures (4xx replies, unreachable servers) are retried with growing pauses up to {@link MailSettings#maxAttempts()};
 * a permanent refusal (5xx) fails the row at once with the server's answer as the reason.
 * <p>
 * The statements here run outside any transaction on purpose: every state change must be visible to the other
 * nodes the moment it is made.
 */
@Component
class MailSender {
    /** How long a claimed row is this node's ({@code regard.mail.sending-lease}); longer than the slowest send. */
    private final Duration lease;
    static final Duration FIRST_RETRY = Duration.ofSeconds(30);
    static final Duration LONGEST_RETRY = Duration.ofHours(1);
    static final String UNCERTAIN_REASON = "The sender stopped while handing the message to the mail server; it may or may not have been delivered.";
    private static final int BATCH = 100;
    private static final int CONNECT_TIMEOUT_MS = 30_000;
    private static final int IO_TIMEOUT_MS = 120_000;
    private static final Logger log = LoggerFactory.getLogger(MailSender.class);

    private final JdbcClient jdbc;
    private final Mailboxes mailboxes;
    private final Outbox outbox;
    private final OutgoingMail outgoing;
    private final TicketQueries tickets;
    private final Customers customers;
    private final MailSettings settings;
    private final Clock clock;

    MailSender(JdbcClient jdbc, Mailboxes mailboxes, Outbox outbox, OutgoingMail outgoing, TicketQueries tickets,
               Customers customers, MailSettings settings, Clock clock,
               @org.springframework.beans.factory.annotation.Value("${regard.mail.sending-lease:5m}") Duration lease) {
        this.lease = lease;
        this.jdbc = jdbc;
        this.mailboxes = mailboxes;
        this.outbox = outbox;
        this.outgoing = outgoing;
        this.tickets = tickets;
        this.customers = customers;
        this.settings = settings;
        this.clock = clock;
    }

    /** Sends every due row this node can claim. Returns how many it handled. */
    @Scheduled(fixedDelayString = "${regard.mail.send-interval:1s}", initialDelayString = "${regard.mail.send-interval:1s}")
    int sendDue() {
        int handled = 0;
        try {
            Optional<OutboxRow> row;
            while (handled < BATCH && (row = claimNext()).isPresent()) {
                send(row.get());
                handled++;
            }
        } catch (RuntimeException e) {
            log.warn("Sending mail stopped: {}", e.toString());
        }
        return handled;
    }

    /**
     * Rows left SENDING by a sender that stopped (its lease ran out): waiting again when nothing was handed over,
     * UNCERTAIN otherwise (never sent again by itself: the customer may have it already).
     */
    @Scheduled(fixedDelayString = "${regard.mail.send-sweep-interval:30s}", initialDelayString = "${regard.mail.send-sweep-interval:30s}")
    int recover() {
        try {
            Timestamp now = Timestamp.from(clock.instant());
            int requeued = jdbc.sql("""
                            update mail_outbox set state = 'QUEUED', lease_until = null
                            where state = 'SENDING' and lease_until < ? and handed_over_at is null""")
                    .param(now).update();
            int uncertain = jdbc.sql("""
                            update mail_outbox set state = 'UNCERTAIN', lease_until = null, last_error = ?
                            where state = 'SENDING' and lease_until < ? and handed_over_at is not null""")
                    .params(UNCERTAIN_REASON, now).update();
            if (requeued + uncertain > 0) {
                log.warn("Mail outbox recovery: {} row(s) queued again, {} row(s) uncertain", requeued, uncertain);
            }
            return requeued + uncertain;
        } catch (RuntimeException e) {
            log.warn("Mail outbox recovery stopped: {}", e.toString());
            return 0;
        }
    }

    /** Claims the next due row for this node, if any is left that no other node took first. */
    Optional<OutboxRow> claimNext() {
        Instant now = clock.instant();
        List<Long> due = jdbc.sql("select id from mail_outbox where state = 'QUEUED' and send_after <= ? order by send_after, id limit 20")
                .param(Timestamp.from(now)).query(Long.class).list();
        for (long id : due) {
            int claimed = jdbc.sql("""
                            update mail_outbox set state = 'SENDING', lease_until = ?, attempts = attempts + 1
                            where id = ? and state = 'QUEUED' and send_after <= ?""")
                    .params(Timestamp.from(now.plus(lease)), id, Timestamp.from(now)).update();
            if (claimed == 1) {
                return jdbc.sql("select * from mail_outbox where id = ?").param(id).query(OutboxRow::read).optional();
            }
        }
        return Optional.empty();
    }

    /** Sends one claimed row and records the outcome. */
    void send(OutboxRow row) {
        try {
            TicketRow ticket = tickets.ticket(row.ticketId()).orElseThrow();
            Optional<Mailbox> mailbox = row.mailboxId() == null ? outbox.sendingMailbox(ticket.id(), ticket.teamId())
                    : mailboxes.find(row.mailboxId());
            if (mailbox.isEmpty()) {
                fail(row, Outbox.NO_MAILBOX);
                return;
            }
            if (!mailbox.get().canSend()) {
                fail(row, "The mailbox " + mailbox.get().address() + " cannot send mail (it is inactive or has no SMTP server)");
                return;
            }
            String recipient = row.recipient() != null ? row.recipient()
                    : customers.customer(ticket.customerId()).flatMap(CustomerView::primaryEmail).orElse(null);
            if (recipient == null) {
                fail(row, Outbox.NO_ADDRESS);
                return;
            }
            Optional<Connection> smtp = mailboxes.connection(mailbox.get().id(), Protocol.SMTP);
            if (smtp.isEmpty()) {
                fail(row, "The mailbox " + mailbox.get().address() + " has no SMTP server");
                return;
            }
            Session session = Session.getInstance(properties(smtp.get(), mailbox.get()));
            MimeMessage mime;
            try {
                mime = outgoing.build(session, row, mailbox.get(), recipient);
            } catch (MessagingException e) {
                fail(row, "The message could not be written: " + e.getMessage());
                return;
            }
            deliver(row, session, smtp.get(), mime);
        } catch (RuntimeException e) {
            log.warn("Mail outbox row {} could not be sent: {}", row.id(), e.toString());
            // only a row not yet handed over may go out again; one handed over becomes UNCERTAIN when its lease runs out
            if (jdbc.sql("select count(*) from mail_outbox where id = ? and handed_over_at is null").param(row.id()).query(Integer.class).single() == 1) {
                retryOrFail(row, e.toString());
            }
        }
    }

    private void deliver(OutboxRow row, Session session, Connection smtp, MimeMessage mime) {
        Transport transport;
        try {
            transport = session.getTransport("smtp");
            transport.connect(smtp.host(), smtp.port(), smtp.username(), smtp.password());
        } catch (MessagingException e) {
            SmtpFailure failure = SmtpFailure.of(e);
            if (failure.permanent()) {
                fail(row, failure.reason());
            } else {
                retryOrFail(row, failure.reason());
            }
            return;
        }
        try {
            Instant now = clock.instant();
            int marked = jdbc.sql("update mail_outbox set handed_over_at = ?, lease_until = ? where id = ? and state = 'SENDING'")
                    .params(Timestamp.from(now), Timestamp.from(now.plus(lease)), row.id()).update();
            if (marked == 0) {
                log.warn("Mail outbox row {} was taken back before it was handed over; not sending it", row.id());
                return;
            }
            try {
                transport.sendMessage(mime, mime.getAllRecipients());
            } catch (MessagingException e) {
                SmtpFailure failure = SmtpFailure.of(e);
                if (failure.code() == 0) {
                    // the connection broke while the message was being handed over: it may have arrived
                    uncertain(row, failure.reason());
                } else if (failure.permanent()) {
                    fail(row, failure.reason());
                } else {
                    retryOrFail(row, failure.reason());
                }
                return;
            }
            jdbc.sql("update mail_outbox set state = 'SENT', sent_at = ?, lease_until = null, last_error = null where id = ? and state in ('SENDING', 'UNCERTAIN')")
                    .params(Timestamp.from(clock.instant()), row.id()).update();
            log.info("Mail outbox row {} ({} on ticket {}) sent", row.id(), row.kind(), row.ticketId());
        } finally {
            try {
                transport.close();
            } catch (MessagingException ignored) {
                // the message was accepted or refused already; a failing QUIT changes nothing
            }
        }
    }

    private void fail(OutboxRow row, String reason) {
        log.warn("Mail outbox row {} failed: {}", row.id(), reason);
        jdbc.sql("update mail_outbox set state = 'FAILED', last_error = ?, lease_until = null where id = ? and state = 'SENDING'")
                .params(SmtpFailure.clip(reason), row.id()).update();
    }

    private void uncertain(OutboxRow row, String reason) {
        log.warn("Mail outbox row {} may or may not have been delivered: {}", row.id(), reason);
        jdbc.sql("update mail_outbox set state = 'UNCERTAIN', last_error = ?, lease_until = null where id = ? and state = 'SENDING'")
                .params(SmtpFailure.clip(reason), row.id()).update();
    }

    private void retryOrFail(OutboxRow row, String reason) {
        if (row.attempts() >= settings.maxAttempts()) {
            fail(row, reason);
            return;
        }
        Instant next = clock.instant().plus(backoff(row.attempts()));
        log.info("Mail outbox row {} will be tried again at {}: {}", row.id(), next, reason);
        jdbc.sql("""
                        update mail_outbox set state = 'QUEUED', send_after = ?, last_error = ?, lease_until = null, handed_over_at = null
                        where id = ? and state = 'SENDING'""")
                .params(Timestamp.from(next), SmtpFailure.clip(reason), row.id()).update();
    }

    /** 30 s after the first attempt, doubling each time, at most an hour. */
    static Duration backoff(int attempts) {
        int doublings = Math.max(0, Math.min(attempts - 1, 20));
        Duration pause = FIRST_RETRY.multipliedBy(1L << doublings);
        return pause.compareTo(LONGEST_RETRY) > 0 ? LONGEST_RETRY : pause;
    }

    private static Properties properties(Connection smtp, Mailbox mailbox) {
        Properties p = new Properties();
        p.put("mail.smtp.host", smtp.host());
        p.put("mail.smtp.port", String.valueOf(smtp.port()));
        p.put("mail.smtp.connectiontimeout", String.valueOf(CONNECT_TIMEOUT_MS));
        p.put("mail.smtp.timeout", String.valueOf(IO_TIMEOUT_MS));
        p.put("mail.smtp.writetimeout", String.valueOf(IO_TIMEOUT_MS));
        p.put("mail.smtp.localhost", mailbox.domain());
        p.put("mail.smtp.from", mailbox.address());
        p.put("mail.smtp.auth", String.valueOf(smtp.username() != null && smtp.password() != null));
        if (smtp.security() == Security.STARTTLS) {
            p.put("mail.smtp.starttls.enable", "true");
            p.put("mail.smtp.starttls.required", "true");
            p.put("mail.smtp.ssl.checkserveridentity", "true");
        } else if (smtp.security() == Security.TLS) {
            p.put("mail.smtp.ssl.enable", "true");
            p.put("mail.smtp.ssl.checkserveridentity", "true");
        }
        return p;
    }
}
