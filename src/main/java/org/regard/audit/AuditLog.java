package org.regard.audit;

import org.regard.text.TextInput;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes and reads the audit log. {@link #record} joins the caller's transaction when there is one (the entry then
 * commits or rolls back with the change) and otherwise commits on its own (a failed sign-in changes nothing else).
 * There is no update and no delete: entries are never edited (on PostgreSQL a trigger refuses both as well).
 */
@Service
public class AuditLog {
    /** Longest details text kept; longer ones are cut with an ellipsis. */
    static final int MAX_DETAILS = 2000;
    /** Most entries one read returns. */
    public static final int MAX_PAGE = 1000;
    private static final String COLUMNS =
            "select id, at, action, actor_id, actor, target_type, target_id, details, client_address from audit_entry";

    private final JdbcClient jdbc;
    private final Clock clock;
    private final ObjectProvider<Auditors> auditors;

    AuditLog(JdbcClient jdbc, Clock clock, ObjectProvider<Auditors> auditors) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.auditors = auditors;
    }

    /** Records one action now. Texts are cleaned and cut to their column's size; a secret must never be passed in. */
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

    /**
     * Records one action now, done by whoever acts in the current request (see {@link Auditors}), or by
     * {@link AuditActor#SYSTEM} outside one.
     */
    @Transactional
    public void record(AuditAction action, String targetType, Object targetId, String details) {
        AuditActor who = current();
        record(action, who.id(), who.name(), targetType, targetId, details, who.clientAddress());
    }

    /** Who acts in the current request, as the next entry would say. */
    public AuditActor current() {
        Auditors source = auditors.getIfAvailable();
        AuditActor who = source == null ? null : source.current();
        return who == null ? AuditActor.SYSTEM : who;
    }

    /** The newest entries first, at most {@code limit}, older than entry {@code before} when it is given. */
    @Transactional(readOnly = true)
    public List<AuditEntry> newest(Long before, int limit) {
        return newest(AuditFilter.ALL, before, limit);
    }

    /**
     * The newest entries that match the filter, at most {@code limit} (up to {@link #MAX_PAGE}), older than entry
     * {@code before} when it is given: keyset paging on the id, which only grows.
     */
    @Transactional(readOnly = true)
    public List<AuditEntry> newest(AuditFilter filter, Long before, int limit) {
        StringBuilder sql = new StringBuilder(COLUMNS).append(" where 1 = 1");
        List<Object> params = new ArrayList<>();
        if (filter.action() != null) {
            sql.append(" and action = ?");
            params.add(filter.action().name());
        }
        if (filter.actorId() != null) {
            sql.append(" and actor_id = ?");
            params.add(filter.actorId());
        }
        if (filter.from() != null) {
            sql.append(" and at >= ?");
            params.add(Timestamp.from(filter.from()));
        }
        if (filter.until() != null) {
            sql.append(" and at < ?");
            params.add(Timestamp.from(filter.until()));
        }
        if (before != null) {
            sql.append(" and id < ?");
            params.add(before);
        }
        sql.append(" order by id desc limit ?");
        params.add(Math.max(1, Math.min(limit, MAX_PAGE)));
        return jdbc.sql(sql.toString()).params(params)
                .query((rs, n) -> new AuditEntry(rs.getLong(1), rs.getTimestamp(2).toInstant(),
                        AuditAction.valueOf(rs.getString(3)), rs.getObject(4, Long.class), rs.getString(5), rs.getString(6),
                        rs.getString(7), rs.getString(8), rs.getString(9)))
                .list();
    }

    /**
     * The text as the column can keep it: what the database cannot store cleaned (a NUL typed as a user name must not
     * turn a refused sign-in into an error), and cut to the column's size without splitting a surrogate pair.
     */
    private static String cut(String text, int max) {
        if (text == null) {
            return null;
        }
        String clean = TextInput.clean(text);
        if (clean.length() <= max) {
            return clean;
        }
        int end = max - 1;
        if (Character.isHighSurrogate(clean.charAt(end - 1))) {
            end--;
        }
        return clean.substring(0, end) + "…";
    }
}
