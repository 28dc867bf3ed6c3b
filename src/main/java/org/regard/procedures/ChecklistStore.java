package org.regard.procedures;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** The checklists' tables: which version a ticket follows, and every tick and untick (rows never updated). */
@Repository
class ChecklistStore {
    private final JdbcClient jdbc;

    ChecklistStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The procedure of this team for this category, with its current version: one statement. */
    record Applicable(long procedureId, int currentVersion) {
    }

    /**
     * The procedure a ticket of this team and category follows: a retired procedure of the team for this category that
     * the ticket already follows (it keeps its checklist), else the team's live procedure for the category. One
     * statement, as before retiring existed: the team's procedures that hold the category or that the ticket is
     * pinned to while retired.
     */
    Optional<Applicable> applicable(long ticketId, long teamId, long categoryId) {
        record Row(long id, int version, boolean retired, String categories) {
        }
        java.util.List<Row> rows = jdbc.sql("""
                        select p.id, p.current_version, p.retired_at, v.category_ids
                        from team_procedure p
                        join procedure_version v on v.procedure_id = p.id and v.version_no = p.current_version
                        where p.team_id = ?
                          and (exists (select 1 from procedure_category c where c.procedure_id = p.id and c.category_id = ?)
                               or (p.retired_at is not null
                                   and exists (select 1 from ticket_procedure t where t.procedure_id = p.id and t.ticket_id = ?)))
                        order by p.id desc""")
                .params(teamId, categoryId, ticketId)
                .query((rs, n) -> new Row(rs.getLong(1), rs.getInt(2), rs.getTimestamp(3) != null, rs.getString(4))).list();
        String category = String.valueOf(categoryId);
        return rows.stream().filter(r -> r.retired() && java.util.Arrays.asList(r.categories().split(",")).contains(category))
                .findFirst()
                .or(() -> rows.stream().filter(r -> !r.retired()).findFirst())
                .map(r -> new Applicable(r.id(), r.version()));
    }

    /** The version of the procedure this ticket follows, if it was pinned. */
    Optional<Integer> pinned(long ticketId, long procedureId) {
        return jdbc.sql("select version_no from ticket_procedure where ticket_id = ? and procedure_id = ?")
                .params(ticketId, procedureId).query(Integer.class).optional();
    }

    /**
     * Pins the ticket to this version unless it follows one already, and returns the one it follows. Runs outside any
     * transaction of the caller's making, so a race lost on the primary key is read back rather than aborting it.
     */
    int pin(long ticketId, long procedureId, int version, Instant now) {
        try {
            jdbc.sql("insert into ticket_procedure (ticket_id, procedure_id, version_no, pinned_at) values (?, ?, ?, ?)")
                    .params(ticketId, procedureId, version, Timestamp.from(now)).update();
            return version;
        } catch (DuplicateKeyException taken) {
            return pinned(ticketId, procedureId).orElseThrow(() -> taken);
        }
    }

    /** A step's latest mark. */
    record Mark(String stepKey, boolean done, String value, Long by, Instant at) {
    }

    /** The latest mark of each step of the ticket's checklist, by step key. */
    Map<String, Mark> latestMarks(long ticketId, long procedureId) {
        Map<String, Mark> marks = new LinkedHashMap<>();
        jdbc.sql("""
                        select step_key, done, field_value, marked_by, marked_at from ticket_step_mark
                        where ticket_id = ? and procedure_id = ? order by id""")
                .params(ticketId, procedureId).query((ResultSet rs) -> {
                    marks.put(rs.getString(1), new Mark(rs.getString(1), rs.getBoolean(2), rs.getString(3),
                            rs.getObject(4, Long.class), rs.getTimestamp(5).toInstant()));
                });
        return marks;
    }

    void mark(long ticketId, long procedureId, String stepKey, boolean done, String value, Long by, Instant now) {
        jdbc.sql("""
                        insert into ticket_step_mark (ticket_id, procedure_id, step_key, done, field_value, marked_by, marked_at)
                        values (?, ?, ?, ?, ?, ?, ?)""")
                .params(ticketId, procedureId, stepKey, done, value, by, Timestamp.from(now)).update();
    }

    /** A ticket pinned to a version of the procedure. */
    record Pin(long ticketId, int version) {
    }

    /** The tickets pinned to a version of the procedure older than {@code current}, by ticket id: one statement. */
    java.util.List<Pin> pinnedBefore(long procedureId, int current) {
        return jdbc.sql("select ticket_id, version_no from ticket_procedure where procedure_id = ? and version_no < ? order by ticket_id")
                .params(procedureId, current).query((rs, n) -> new Pin(rs.getLong(1), rs.getInt(2))).list();
    }

    /** Moves the ticket's pin from {@code from} to {@code to}; false when it no longer follows {@code from}. */
    boolean repin(long ticketId, long procedureId, int from, int to) {
        return jdbc.sql("update ticket_procedure set version_no = ? where ticket_id = ? and procedure_id = ? and version_no = ?")
                .params(to, ticketId, procedureId, from).update() == 1;
    }

    void recordMove(long ticketId, long procedureId, int from, int to, Long by, Instant now) {
        jdbc.sql("""
                        insert into ticket_procedure_move (ticket_id, procedure_id, from_version, to_version, moved_by, moved_at)
                        values (?, ?, ?, ?, ?, ?)""")
                .params(ticketId, procedureId, from, to, by, Timestamp.from(now)).update();
    }
}
