package org.regard.demo;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Moves demo rows from the moment they were written to the moment their story says.
 * <p>
 * The demo writes through the public services, which stamp every row with the application clock, so a
 * freshly loaded desk would have 200 tickets all created in the same minute. This class is the one place
 * where the demo touches other modules' tables, and only their timestamps: it maps each distinct moment a
 * ticket's rows were written at (every step of a story is one transaction with one "now", shared by its
 * message and its recorded changes) onto the step's planned moment, in order. Ids, versions, counts and
 * everything else stay exactly as the services wrote them.
 */
@Component
@Transactional
class DemoTimeline {
    private final JdbcClient jdbc;

    DemoTimeline(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional(readOnly = true)
    boolean anyTicket() {
        return jdbc.sql("select count(*) from (select id from ticket fetch first 1 rows only) t")
                .query(Integer.class).single() > 0;
    }

    private record Stamp(long id, Instant at) {
    }

    /**
     * Re-dates one ticket written by {@code moments.size()} steps. Fails when the rows do not show exactly one
     * distinct moment per step (a clock that stands still, or a step that wrote nothing), rather than guess.
     */
    void retime(long ticketId, List<Instant> moments) {
        List<Stamp> messages = jdbc.sql("select id, created_at from message where ticket_id = ?")
                .param(ticketId).query(DemoTimeline::stamp).list();
        List<Stamp> changes = jdbc.sql("select id, changed_at from ticket_change where ticket_id = ?")
                .param(ticketId).query(DemoTimeline::stamp).list();
        TreeSet<Instant> written = new TreeSet<>();
        messages.forEach(m -> written.add(m.at()));
        changes.forEach(c -> written.add(c.at()));
        if (written.size() != moments.size()) {
            throw new IllegalStateException("Ticket " + ticketId + " was written at " + written.size()
                    + " distinct moments for " + moments.size() + " steps; cannot date it");
        }
        Map<Instant, Instant> planned = new HashMap<>();
        List<Instant> inOrder = new ArrayList<>(written);
        for (int i = 0; i < inOrder.size(); i++) {
            planned.put(inOrder.get(i), moments.get(i));
        }
        messages.forEach(m -> jdbc.sql("update message set created_at = ? where id = ?")
                .params(utc(planned.get(m.at())), m.id()).update());
        changes.forEach(c -> jdbc.sql("update ticket_change set changed_at = ? where id = ?")
                .params(utc(planned.get(c.at())), c.id()).update());
        jdbc.sql("select updated_at, resolved_at from ticket where id = ?").param(ticketId)
                .query((ResultSet rs) -> {
                    Instant updated = planned.get(instant(rs, 1));
                    Instant resolved = rs.getObject(2) == null ? null : planned.get(instant(rs, 2));
                    if (updated == null) {
                        throw new IllegalStateException("Ticket " + ticketId + " was updated outside its story");
                    }
                    jdbc.sql("update ticket set created_at = ?, updated_at = ?, resolved_at = ? where id = ?")
                            .params(utc(moments.getFirst()), utc(updated), resolved == null ? null : utc(resolved), ticketId)
                            .update();
                });
    }

    /** Dates a customer (and the notes about them) from the day they became a customer. */
    void retimeCustomer(long customerId, Instant since, List<Long> noteIds) {
        jdbc.sql("update customer set created_at = ?, updated_at = ? where id = ?")
                .params(utc(since), utc(since), customerId).update();
        for (int i = 0; i < noteIds.size(); i++) {
            jdbc.sql("update customer_note set created_at = ? where id = ?")
                    .params(utc(since.plusSeconds(86_400L * (i + 1))), noteIds.get(i)).update();
        }
    }

    private static Stamp stamp(ResultSet rs, int row) throws SQLException {
        return new Stamp(rs.getLong(1), instant(rs, 2));
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        return rs.getObject(column, OffsetDateTime.class).toInstant();
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
