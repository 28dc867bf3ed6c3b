package org.regard.customers;

/**
 * Published inside the transaction that created a customer or changed what is known about them (name, addresses,
 * language, notes), so that modules keeping their own copy (search) follow within the same transaction.
 */
public record CustomerChanged(long customerId) {
}
