/**
 * Reports: read models of what the team does, built from the events other modules publish — today the
 * daily activity of each team (tickets opened and resolved, touches in and out) and the guardrail reports' facts
 * (resolutions, backlog, volume, flags and root causes, touches per purchase, satisfaction from the ratings module's
 * {@code RatingGiven}; the customer's tier from the customers module's public query for the backfill).
 * <p>
 * Public API: {@link org.regard.reports.ActivityReport}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Reports", allowedDependencies = {"accounts", "customers", "ratings", "tickets", "text"})
package org.regard.reports;
