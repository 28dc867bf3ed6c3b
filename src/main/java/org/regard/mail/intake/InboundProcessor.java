package org.regard.mail.intake;

import org.regard.mail.intake.InboundConversion.Converted;
import org.regard.mail.mailboxes.Mailboxes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
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
import java.util.Set;

/**
 * Turns stored messages ({@code mail_inbound}) into ticket messages, one row per transaction. The transaction first
 * claims the row with a conditional update (a lease naming this node), so two nodes or threads never both write it; a
 * node that stops mid-way leaves a lease that lapses, and the sweep takes the row up again. A row that fails is
 * retried with backoff; after {@value #MAX_ATTEMPTS} failures it becomes a ticket saying it could not be read, with
 * the message attached.
 */
@Service
class InboundProcessor {
    private static final Logger log = LoggerFactory.getLogger(InboundProcessor.class);
    static final int MAX_ATTEMPTS = 5;
    private static final int SWEEP_BATCH = 50;
    /** Stored bytes are read back in pieces of this size, so a large message never travels in one value (hex on PostgreSQL). */
    static final int READ_CHUNK = 1024 * 1024;

    /** How long a claimed row is this node's ({@code regard.mail.processing-lease}); a node that died lets it lapse. */
    private final Duration lease;
    private final InboundConversion conversion;
    private final Mailboxes mailboxes;
    private final ConversationQueue queue;
    private final IntakeNode node;
    private final JdbcClient jdbc;
    private final TransactionTemplate ownTransaction;
    private final Clock clock;

    InboundProcessor(InboundConversion conversion, Mailboxes mailboxes, ConversationQueue queue, IntakeNode node,
                     JdbcClient jdbc, PlatformTransactionManager txManager, Clock clock,
                     @Value("${regard.mail.processing-lease:2m}") Duration lease) {
        this.lease = lease;
        this.conversion = conversion;
        this.mailboxes = mailboxes;
        this.queue = queue;
        this.node = node;
        this.jdbc = jdbc;
        this.ownTransaction = new TransactionTemplate(txManager);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.clock = clock;
    }

    /** A row of {@code mail_inbound} as the processor works on it, with its message's bytes. */
    record InboundRow(long id, Long mailboxId, String dedupKey, MessageBytes bytes, int attempts, String lastError) {
        /** A row a reader has just stored, with the buffer it fetched the message into. */
        static InboundRow fresh(long id, Long mailboxId, String dedupKey, byte[] buffer, int start, int end) {
            return new InboundRow(id, mailboxId, dedupKey, new MessageBytes(buffer, start, end), 0, null);
        }
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

    /** How long a row stays this node's while it waits in the pool. */
    Duration lease() {
        return lease;
    }

    /**
     * Hands due rows to the pool: new ones nobody holds, failed ones whose retry time has come, and ones whose holder
     * let the lease lapse. They keep their order among themselves (one key), and wait for no reader's messages.
     */
    @Scheduled(initialDelayString = "${regard.mail.intake-sweep-interval:3s}", fixedDelayString = "${regard.mail.intake-sweep-interval:3s}")
    void sweep() {
        Timestamp now = Timestamp.from(clock.instant());
        List<Long> due = jdbc.sql("""
                        select id from mail_inbound where state in ('RECEIVED', 'FAILED') and next_attempt_at <= ?
                        and (lease_until is null or lease_until < ?) order by next_attempt_at, id limit 50""")
                .params(now, now).query(Long.class).list().stream().limit(SWEEP_BATCH).toList();
        if (due.isEmpty()) {
            return;
        }
        OwnMailboxes own = OwnMailboxes.of(mailboxes.all());
        for (long id : due) {
            try {
                if (!queue.submit(id, Set.of("sweep"), 0, Duration.ofSeconds(1), () -> process(id, own))) {
                    return; // full, or already in hand here: the next sweep asks again
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** Processes one row now, reading it from the database, unless it is done or another worker holds it. */
    Result process(long inboundId) {
        return process(inboundId, OwnMailboxes.of(mailboxes.all()));
    }

    /** The same, with the mailboxes as the caller read them. */
    Result process(long inboundId, OwnMailboxes own) {
        return process(inboundId, null, own);
    }

    /** Processes a row a reader has just stored and still holds in memory. */
    Result process(InboundRow fresh, OwnMailboxes own) {
        return process(fresh.id(), fresh, own);
    }

    private Result process(long inboundId, InboundRow given, OwnMailboxes own) {
        InboundRow[] row = {given};
        try {
            return ownTransaction.execute(s -> {
                if (!claim(inboundId)) {
                    return Result.NOT_CLAIMED;
                }
                if (row[0] == null) {
                    row[0] = load(inboundId);
                }
                InboundRow r = row[0];
                finish(r, r.attempts() >= MAX_ATTEMPTS ? conversion.fallback(r, r.lastError(), own) : conversion.convert(r, own));
                return Result.PROCESSED;
            });
        } catch (RuntimeException e) {
            InboundRow failed = row[0];
            int attempts = (failed == null ? 0 : failed.attempts()) + 1;
            String error = shortly(e);
            log.warn("Inbound mail {} could not be processed (attempt {} of {}): {}", inboundId, attempts, MAX_ATTEMPTS, error);
            recordFailure(inboundId, attempts, error);
            if (failed != null && attempts == MAX_ATTEMPTS) {
                return fallback(failed, error, own);
            }
            return Result.FAILED;
        }
    }

    private Result fallback(InboundRow row, String problem, OwnMailboxes own) {
        try {
            ownTransaction.executeWithoutResult(s -> {
                if (claim(row.id())) {
                    // the failed attempt may have let go of the bytes already
                    InboundRow whole = row.bytes().released() ? load(row.id()) : row;
                    finish(whole, conversion.fallback(whole, problem, own));
                }
            });
            log.warn("Inbound mail {} was put on a ticket as received, after {} failed attempts", row.id(), MAX_ATTEMPTS);
            return Result.PROCESSED;
        } catch (RuntimeException e) {
            String error = shortly(e);
            log.error("Inbound mail {} could not even be kept on a ticket as received: {}", row.id(), error);
            recordFailure(row.id(), MAX_ATTEMPTS + 1, error);
            return Result.FAILED;
        }
    }

    /** Takes the row for this node, inside the caller's transaction: unheld, lapsed, or already this node's. */
    private boolean claim(long inboundId) {
        Instant now = clock.instant();
        return jdbc.sql("""
                        update mail_inbound set lease_holder = ?, lease_until = ? where id = ? and state in ('RECEIVED', 'FAILED')
                        and (lease_until is null or lease_until < ? or lease_holder = ?)""")
                .params(node.name(), Timestamp.from(now.plus(lease)), inboundId, Timestamp.from(now), node.name()).update() == 1;
    }

    /** The row with its bytes, read in pieces when it is large. */
    private InboundRow load(long inboundId) {
        InboundRow meta = jdbc.sql("select id, mailbox_id, dedup_key, attempts, last_error, raw_size from mail_inbound where id = ?")
                .param(inboundId)
                .query((rs, n) -> new InboundRow(rs.getLong(1), rs.getObject(2, Long.class), rs.getString(3),
                        MessageBytes.of(new byte[(int) rs.getLong(6)]), rs.getInt(4), rs.getString(5)))
                .single();
        byte[] raw = meta.bytes().buffer();
        if (raw.length <= READ_CHUNK) {
            return withRaw(meta, jdbc.sql("select raw from mail_inbound where id = ?").param(inboundId).query(byte[].class).single());
        }
        for (int offset = 0; offset < raw.length; offset += READ_CHUNK) {
            int length = Math.min(READ_CHUNK, raw.length - offset);
            byte[] piece = jdbc.sql("select substring(raw from ? for ?) from mail_inbound where id = ?")
                    .params(offset + 1, length, inboundId).query(byte[].class).single();
            System.arraycopy(piece, 0, raw, offset, length);
        }
        return meta;
    }

    private static InboundRow withRaw(InboundRow meta, byte[] raw) {
        return new InboundRow(meta.id(), meta.mailboxId(), meta.dedupKey(), MessageBytes.of(raw), meta.attempts(), meta.lastError());
    }

    private void finish(InboundRow row, Converted converted) {
        int updated = jdbc.sql("""
                        update mail_inbound set state = 'PROCESSED', ticket_id = ?, ticket_message_id = ?, lease_until = null,
                        lease_holder = null, last_error = null where id = ? and state <> 'PROCESSED'""")
                .params(converted.ticketId(), converted.messageId(), row.id()).update();
        if (updated != 1) {
            throw new IllegalStateException("inbound mail " + row.id() + " was processed by another worker");
        }
    }

    /** Counts one more failed attempt (whatever count the row had) and sets the retry {@code attempts} earns. */
    private void recordFailure(long inboundId, int attempts, String error) {
        Instant next = clock.instant().plus(backoff(attempts));
        ownTransaction.executeWithoutResult(s -> jdbc.sql("""
                        update mail_inbound set state = 'FAILED', attempts = attempts + 1, next_attempt_at = ?, last_error = ?,
                        lease_until = null, lease_holder = null where id = ? and state <> 'PROCESSED'""")
                .params(Timestamp.from(next), error, inboundId).update());
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
