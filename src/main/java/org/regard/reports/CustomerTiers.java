package org.regard.reports;

import org.regard.customers.Customers;
import org.springframework.stereotype.Component;

import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * The customer's tier for the reports, asked of the customers module's public query ({@link Customers#tiersOf}): read
 * when the ledger hears a ticket being opened, so each ticket keeps the tier its customer had then.
 */
@Component
class CustomerTiers {
    private final Customers customers;

    CustomerTiers(Customers customers) {
        this.customers = customers;
    }

    /** The customer's tier, '' when unknown. */
    String tierOf(long customerId) {
        return customers.tiersOf(List.of(customerId)).getOrDefault(customerId, "");
    }

    Map<Long, String> tiersOf(Collection<Long> customerIds) {
        return customers.tiersOf(customerIds);
    }
}
