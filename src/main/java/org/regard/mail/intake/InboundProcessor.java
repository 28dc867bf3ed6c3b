package org.regard.mail.intake;

import org.regard.mail.intake.InboundConversion.Converted;
import org.regard.mail.intake.InboundConversion.InboundRow;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Turns stored messages ({@code mail_inbound}) into ticket messages, one row per transaction. A row is first claimed
 * with a conditional update (a lease), so two nodes or threads never work on the same row; a node that stops mid-way
 * leaves a lease that lapses, and the sweep takes the row up again. A row that fails is retried with backoff; after
 * {@value #MAX_ATTEMPTS} failures it becomes a ticket saying it could not be read, with the message attached.
 */
@Service
class InboundProcessor {
    private static final Logger log = LoggerFactory.getLogger(InboundProcessor.class);
    static final int MAX_ATTEMPTS = 5;
    /** How long a claimed row is this node's ({@code regard.mail.processing-lease}); a node that died lets it lapse. */
    private final Duration lease;
    private static final int SWEEP_BATCH = 50;

    private final InboundConversion conversion;
    private final JdbcClient jdbc;
    private final TransactionTemplate ownTransaction;
    private final Clock clock;

    InboundProcessor(InboundConversion conversion, JdbcClient jdbc, PlatformTransactionManager txManager, Clock clock,
                     @org.springframework.beans.factory.annotation.Value("${regard.mail.processing-lease:2m}") Duration lease) {
        this.lease = lease;
        this.conversion = conversion;
        this.jdbc = jdbc;
        this.ownTransaction = new TransactionTemplate(txManager);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.clock = clock;
    }

    /** What became of a row. */
    enum Result {
        /** On a ticket (or recognised as Regard's own mail and set aside). */
        PROCESSED,
        /** Failed this time; retried later. */
        FAILED,
        /** Not taken: already processed, or another worker holds it. */
        NOT_CLAIMED
    }

    /** Processes due rows: new ones, failed ones whose retry time has come, and ones a stopped node left behind. */
    @Scheduled(initialDelayString = "${regard.mail.intake-sweep-interval:3s}", fixedDelayString = "${regard.mail.intake-sweep-interval:3s}")
    void sweep() {
        Timestamp now = Timestamp.from(clock.instant());
        List<Long> due = jdbc.sql("""
                        select id from mail_inbound where state in ('RECEIVED', 'FAILED') and next_attempt_at <= ?
                        and (lease_until is null or lease_until < ?) order by next_attempt_at, id limit 50""")
                .params(now, now).query(Long.class).list().stream().limit(SWEEP_BATCH).toList();
        for (long id : due) {
            try {
                process(id);
            } catch (RuntimeException e) {
                log.warn("Inbound mail {} could not be processed: {}", id, shortly(e));
            }
        }
    }

    /** Processes one row, unless it is done or another worker holds it. */
    Result process(long inboundId) {
        if (!claim(inboundId)) {
            return Result.NOT_CLAIMED;
        }
        Optional<InboundRow> loaded = jdbc.sql("select id, mailbox_id, dedup_key, raw, attempts from mail_inbound where id = ?")
                .param(inboundId)
                .query((rs, n) -> new InboundRow(rs.getLong(1), (Long) rs.getObject(2, Long.class), rs.getString(3),
                        rs.getBytes(4), rs.getInt(5)))
                .optional();
        if (loaded.isEmpty()) {
            return Result.NOT_CLAIMED;
        }
        InboundRow row = loaded.get();
        if (row.attempts() >= MAX_ATTEMPTS) {
            return fallback(row, lastError(inboundId));
        }
        try {
            ownTransaction.executeWithoutResult(s -> finish(row, conversion.convert(row)));
            return Result.PROCESSED;
        } catch (RuntimeException e) {
            int attempts = row.attempts() + 1;
            String error = shortly(e);
            log.warn("Inbound mail {} could not be processed (attempt {} of {}): {}", inboundId, attempts, MAX_ATTEMPTS, error);
            recordFailure(inboundId, attempts, error);
            if (attempts >= MAX_ATTEMPTS) {
                return fallback(row, error);
            }
            return Result.FAILED;
        }
    }

    private Result fallback(InboundRow row, String problem) {
        try {
            ownTransaction.executeWithoutResult(s -> finish(row, conversion.fallback(row, problem)));
            log.warn("Inbound mail {} was put on a ticket as received, after {} failed attempts", row.id(), MAX_ATTEMPTS);
            return Result.PROCESSED;
        } catch (RuntimeException e) {
            String error = shortly(e);
            log.error("Inbound mail {} could not even be kept on a ticket as received: {}", row.id(), error);
            recordFailure(row.id(), Math.max(row.attempts(), MAX_ATTEMPTS), error);
            return Result.FAILED;
        }
    }

    private boolean claim(long inboundId) {
        Instant now = clock.instant();
        Integer claimed = ownTransaction.execute(s -> jdbc.sql("""
                        update mail_inbound set lease_until = ? where id = ? and state in ('RECEIVED', 'FAILED')
                        and (lease_until is null or lease_until < ?)""")
                .params(Timestamp.from(now.plus(lease)), inboundId, Timestamp.from(now)).update());
        return claimed != null && claimed == 1;
    }

    private void finish(InboundRow row, Converted converted) {
        int updated = jdbc.sql("""
                        update mail_inbound set state = 'PROCESSED', ticket_id = ?, ticket_message_id = ?, lease_until = null,
                        last_error = null where id = ? and state <> 'PROCESSED'""")
                .params(converted.ticketId(), converted.messageId(), row.id()).update();
        if (updated != 1) {
            throw new IllegalStateException("inbound mail " + row.id() + " was processed by another worker");
        }
    }

    private void recordFailure(long inboundId, int attempts, String error) {
        Instant next = clock.instant().plus(backoff(attempts));
        ownTransaction.executeWithoutResult(s -> jdbc.sql("""
                        update mail_inbound set state = 'FAILED', attempts = ?, next_attempt_at = ?, last_error = ?,
                        lease_until = null where id = ? and state <> 'PROCESSED'""")
                .params(attempts, Timestamp.from(next), error, inboundId).update());
    }

    private String lastError(long inboundId) {
        return jdbc.sql("select last_error from mail_inbound where id = ?").param(inboundId).query(String.class).optional().orElse(null);
    }

    /** 30 s, 1 min, 2 min, … at most an hour. */
    static Duration backoff(int attempts) {
        long seconds = 30L << Math.min(Math.max(attempts - 1, 0), 7);
        return Duration.ofSeconds(Math.min(seconds, 3600));
    }

    /** What went wrong, in one short line: the kind of failure and the first words of its message. */
    static String shortly(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? "" : root.getMessage().replaceAll("\\s+", " ").strip();
        String text = root.getClass().getSimpleName() + (message.isEmpty() ? "" : ": " + message);
        return text.length() > 300 ? text.substring(0, 300) + "…" : text;
    }
}
