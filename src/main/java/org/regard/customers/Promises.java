package org.regard.customers;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.NoSuchElementException;
import java.util.Optional;

/**
 * Open promises: what an agent told a customer they would do ("call back Tuesday") and by when. A promise
 * is open until it is kept or cancelled; an open promise past its due time is overdue and shows in the
 * agent's and their team's inbox. A due time already past when recorded is allowed (the promise is simply
 * overdue at once).
 */
@Service
@Transactional(readOnly = true)
public class Promises {
    public static final int MAX_BODY = 1000;

    private final JdbcClient jdbc;
    private final Clock clock;
    private final PromiseAccess access;

    Promises(JdbcClient jdbc, Clock clock, PromiseAccess access) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.access = access;
    }

    public enum Status {
        OPEN, KEPT, CANCELLED;

        public String value() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Optional<Status> parse(String value) {
            for (Status s : values()) {
                if (s.value().equalsIgnoreCase(value == null ? "" : value.strip())) {
                    return Optional.of(s);
                }
            }
            return Optional.empty();
        }
    }

    /** A promise as pages and the API show it; {@code overdue} is computed against the clock when read. */
    public record PromiseView(long id, long customerId, String customerName, Long ticketId, long agentId, Long teamId,
                              String body, Instant dueAt, Status status, Instant createdAt, Instant closedAt,
                              Long closedBy, boolean overdue) {
    }

    /** A promise to record; ticket and team are optional. */
    public record NewPromise(String body, Instant dueAt, Long ticketId, long agentId, Long teamId) {
    }

    /** Raised when a promise has no text, too much text or no due time. */
    public static class InvalidPromise extends IllegalArgumentException {
        private final String field;

        public InvalidPromise(String field, String problem) {
            super(field + " " + problem);
            this.field = field;
        }

        public String field() {
            return field;
        }
    }

    /** Raised when a promise that is no longer open is kept or cancelled. */
    public static class NotOpen extends IllegalStateException {
        public NotOpen(long id) {
            super("Promise " + id + " is no longer open.");
        }
    }

    /**
     * Records a promise the actor may make ({@link PromiseAccess}).
     *
     * @throws InvalidPromise    for bad input, a ticket or team that does not exist or a ticket of another customer
     * @throws CustomerForbidden when the actor may not promise on that ticket, team or customer
     */
    @Transactional
    public PromiseView promise(long customerId, NewPromise promise, org.regard.accounts.Actor actor) {
        if (promise.body() == null || promise.body().isBlank()) {
            throw new InvalidPromise("body", "must say what was promised");
        }
        if (promise.body().strip().length() > MAX_BODY) {
            throw new InvalidPromise("body", "must be at most " + MAX_BODY + " characters");
        }
        if (promise.dueAt() == null) {
            throw new InvalidPromise("dueAt", "is required");
        }
        Integer known = jdbc.sql("select count(*) from customer where id = ?").param(customerId).query(Integer.class).single();
        if (known == 0) {
            throw new NoSuchElementException("Customer " + customerId + " does not exist.");
        }
        access.requireMake(actor, customerId, promise.ticketId(), promise.teamId());
        Instant now = clock.instant();
        var keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
        jdbc.sql("""
                        insert into customer_promise (customer_id, ticket_id, agent_id, team_id, body, due_at, status, created_at)
                        values (?, ?, ?, ?, ?, ?, 'OPEN', ?)""")
                .params(customerId, promise.ticketId(), promise.agentId(), promise.teamId(), promise.body().strip(),
                        Timestamp.from(promise.dueAt()), Timestamp.from(now))
                .update(keys, "id");
        return find(keys.getKey().longValue()).orElseThrow();
    }

    public Optional<PromiseView> find(long id) {
        return select("where p.id = ?", id).stream().findFirst();
    }

    /** The customer's open promises, soonest due first. */
    public List<PromiseView> openOf(long customerId) {
        return select("where p.customer_id = ? and p.status = 'OPEN' order by p.due_at, p.id", customerId);
    }

    /** Every promise made to the customer, newest first. */
    public List<PromiseView> allOf(long customerId) {
        return select("where p.customer_id = ? order by p.created_at desc, p.id desc", customerId);
    }

    /** Open promises past their due time that this agent made or that belong to one of these teams, oldest first. */
    public List<PromiseView> overdueFor(long agentId, Collection<Long> teamIds, int limit) {
        List<Long> teams = teamIds.isEmpty() ? List.of(-1L) : List.copyOf(teamIds);
        return jdbc.sql(SELECT + """
                         where p.status = 'OPEN' and p.due_at < :now and (p.agent_id = :agent or p.team_id in (:teams))
                         order by p.due_at, p.id limit :limit""")
                .param("now", Timestamp.from(clock.instant())).param("agent", agentId).param("teams", teams)
                .param("limit", limit).query(this::row).list();
    }

    /** Marks an open promise of this customer kept (done) or cancelled, by an actor who may ({@link PromiseAccess}). */
    @Transactional
    public PromiseView close(long customerId, long promiseId, Status outcome, org.regard.accounts.Actor actor) {
        if (outcome == Status.OPEN) {
            throw new InvalidPromise("status", "must be kept or cancelled");
        }
        PromiseView promise = find(promiseId).filter(p -> p.customerId() == customerId)
                .orElseThrow(() -> new NoSuchElementException("Customer " + customerId + " has no promise " + promiseId + "."));
        access.requireClose(actor, promise);
        int changed = jdbc.sql("update customer_promise set status = ?, closed_at = ?, closed_by = ? where id = ? and status = 'OPEN'")
                .params(outcome.name(), Timestamp.from(clock.instant()), actor.agentId(), promise.id()).update();
        if (changed == 0) {
            throw new NotOpen(promiseId);
        }
        return find(promiseId).orElseThrow();
    }

    /** Moves every promise of a merged customer to the survivor; returns how many moved. */
    @Transactional
    public int moveAll(long fromCustomerId, long toCustomerId) {
        return jdbc.sql("update customer_promise set customer_id = ? where customer_id = ?").params(toCustomerId, fromCustomerId).update();
    }

    private static final String SELECT = """
            select p.id, p.customer_id, c.name, p.ticket_id, p.agent_id, p.team_id, p.body, p.due_at, p.status,
                   p.created_at, p.closed_at, p.closed_by
            from customer_promise p join customer c on c.id = p.customer_id
            """;

    private List<PromiseView> select(String where, Object param) {
        return jdbc.sql(SELECT + where).param(param).query(this::row).list();
    }

    private PromiseView row(ResultSet rs, int n) throws SQLException {
        Instant due = rs.getTimestamp(8).toInstant();
        Status status = Status.valueOf(rs.getString(9));
        Timestamp closed = rs.getTimestamp(11);
        return new PromiseView(rs.getLong(1), rs.getLong(2), rs.getString(3), (Long) rs.getObject(4, Long.class),
                rs.getLong(5), rs.getObject(6, Long.class), rs.getString(7), due, status, rs.getTimestamp(10).toInstant(),
                closed == null ? null : closed.toInstant(), rs.getObject(12, Long.class),
                status == Status.OPEN && due.isBefore(clock.instant()));
    }
}
