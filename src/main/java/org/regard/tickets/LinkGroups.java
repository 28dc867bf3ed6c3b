package org.regard.tickets;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The link group of a ticket (it and every ticket linked to it, directly or not) with all their touches and the budget
 * that applies to them together: of the members' pairs (each its category's, or the desk's default), the one with the
 * highest alarm number. Read only for a ticket that has a link; a ticket alone costs nothing here.
 */
@Component
class LinkGroups {
    /** A link group larger than this is cut at this size (its touches are counted for these tickets only). */
    static final int MAX_GROUP = 500;

    private final JdbcClient jdbc;

    LinkGroups(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * A link group: its members (the ticket first), all their touches, and the pair that applies to their total (null
     * numbers when no member has a budget).
     */
    record Group(List<Long> members, int total, Integer expected, Integer alarm) {
        int tickets() {
            return members.size();
        }

        /** Where the group's total stands against its pair. */
        TouchBudget.State state() {
            return TouchBudget.state(total, expected, alarm);
        }
    }

    /** The group of a ticket: one query per member to walk the links, one for the touches and the pairs. */
    Group of(long ticketId) {
        return of(ticketId, linked(ticketId));
    }

    /** The group of a ticket whose direct links are known. */
    Group of(long ticketId, List<Long> direct) {
        Set<Long> members = new LinkedHashSet<>();
        members.add(ticketId);
        Deque<Long> next = new ArrayDeque<>(direct);
        while (!next.isEmpty() && members.size() < MAX_GROUP) {
            long id = next.poll();
            if (members.add(id)) {
                next.addAll(linked(id));
            }
        }
        List<Long> ids = new ArrayList<>(members);
        int[] total = {0};
        Integer[] pair = {null, null};
        jdbc.sql("select t.touches_in + t.touches_out as touches, " + TicketQueries.BUDGET + " from ticket t where t.id in (:ids)")
                .param("ids", ids)
                .query((java.sql.ResultSet rs) -> {
                    total[0] += rs.getInt("touches");
                    Integer expected = rs.getObject("budget_expected", Integer.class);
                    Integer alarm = rs.getObject("budget_alarm", Integer.class);
                    if (alarm != null && (pair[1] == null || alarm > pair[1] || (alarm.equals(pair[1]) && expected != null
                            && (pair[0] == null || expected > pair[0])))) {
                        pair[0] = expected;
                        pair[1] = alarm;
                    }
                });
        return new Group(ids, total[0], pair[0], pair[1]);
    }

    /** The tickets directly linked to this one. */
    List<Long> linked(long ticketId) {
        return jdbc.sql("select high_id from ticket_link where low_id = ? union select low_id from ticket_link where high_id = ?")
                .params(ticketId, ticketId).query(Long.class).list();
    }
}
