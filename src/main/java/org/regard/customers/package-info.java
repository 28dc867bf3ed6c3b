/**
 * Customers: the people who write to the team, their organizations, their addresses, preferences and
 * notes, and the "person card" every ticket page shows first.
 * <p>
 * Who may change what is decided by one policy per aggregate: {@link org.regard.customers.CustomerAccess} (a customer,
 * their addresses and preference values), {@link org.regard.customers.MergeAccess} and
 * {@link org.regard.customers.PromiseAccess}. What they need to know about tickets (which teams serve a customer,
 * which customer and team a ticket belongs to) they ask through {@link org.regard.customers.CustomerTickets}, which
 * the tickets module implements, so customers never depends on tickets.
 * <p>
 * Public API: {@link org.regard.customers.Customers} and its records, the access policies and their
 * {@link org.regard.customers.CustomerForbidden}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Customers", allowedDependencies = {"accounts", "audit"})
package org.regard.customers;
