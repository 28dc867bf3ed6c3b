package org.regard.review;

import org.regard.accounts.Accounts;
import org.regard.tickets.ReplyHold;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The review module's say on every reply an agent sends ({@link ReplyHold}): held when its author is on probation
 * (their last day of probation is today or later, by the injected clock), when they asked for a review, and for every
 * reason the configured rules give ({@link HoldRules}). Costs one small read (the author's probation) plus what the
 * rules cost.
 */
@Component
class BuiltInHolds implements ReplyHold {
    static final String PROBATION = "probation";
    static final String AUTHOR_ASKED = "author-asked";

    private final Accounts accounts;
    private final ObjectProvider<HoldRules> rules;
    private final Clock clock;

    BuiltInHolds(Accounts accounts, ObjectProvider<HoldRules> rules, Clock clock) {
        this.accounts = accounts;
        this.rules = rules;
        this.clock = clock;
    }

    @Override
    public List<String> reasons(Reply reply) {
        List<String> reasons = new ArrayList<>();
        LocalDate today = LocalDate.now(clock);
        if (accounts.probationUntil(reply.authorAgentId()).filter(last -> !last.isBefore(today)).isPresent()) {
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
