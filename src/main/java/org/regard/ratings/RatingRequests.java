package org.regard.ratings;

import org.regard.customers.CustomersMerged;
import org.regard.tickets.TicketEvents.TicketStatusChanged;
import org.regard.tickets.TicketStatus;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;

/**
 * Hears a ticket becoming resolved, synchronously inside the resolving transaction, and writes its rating request:
 * one statement, which also reads the team's setting (switched off: no row; a delay: a later due time). A reopening
 * and a new resolution write a new request; the older one, if not yet sent, is then superseded.
 */
@Component
class RatingRequests {
    private final JdbcClient jdbc;

    RatingRequests(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventListener(condition = "#event.to().name() == 'RESOLVED'")
    void onResolved(TicketStatusChanged event) {
        if (event.to() != TicketStatus.RESOLVED || event.from() == TicketStatus.RESOLVED) {
            return;
        }
        long resolvedEpoch = event.at().getEpochSecond();
        jdbc.sql("""
                        insert into rating_request (ticket_id, team_id, resolved_at, due_epoch, state)
                        select ?, ?, ?, ? + 60 * coalesce((select s.delay_minutes from rating_setting s where s.team_id = ?), 0), 'PENDING'
                        where not exists (select 1 from rating_setting s where s.team_id = ? and s.enabled = false)""")
                .params(event.ticketId(), event.teamId(), Timestamp.from(event.at()), resolvedEpoch, event.teamId(), event.teamId())
                .update();
    }

    /** A merged duplicate's ratings follow its tickets to the survivor (inside the merge's transaction, one statement). */
    @EventListener
    void onCustomersMerged(CustomersMerged merged) {
        jdbc.sql("update rating_request set customer_id = ? where customer_id = ?")
                .params(merged.survivorId(), merged.mergedId()).update();
    }
}
