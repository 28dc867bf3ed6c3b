package org.regard.customers;

import org.regard.accounts.Actor;
import org.springframework.stereotype.Component;

/**
 * Who may merge two customers: whoever may change both of them ({@link CustomerAccess}). A merge moves the
 * duplicate's tickets, addresses and notes to the survivor, so serving one of the two is not enough.
 */
@Component
public class MergeAccess {
    private final CustomerAccess customers;

    MergeAccess(CustomerAccess customers) {
        this.customers = customers;
    }

    public boolean mayMerge(Actor actor, long survivorId, long duplicateId) {
        return customers.mayChange(actor, survivorId) && customers.mayChange(actor, duplicateId);
    }

    /** Fails with {@link CustomerForbidden} unless the actor may change both customers. */
    public void requireMerge(Actor actor, long survivorId, long duplicateId) {
        if (!mayMerge(actor, survivorId, duplicateId)) {
            throw new CustomerForbidden("Merging customers " + duplicateId + " into " + survivorId
                    + " needs both to have a ticket in a team you are part of.");
        }
    }
}
