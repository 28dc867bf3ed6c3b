/**
 * Ratings: the customer's one-click rating of a resolved ticket. A resolution writes one {@code rating_request} row
 * (synchronously, in the resolving transaction: {@link org.regard.ratings.RatingRequests}); {@code RatingSender} sends
 * it once due (the team's delay, if the ticket is still resolved and the customer has an address) by publishing
 * {@link org.regard.ratings.RatingEvents.RatingRequested}, which the mail module hears inside the same transaction and
 * queues in its outbox. The customer answers through a signed link ({@code RatingLinks}) for seven days, without an
 * account. Every answer (and every change of it) publishes {@link org.regard.ratings.RatingEvents.RatingGiven}: a bad
 * rating with a comment flags the ticket, and the reports count the latest answer of each request.
 * <p>
 * Public API: {@link org.regard.ratings.Ratings}, {@link org.regard.ratings.RatingSettings}, their records and
 * {@link org.regard.ratings.RatingEvents}. Nothing but mail (for the event) and reports (for
 * {@code RatingGiven}) depends on this module: the ticket page
 * and the person card load its fragments with htmx.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Ratings",
        allowedDependencies = {"accounts", "audit", "customers", "languages", "tickets", "text"})
package org.regard.ratings;
