/**
 * Review: a second pair of eyes. Work that rules (or its author) say must be checked waits in the review queue until
 * another person decides: a reply held before it reaches the customer, a resolution, a gesture above its author's
 * limit. Nobody decides on their own work; a reviewer decides only for teams they may see.
 * <p>
 * Public API: {@link org.regard.review.Reviews} (asking for a review, joining the caller's transaction) and the SPI
 * {@link org.regard.review.ReviewedWork}, which the module owning a kind of work implements to hear the decision.
 * The review rules an administrator configures ({@link org.regard.review.ReviewRules}, for the pages and the API of
 * this module) hold replies through {@code ReviewRuleEvaluation}, the module's {@code HoldRules}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Review",
        allowedDependencies = {"accounts", "audit", "customers", "languages", "procedures", "search", "text", "tickets"})
package org.regard.review;
