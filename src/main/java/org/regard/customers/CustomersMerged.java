package org.regard.customers;

import java.time.Instant;

/**
 * Published inside the merge's transaction when a duplicate customer was merged into a survivor: modules that
 * keep customer ids (tickets) move what they hold from {@code mergedId} to {@code survivorId} in a synchronous
 * listener, before the merged customer is deleted.
 */
public record CustomersMerged(long survivorId, long mergedId, Long agentId, Instant at) {
}
