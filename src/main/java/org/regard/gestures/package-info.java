/**
 * Gestures: what an agent grants a customer on their own (a refund, a voucher, free shipping, a replacement, a free
 * month), recorded on a ticket. Leads and administrators set, per team or per agent and per kind, a limit per gesture
 * and optionally per calendar month (UTC); a gesture within it stands at once, one above it (or of a kind without a
 * limit, or in another currency) waits in the review queue ({@link org.regard.review.Reviews}) and stands only when
 * another person approves it ({@link org.regard.gestures.GestureReview}).
 * <p>
 * Public API: {@link org.regard.gestures.Gestures} and its records. Nothing depends on this module: the ticket page
 * and the person card load its fragments with htmx.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Gestures",
        allowedDependencies = {"accounts", "audit", "customers", "review", "tickets", "text"})
package org.regard.gestures;
