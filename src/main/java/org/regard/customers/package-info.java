/**
 * Customers: the people who write to the team, their organizations, their addresses, preferences and
 * notes, and the "person card" every ticket page shows first.
 * <p>
 * Public API: {@link org.regard.customers.Customers} and its records.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Customers", allowedDependencies = {"text"})
package org.regard.customers;
