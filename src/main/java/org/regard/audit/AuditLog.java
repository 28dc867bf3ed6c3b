package org.regard.audit;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;

/**
 * Writes and reads the audit log. {@link #record} joins the caller's transaction when there is one (the entry then
 * commits or rolls back with the change) and otherwise commits on its own (a failed sign-in changes nothing else).
 * There is no update and no delete: entries are never edited.
 */
@Service
public class AuditLog {
    /** Longest details text kept; longer ones are cut with an ellipsis. */
    static final int MAX_DETAILS = 2000;

    private final JdbcClient jdbc;
    private final Clock clock;

    AuditLog(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Records one action now. Texts are cut to their column's size; a secret must never be passed in. */
    @Transactional
    public void record(AuditAction action, Long actorId, String actor, String targetType, Object targetId, String details,
                       String clientAddress) {
        jdbc.sql("""
                        insert into audit_entry (at, action, actor_id, actor, target_type, target_id, details, client_address)
                        values (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(Timestamp.from(clock.instant()), action.name(), actorId, cut(actor, 320), cut(targetType, 40),
                        targetId == null ? null : cut(targetId.toString(), 100), cut(details, MAX_DETAILS), cut(clientAddress, 64))
                .update();
    }

    /** The newest entries first, at most {@code limit}, older than entry {@code before} when it is given. */
    @Transactional(readOnly = true)
    public List<AuditEntry> newest(Long before, int limit) {
        String columns = "select id, at, action, actor_id, actor, target_type, target_id, details, client_address from audit_entry ";
        int size = Math.max(1, Math.min(limit, 1000));
        var query = before == null
                ? jdbc.sql(columns + "order by id desc limit ?").param(size)
                : jdbc.sql(columns + "where id < ? order by id desc limit ?").params(before, size);
        return query.query((rs, n) -> new AuditEntry(rs.getLong(1), rs.getTimestamp(2).toInstant(),
                        AuditAction.valueOf(rs.getString(3)), rs.getObject(4, Long.class), rs.getString(5), rs.getString(6),
                        rs.getString(7), rs.getString(8), rs.getString(9)))
                .list();
    }

    private static String cut(String text, int max) {
        if (text == null) {
            return null;
        }
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}
