package org.regard.review;

/** What the rules may look at in a reply about to be sent. {@code categoryId} is null when the ticket has none. */
record HoldFacts(long ticketId, long teamId, Long categoryId, long customerId, long authorAgentId, String body) {
}
