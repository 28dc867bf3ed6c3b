package org.regard.mail.intake;

import org.regard.mail.parsing.RawHeaders;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Keeps every fetched message byte for byte in {@code mail_inbound}, committed before the server copy is marked
 * seen, so that nothing fetched is ever lost. The same message fetched twice (same Message-ID, or the same bytes
 * when it has none) is stored once. The bytes are streamed to the database from the buffer they were read into:
 * storing a message copies none of it.
 */
@Service
class InboundStore {
    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final TransactionTemplate ownTransaction;
    private final Clock clock;

    InboundStore(JdbcClient jdbc, JdbcTemplate template, PlatformTransactionManager txManager, Clock clock) {
        this.jdbc = jdbc;
        this.template = template;
        this.ownTransaction = new TransactionTemplate(txManager);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.clock = clock;
    }

    /** The stored row, whether this call stored it (false: the message was already there), and its dedup key. */
    record Stored(long id, boolean isNew, String dedupKey) {
    }

    /** Who holds a freshly stored row, and until when: the node whose pool will process it. */
    record Hold(String holder, Duration lease) {
    }

    /** Stores the message in its own committed transaction, for any worker to process; returns the row. */
    Stored store(Long mailboxId, byte[] raw) {
        return store(mailboxId, raw, 0, raw.length, null);
    }

    /**
     * Stores {@code buffer[start, start + length)} in its own committed transaction; with a {@code hold}, the row is
     * this node's to process until the hold lapses (a sweep elsewhere leaves it alone meanwhile).
     */
    Stored store(Long mailboxId, byte[] buffer, int start, int length, Hold hold) {
        RawHeaders headers = RawHeaders.of(buffer, start, start + length);
        Optional<String> messageId = headers.messageId();
        String key = dedupKey(messageId, buffer, start, length);
        String storedId = messageId.map(id -> id.length() > 1000 ? id.substring(0, 1000) : id).orElse(null);
        return ownTransaction.execute(s -> {
            Instant now = clock.instant();
            GeneratedKeyHolder keys = new GeneratedKeyHolder();
            int inserted = template.update(connection -> {
                PreparedStatement insert = connection.prepareStatement("""
                        insert into mail_inbound (mailbox_id, dedup_key, message_id, raw, raw_size, received_at, state,
                            attempts, next_attempt_at, lease_holder, lease_until)
                        values (?, ?, ?, ?, ?, ?, 'RECEIVED', 0, ?, ?, ?) on conflict do nothing""",
                        new String[]{"id"}); // only the id back (PostgreSQL would otherwise return the whole row)
                insert.setObject(1, mailboxId);
                insert.setString(2, key);
                insert.setString(3, storedId);
                insert.setBinaryStream(4, new ByteArrayInputStream(buffer, start, length), length);
                insert.setLong(5, length);
                insert.setTimestamp(6, Timestamp.from(now));
                insert.setTimestamp(7, Timestamp.from(now));
                insert.setString(8, hold == null ? null : hold.holder());
                insert.setTimestamp(9, hold == null ? null : Timestamp.from(now.plus(hold.lease())));
                return insert;
            }, keys);
            if (inserted == 1) {
                return new Stored(generatedId(keys), true, key);
            }
            long id = jdbc.sql("select id from mail_inbound where dedup_key = ?").param(key).query(Long.class).single();
            return new Stored(id, false, key);
        });
    }

    private static long generatedId(GeneratedKeyHolder keys) {
        return ((Number) keys.getKeyList().getFirst().values().iterator().next()).longValue();
    }

    /** sha-256 (hex) of {@code "id:" + Message-ID}, or of the bytes when there is no Message-ID. */
    static String dedupKey(Optional<String> messageId, byte[] raw) {
        return dedupKey(messageId, raw, 0, raw.length);
    }

    private static String dedupKey(Optional<String> messageId, byte[] buffer, int start, int length) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            if (messageId.isPresent()) {
                sha.update(("id:" + messageId.get()).getBytes(StandardCharsets.UTF_8));
            } else {
                sha.update(buffer, start, length);
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
