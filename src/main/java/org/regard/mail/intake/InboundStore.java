package org.regard.mail.intake;

import org.regard.mail.parsing.RawHeaders;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Keeps every fetched message byte for byte in {@code mail_inbound}, committed before the server copy is marked
 * seen, so that nothing fetched is ever lost. The same message fetched twice (same Message-ID, or the same bytes
 * when it has none) is stored once.
 */
@Service
class InboundStore {
    private final JdbcClient jdbc;
    private final TransactionTemplate ownTransaction;
    private final Clock clock;

    InboundStore(JdbcClient jdbc, PlatformTransactionManager txManager, Clock clock) {
        this.jdbc = jdbc;
        this.ownTransaction = new TransactionTemplate(txManager);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.clock = clock;
    }

    /** The stored row, and whether this call stored it (false: the message was already there). */
    record Stored(long id, boolean isNew) {
    }

    /** Stores the message in its own committed transaction; returns the row that holds it. */
    Stored store(Long mailboxId, byte[] raw) {
        Optional<String> messageId = RawHeaders.of(raw).messageId();
        String key = dedupKey(messageId, raw);
        String storedId = messageId.map(id -> id.length() > 1000 ? id.substring(0, 1000) : id).orElse(null);
        return ownTransaction.execute(s -> {
            Timestamp now = Timestamp.from(clock.instant());
            int inserted = jdbc.sql("""
                            insert into mail_inbound (mailbox_id, dedup_key, message_id, raw, raw_size, received_at, state,
                                attempts, next_attempt_at)
                            values (?, ?, ?, ?, ?, ?, 'RECEIVED', 0, ?) on conflict do nothing""")
                    .params(mailboxId, key, storedId, raw, (long) raw.length, now, now).update();
            long id = jdbc.sql("select id from mail_inbound where dedup_key = ?").param(key).query(Long.class).single();
            return new Stored(id, inserted == 1);
        });
    }

    /** sha-256 (hex) of {@code "id:" + Message-ID}, or of the bytes when there is no Message-ID. */
    static String dedupKey(Optional<String> messageId, byte[] raw) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            byte[] digest = messageId.isPresent()
                    ? sha.digest(("id:" + messageId.get()).getBytes(StandardCharsets.UTF_8))
                    : sha.digest(raw);
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
