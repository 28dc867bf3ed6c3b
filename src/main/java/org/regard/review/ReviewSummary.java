package org.regard.review;

import java.time.Instant;
import java.util.List;

/** Where a review stands: {@code state} is pending, approved, returned or withdrawn; reviewer and decidedAt are null while pending. */
public record ReviewSummary(long id, String kind, long subjectId, String state, List<String> reasons,
                            Long reviewerAgentId, Instant decidedAt) {
    public ReviewSummary {
        reasons = List.copyOf(reasons);
    }
}
