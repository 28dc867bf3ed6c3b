package org.regard.tickets;

import org.regard.accounts.AgentPrincipal;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What ties tickets to each other, read for the ticket page, the API and other modules: the tickets linked to one
 * (about the same problem), its link group (the connected set, whose touches count together), the survivor a merged
 * ticket points to, and its purchase reference.
 */
@Component
public class TicketRelations {
    private final JdbcClient jdbc;
    private final TicketAccess access;
    private final LinkGroups groups;

    TicketRelations(JdbcClient jdbc, TicketAccess access, LinkGroups groups) {
        this.jdbc = jdbc;
        this.access = access;
        this.groups = groups;
    }

    /** A ticket linked to another. */
    public record LinkedTicket(long id, String subject, TicketStatus status) {
    }

    /**
     * A link group: how many tickets (this one included), all their touches, and the budget that applies to that total
     * (of the members' pairs, the one with the highest alarm; null numbers when none has a budget, or for a ticket alone,
     * whose own budget applies).
     */
    public record Group(int tickets, int total, Integer expected, Integer alarm) {
        public Group(int tickets, int total) {
            this(tickets, total, null, null);
        }

        /** Whether the ticket is linked, so that the group's total and budget stand for its own. */
        public boolean linked() {
            return tickets > 1;
        }
    }

    /** Everything that ties this ticket to others. */
    public record Relations(List<LinkedTicket> links, Group group, Long mergedInto, String purchaseRef) {
        /** A ticket just opened: no link, not merged, no purchase reference (nothing to read). */
        public static Relations alone(int touches) {
            return new Relations(List.of(), new Group(1, touches), null, null);
        }
    }

    /** The relations of a ticket the agent may see. */
    public Relations of(long ticketId, AgentPrincipal agent) {
        access.requireVisible(ticketId, agent);
        return of(ticketId);
    }

    /** The relations of a ticket, without a visibility check (its caller checked it). */
    public Relations of(long ticketId) {
        record Own(Long mergedInto, String purchaseRef, int touches, Long other) {
        }
        // one statement for the ticket's own fields and its direct links (a row per link, one row with none)
        List<Own> rows = jdbc.sql("""
                        select t.merged_into, t.purchase_ref, t.touches_in + t.touches_out,
                            case when l.low_id = t.id then l.high_id else l.low_id end
                        from ticket t left join ticket_link l on l.low_id = t.id or l.high_id = t.id
                        where t.id = ?""").param(ticketId)
                .query((rs, n) -> new Own(rs.getObject(1, Long.class), rs.getString(2), rs.getInt(3), rs.getObject(4, Long.class)))
                .list();
        if (rows.isEmpty()) {
            throw new TicketNotFound(ticketId);
        }
        Own own = rows.getFirst();
        List<Long> direct = rows.stream().map(Own::other).filter(java.util.Objects::nonNull).distinct().toList();
        if (direct.isEmpty()) {
            // most tickets: one read, and a group of one
            return new Relations(List.of(), new Group(1, own.touches()), own.mergedInto(), own.purchaseRef());
        }
        List<LinkedTicket> links = jdbc.sql(
                        "select id, subject, status from ticket where id in (:ids) order by id")
                .param("ids", direct)
                .query((rs, n) -> new LinkedTicket(rs.getLong(1), rs.getString(2), TicketStatus.valueOf(rs.getString(3)))).list();
        return new Relations(links, group(ticketId, direct), own.mergedInto(), own.purchaseRef());
    }

    /** The ticket a message to this one belongs to now: itself, or the survivor it was merged into (followed to the end). */
    public long survivorOf(long ticketId) {
        long current = ticketId;
        Set<Long> seen = new LinkedHashSet<>();
        while (seen.add(current)) {
            Optional<Long> into = jdbc.sql("select merged_into from ticket where id = ?").param(current)
                    .query((rs, n) -> Optional.ofNullable(rs.getObject(1, Long.class))).optional().flatMap(o -> o);
            if (into.isEmpty()) {
                return current;
            }
            current = into.get();
        }
        return current;
    }

    private Group group(long ticketId, List<Long> direct) {
        LinkGroups.Group g = groups.of(ticketId, direct);
        return new Group(g.tickets(), g.total(), g.expected(), g.alarm());
    }
}
