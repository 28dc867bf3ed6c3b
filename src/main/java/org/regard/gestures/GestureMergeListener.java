package org.regard.gestures;

import org.regard.customers.CustomersMerged;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * When two customers are merged, the duplicate's gestures move to the survivor. Synchronous, inside the merge's
 * transaction, before the duplicate is deleted (one statement; a failure undoes the merge).
 */
@Component
class GestureMergeListener {
    private final GestureStore store;

    GestureMergeListener(GestureStore store) {
        this.store = store;
    }

    @EventListener
    void on(CustomersMerged merged) {
        store.moveCustomer(merged.mergedId(), merged.survivorId());
    }
}
