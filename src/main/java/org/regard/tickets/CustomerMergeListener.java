package org.regard.tickets;

import org.regard.customers.CustomersMerged;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * When two customers are merged, their tickets and the messages they wrote move to the survivor. Synchronous,
 * inside the merge's transaction: the merged customer is deleted right after, and a failure here undoes the
 * whole merge.
 */
@Component
class CustomerMergeListener {
    private final JdbcClient jdbc;

    CustomerMergeListener(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventListener
    void on(CustomersMerged merged) {
        jdbc.sql("update ticket set customer_id = ?, version = version + 1 where customer_id = ?")
                .params(merged.survivorId(), merged.mergedId()).update();
        jdbc.sql("update message set author_customer_id = ? where author_customer_id = ?")
                .params(merged.survivorId(), merged.mergedId()).update();
    }
}
