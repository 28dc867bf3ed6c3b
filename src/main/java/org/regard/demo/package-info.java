/**
 * Demo: fills an empty desk with a realistic, deterministic demo (teams, agents, categories, customers,
 * organizations and about 200 tickets with their conversations over the last 60 days) when Regard starts
 * with {@code regard.demo=true} ({@code REGARD_DEMO=true}).
 * <p>
 * It writes only through the public services of accounts, customers and tickets, so every invariant
 * (status transitions, touch counts, change history, events) holds as if people had done the work; each
 * step runs with the application clock standing at its moment in the story (see
 * {@link org.regard.demo.DemoData}).
 * <p>
 * Public API: {@link org.regard.demo.DemoData} and {@link org.regard.demo.DemoSummary}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Demo",
        allowedDependencies = {"accounts", "customers", "text", "tickets"})
package org.regard.demo;
