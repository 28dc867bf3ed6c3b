package org.regard.tickets;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;

/** The resolutions waiting for review ({@code ticket_resolution_request}, one row per ticket at most) and the setting. */
@Component
class ResolutionRequestStore {
    private final JdbcClient jdbc;

    ResolutionRequestStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A resolution waiting for review: who asked and their written reason (null when none). */
    record Pending(long requestedBy, Instant requestedAt, String reason) {
    }

    /** Whether resolving a ticket of this category needs review. */
    boolean reviewed(long categoryId) {
        return jdbc.sql("select resolution_review from category where id = ?").param(categoryId).query(Boolean.class)
                .optional().orElse(false);
    }

    Optional<Pending> pending(long ticketId) {
        return jdbc.sql("select requested_by, requested_at, reason from ticket_resolution_request where ticket_id = ?")
                .param(ticketId)
                .query((rs, n) -> new Pending(rs.getLong(1), rs.getTimestamp(2).toInstant(), rs.getString(3))).optional();
    }

    /** Called under the ticket's row lock, so two requests for one ticket take turns and the second finds the first. */
    void insert(long ticketId, long agentId, Instant at, String reason) {
        jdbc.sql("insert into ticket_resolution_request (ticket_id, requested_by, requested_at, reason) values (?, ?, ?, ?)")
                .params(ticketId, agentId, Timestamp.from(at), reason).update();
    }

    /** Clears the ticket's request; whether there was one. */
    boolean delete(long ticketId) {
        return jdbc.sql("delete from ticket_resolution_request where ticket_id = ?").param(ticketId).update() == 1;
    }
}
