package org.regard.review;

import java.util.List;

/**
 * A piece of work to be checked. {@code kind} names the {@link ReviewedWork} that hears the decision ("reply",
 * "resolution", "gesture"); {@code subjectId} is that module's id of the work; {@code reasons} are every reason that
 * held it (stable codes such as {@code probation}, {@code category}, {@code words:refund}, {@code author-asked},
 * {@code above-limit}); {@code summary} is what the queue shows of it (a reply's text, "Voucher 30.00 EUR").
 */
public record ReviewRequest(String kind, long subjectId, long ticketId, long teamId, long authorAgentId,
                            List<String> reasons, String summary) {
    public ReviewRequest {
        reasons = List.copyOf(reasons);
    }
}
