package org.regard.tickets;

import org.regard.accounts.Actor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * An agent links two tickets about the same problem, or unlinks them. Only an agent who may work on both links them;
 * the link is stored once and written in both tickets' history. Linking twice, or unlinking what is not linked,
 * changes nothing.
 */
@Component
class LinkingTickets {
    static final String LINKED = "link";
    static final String UNLINKED = "unlink";

    private final TicketRows rows;
    private final TicketAccess access;
    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final LinkGroups groups;

    LinkingTickets(TicketRows rows, TicketAccess access, JdbcClient jdbc, PlatformTransactionManager transactions, Clock clock,
                   LinkGroups groups) {
        this.groups = groups;
        this.rows = rows;
        this.access = access;
        this.jdbc = jdbc;
        this.tx = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    /** Returns whether this call made the link (false: they were linked already). */
    boolean link(long ticketId, long otherId, Actor actor) {
        requireTwo(ticketId, otherId, "cannot be linked to itself");
        Boolean made = tx.execute(s -> {
            List<Ticket> both = lockBoth(ticketId, otherId, actor, true);
            long low = Math.min(ticketId, otherId);
            long high = Math.max(ticketId, otherId);
            boolean known = jdbc.sql("select count(*) from ticket_link where low_id = ? and high_id = ?").params(low, high)
                    .query(Long.class).single() > 0;
            if (known) {
                return false;
            }
            Instant now = clock.instant();
            jdbc.sql("insert into ticket_link (low_id, high_id, linked_at, linked_by) values (?, ?, ?, ?)")
                    .params(low, high, Timestamp.from(now), actor.agentId()).update();
            rows.record(ticketId, actor.agentId(), List.of(new Ticket.Change(LINKED, null, Long.toString(otherId))), now);
            rows.record(otherId, actor.agentId(), List.of(new Ticket.Change(LINKED, null, Long.toString(ticketId))), now);
            flagWhenAtAlarm(both, now);
            return true;
        });
        return Boolean.TRUE.equals(made);
    }

    /** Returns whether this call removed a link (false: they were not linked). */
    boolean unlink(long ticketId, long otherId, Actor actor) {
        requireTwo(ticketId, otherId, "is not linked to itself");
        Boolean removed = tx.execute(s -> {
            lockBoth(ticketId, otherId, actor, false);
            int gone = jdbc.sql("delete from ticket_link where low_id = ? and high_id = ?")
                    .params(Math.min(ticketId, otherId), Math.max(ticketId, otherId)).update();
            if (gone == 0) {
                return false;
            }
            Instant now = clock.instant();
            rows.record(ticketId, actor.agentId(), List.of(new Ticket.Change(UNLINKED, Long.toString(otherId), null)), now);
            rows.record(otherId, actor.agentId(), List.of(new Ticket.Change(UNLINKED, Long.toString(ticketId), null)), now);
            return true;
        });
        return Boolean.TRUE.equals(removed);
    }

    private static void requireTwo(long ticketId, long otherId, String problem) {
        if (ticketId == otherId) {
            throw new InvalidInput("ticket", problem);
        }
    }

    /** Locks both tickets, lower id first (two agents linking the same pair take turns), and checks the actor's right. */
    /**
     * The joined group's touches reached its alarm: its tickets are flagged (reason ALARM, in their history), the two
     * locked here in this transaction, the rest after it commits, each under its own lock.
     */
    private void flagWhenAtAlarm(List<Ticket> both, Instant now) {
        LinkGroups.Group group = groups.of(both.getFirst().getId());
        if (group.alarm() == null || group.total() < group.alarm()) {
            return;
        }
        List<Long> locked = both.stream().map(Ticket::getId).toList();
        for (Ticket t : both) {
            if (t.flagForGroup(now)) {
                rows.update(t);
                rows.record(t.getId(), null, List.of(new Ticket.Change("flag", null, TouchBudget.ALARM)), now);
            }
        }
        rows.flagForGroupAfterCommit(group.members().stream().filter(id -> !locked.contains(id)).toList(), now);
    }

    private List<Ticket> lockBoth(long ticketId, long otherId, Actor actor, boolean refuseMerged) {
        Ticket first = rows.lock(Math.min(ticketId, otherId)).orElseThrow(() -> new TicketNotFound(Math.min(ticketId, otherId)));
        Ticket second = rows.lock(Math.max(ticketId, otherId)).orElseThrow(() -> new TicketNotFound(Math.max(ticketId, otherId)));
        access.requireWorkOn(actor, first);
        access.requireWorkOn(actor, second);
        if (refuseMerged) {
            for (Ticket t : List.of(first, second)) {
                if (t.getMergedInto() != null) {
                    throw MergeRefused.merged(t.getId(), t.getMergedInto());
                }
            }
        }
        return List.of(first, second);
    }
}
