package org.regard.tickets;

import org.regard.accounts.Actor;
import org.regard.tickets.TicketEvents.TicketStatusChanged;
import org.regard.tickets.TicketEvents.TicketsMerged;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * An agent merges a duplicate ticket into a survivor. In one transaction, both tickets locked (lower id first): the
 * duplicate's messages (with their files) and its history move to the survivor, history rows keeping their times; the
 * survivor's touch counters add the duplicate's (whose own drop to zero, so no touch counts twice); the duplicate's
 * links become the survivor's; the duplicate is closed and points to the survivor. Asking again for the same merge
 * answers the same and changes nothing. Refused (409): into itself, into a merged ticket, a ticket merged elsewhere,
 * and across customers unless the agent is a team lead or an administrator.
 */
@Component
class MergingTickets {
    /** The duplicate's history row: merged into the survivor (new value: its id). */
    static final String FIELD = "merged_into";
    /** The survivor's history row: a duplicate merged into it (new value: its id). */
    static final String MERGED_FROM = "merged_from";

    private final TicketRows rows;
    private final TicketAccess access;
    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate tx;
    private final Clock clock;

    MergingTickets(TicketRows rows, TicketAccess access, JdbcClient jdbc, ApplicationEventPublisher events,
                   PlatformTransactionManager transactions, Clock clock) {
        this.rows = rows;
        this.access = access;
        this.jdbc = jdbc;
        this.events = events;
        this.tx = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    /** Returns whether this call merged them (false: the duplicate was merged into the survivor already). */
    boolean merge(long duplicateId, long survivorId, Actor actor) {
        if (duplicateId == survivorId) {
            throw new InvalidInput("into", "cannot be the ticket itself");
        }
        Boolean merged = tx.execute(s -> {
            Ticket first = rows.lock(Math.min(duplicateId, survivorId)).orElseThrow(() -> new TicketNotFound(Math.min(duplicateId, survivorId)));
            Ticket second = rows.lock(Math.max(duplicateId, survivorId)).orElseThrow(() -> new TicketNotFound(Math.max(duplicateId, survivorId)));
            Ticket duplicate = first.getId() == duplicateId ? first : second;
            Ticket survivor = first.getId() == duplicateId ? second : first;
            access.requireWorkOn(actor, duplicate);
            access.requireWorkOn(actor, survivor);
            if (duplicate.getMergedInto() != null && duplicate.getMergedInto() == survivorId) {
                return false;
            }
            if (duplicate.getMergedInto() != null) {
                throw MergeRefused.merged(duplicateId, duplicate.getMergedInto());
            }
            if (survivor.getMergedInto() != null) {
                throw new MergeRefused(survivorId, "Ticket #" + survivorId + " was itself merged into ticket #"
                        + survivor.getMergedInto() + ": merge into that one.");
            }
            if (duplicate.getCustomerId() != survivor.getCustomerId() && !(actor.isAdmin() || actor.isLead() || actor.isSystem())) {
                throw new MergeRefused(duplicateId, "Tickets #" + duplicateId + " and #" + survivorId
                        + " are about different customers: only a team lead or an administrator merges them.");
            }
            Instant now = clock.instant();
            moveRows(duplicateId, survivorId);
            TicketStatus before = duplicate.getStatus();
            survivor.takeTouchesOf(duplicate, now);
            List<Ticket.Change> closing = duplicate.mergeInto(survivorId, now);
            rows.update(survivor);
            rows.update(duplicate);
            rows.record(duplicateId, actor.agentId(), closing, now);
            rows.record(survivorId, actor.agentId(), List.of(new Ticket.Change(MERGED_FROM, null, Long.toString(duplicateId))), now);
            if (before != duplicate.getStatus()) {
                events.publishEvent(new TicketStatusChanged(duplicateId, duplicate.getTeamId(), before, duplicate.getStatus(),
                        actor.agentId(), now));
            }
            events.publishEvent(new TicketsMerged(survivorId, duplicateId, survivor.getTeamId(), survivor.getCustomerId(),
                    actor.agentId(), now));
            return true;
        });
        return Boolean.TRUE.equals(merged);
    }

    /** Messages (their files follow them), history and links move; a submission key both tickets used stays the survivor's. */
    private void moveRows(long duplicateId, long survivorId) {
        jdbc.sql("""
                        update message set submission_key = null where ticket_id = ? and submission_key in
                            (select submission_key from message where ticket_id = ? and submission_key is not null)""")
                .params(duplicateId, survivorId).update();
        jdbc.sql("update message set ticket_id = ? where ticket_id = ?").params(survivorId, duplicateId).update();
        jdbc.sql("update ticket_change set ticket_id = ? where ticket_id = ?").params(survivorId, duplicateId).update();
        List<Long> others = jdbc.sql("select high_id from ticket_link where low_id = ? union select low_id from ticket_link where high_id = ?")
                .params(duplicateId, duplicateId).query(Long.class).list();
        for (long other : others) {
            if (other == survivorId) {
                continue;
            }
            long low = Math.min(other, survivorId);
            long high = Math.max(other, survivorId);
            jdbc.sql("""
                            insert into ticket_link (low_id, high_id, linked_at, linked_by)
                            select ?, ?, linked_at, linked_by from ticket_link where low_id = ? and high_id = ?
                            and not exists (select 1 from ticket_link where low_id = ? and high_id = ?)""")
                    .params(low, high, Math.min(other, duplicateId), Math.max(other, duplicateId), low, high).update();
        }
        jdbc.sql("delete from ticket_link where low_id = ? or high_id = ?").params(duplicateId, duplicateId).update();
    }
}
