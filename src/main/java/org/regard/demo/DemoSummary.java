package org.regard.demo;

import java.util.List;

/** What one demo load created, by id, so callers (and tests) can look at exactly that and nothing else. */
public record DemoSummary(List<Long> teamIds, List<Long> agentIds, List<String> agentEmails, List<Long> categoryIds,
                          List<Long> organizationIds, List<Long> customerIds, List<Long> ticketIds) {
}
