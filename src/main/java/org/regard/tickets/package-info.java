/**
 * Tickets: the cases the team works on, their messages (customer messages, replies, internal notes,
 * logged calls and visits), status, priority, team and assignee, the history of every change, and the
 * touch ledger that counts each interaction with the customer.
 * <p>
 * Public API: {@link org.regard.tickets.Tickets} (use cases), {@link org.regard.tickets.TicketQueries}
 * (reads), their records, and the events in {@link org.regard.tickets.TicketEvents}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Tickets", allowedDependencies = {"accounts", "audit", "customers", "languages"})
package org.regard.tickets;
