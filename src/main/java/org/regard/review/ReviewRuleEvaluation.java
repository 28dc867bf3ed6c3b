package org.regard.review;

import org.regard.customers.Customers;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The configured review rules, asked for every reply. Every active rule of every team or of the reply's team that
 * holds the reply adds its reason; equal reasons count once, and the words found by every words rule make one reason,
 * in this order: {@code category}, {@code customer}, {@code organization}, {@code words:<the words found, as
 * configured, comma separated>}.
 * <p>
 * Cost: one select of the active rules per reply (no cache: several nodes share one database, and a rule switched off
 * on one node must hold no reply on another a moment later; the select is served by {@code review_rule_active_idx} and
 * returns a handful of rows). The customer's organization is asked of {@link Customers} (one more select, once) only
 * when an organization rule applies to the reply's team: without one, organizations cost nothing.
 * <p>
 * Extension point: a rule on the ticket being past its touch alarm waits for touch budgets; it becomes one more
 * {@link ReviewRuleKind} whose fact {@link HoldFacts} then carries (the evaluation stays one pass over the rules).
 */
@Component
class ReviewRuleEvaluation implements HoldRules {
    private final ReviewRuleStore store;
    private final Customers customers;

    ReviewRuleEvaluation(ReviewRuleStore store, Customers customers) {
        this.store = store;
        this.customers = customers;
    }

    @Override
    public List<String> reasons(HoldFacts reply) {
        List<ReviewRule> rules = store.activeFor(reply.teamId());
        if (rules.isEmpty()) {
            return List.of();
        }
        return reasons(rules, reply, () -> customers.organizationOf(reply.customerId()));
    }

    /** The reasons these rules give, asking for the customer's organization only when an organization rule needs it. */
    static List<String> reasons(List<ReviewRule> rules, HoldFacts reply, java.util.function.Supplier<Optional<Long>> organization) {
        boolean category = false;
        boolean customer = false;
        boolean byOrganization = false;
        List<String> configured = new ArrayList<>();
        Optional<Long> org = null;
        for (ReviewRule rule : rules) {
            if (!rule.active() || !rule.appliesToTeam(reply.teamId())) {
                continue;
            }
            switch (rule.kind()) {
                case CATEGORY -> category |= rule.targetId().equals(reply.categoryId());
                case CUSTOMER -> customer |= rule.targetId() == reply.customerId();
                case ORGANIZATION -> {
                    if (!byOrganization) {
                        if (org == null) {
                            org = organization.get();
                        }
                        byOrganization = org.isPresent() && org.get().equals(rule.targetId());
                    }
                }
                case WORDS -> rule.words().stream().filter(w -> !configured.contains(w)).forEach(configured::add);
            }
        }
        List<String> reasons = new ArrayList<>();
        if (category) {
            reasons.add("category");
        }
        if (customer) {
            reasons.add("customer");
        }
        if (byOrganization) {
            reasons.add("organization");
        }
        List<String> found = WordMatching.found(configured, reply.body());
        if (!found.isEmpty()) {
            reasons.add("words:" + String.join(",", found));
        }
        return List.copyOf(reasons);
    }
}
