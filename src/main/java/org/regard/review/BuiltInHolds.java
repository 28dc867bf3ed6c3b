package org.regard.review;

import org.regard.tickets.ReplyHold;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The review module's say on every reply an agent sends ({@link ReplyHold}): held when its author is on probation
 * (their last day of probation is today or later, by the injected clock; the date comes with the author's role, read
 * for the write anyway, so it costs nothing), when they asked for a review, and for every reason the configured rules
 * give ({@link HoldRules}, which cost what they cost: one read of the active rules today).
 */
@Component
class BuiltInHolds implements ReplyHold {
    static final String PROBATION = "probation";
    static final String AUTHOR_ASKED = "author-asked";

    private final ObjectProvider<HoldRules> rules;
    private final Clock clock;

    BuiltInHolds(ObjectProvider<HoldRules> rules, Clock clock) {
        this.rules = rules;
        this.clock = clock;
    }

    @Override
    public List<String> reasons(Reply reply) {
        List<String> reasons = new ArrayList<>();
        LocalDate today = LocalDate.now(clock);
        if (reply.authorProbationUntil() != null && !reply.authorProbationUntil().isBefore(today)) {
            reasons.add(PROBATION);
        }
        if (reply.authorAsked()) {
            reasons.add(AUTHOR_ASKED);
        }
        HoldFacts facts = new HoldFacts(reply.ticketId(), reply.teamId(), reply.categoryId(), reply.customerId(),
                reply.authorAgentId(), reply.body());
        rules.orderedStream().forEach(r -> reasons.addAll(r.reasons(facts)));
        return reasons;
    }
}
