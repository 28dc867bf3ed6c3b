package org.regard.tickets;

import org.regard.accounts.AgentPrincipal;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.sql.Timestamp;
import java.time.Clock;

/**
 * What each agent has seen of each ticket, for the inbox's unread markers ({@link TicketQueries#unreadAmong}). The
 * ticket page marks the ticket seen up to its newest message: the one write a page view makes, one statement once the
 * agent has opened the ticket before (an update), two the first time (the update finds nothing, then an insert).
 */
@Component
public class SeenMarks {
    private final JdbcClient jdbc;
    private final Clock clock;

    SeenMarks(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * The agent has seen the ticket up to this message. Never moves back: a page rendered before a newer message
     * arrived and a later one may finish in either order. The caller has checked that the agent may see the ticket.
     */
    @Transactional
    public void seen(long ticketId, long newestMessageId, AgentPrincipal agent) {
        Timestamp now = Timestamp.from(clock.instant());
        int updated = jdbc.sql("update ticket_seen set message_id = greatest(message_id, ?), seen_at = ? where agent_id = ? and ticket_id = ?")
                .params(newestMessageId, now, agent.id(), ticketId).update();
        if (updated == 0) {
            // two tabs opening the ticket at once: the second insert finds the first and changes nothing
            jdbc.sql("insert into ticket_seen (agent_id, ticket_id, message_id, seen_at) values (?, ?, ?, ?) on conflict do nothing")
                    .params(agent.id(), ticketId, newestMessageId, now).update();
        }
    }
}
