package org.regard.gestures;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * How a gesture is judged against its author's limit. The agent's own limit for the kind wins over the team's; with
 * neither, the agent may not grant the kind on their own. A gesture stands when its amount is at most the limit per
 * gesture and, when the limit has one, the month's sum of the agent's standing and pending gestures of the kind in
 * that currency plus this one is at most the limit per month. A gesture in another currency than the limit's cannot
 * be compared and goes to review.
 */
final class LimitRule {
    private LimitRule() {
    }

    /** Why a gesture goes to review, or {@link #WITHIN} when it stands at once. */
    enum Verdict {
        WITHIN(null), NO_LIMIT("no-limit"), CURRENCY("currency"), PER_GESTURE("per-gesture"), PER_MONTH("per-month");

        private final String code;

        Verdict(String code) {
            this.code = code;
        }

        /** The code stored with a held gesture ({@code held_because}); null when it stands. */
        String code() {
            return code;
        }

        boolean stands() {
            return this == WITHIN;
        }
    }

    /** The limit that applies to this agent for this kind: the agent's own, else the team's. */
    static Optional<GestureLimit> applicable(Collection<GestureLimit> limits, long agentId, long teamId, GestureKind kind) {
        Optional<GestureLimit> own = limits.stream()
                .filter(l -> l.kind() == kind && l.agentId() != null && l.agentId() == agentId).findFirst();
        if (own.isPresent()) {
            return own;
        }
        return limits.stream().filter(l -> l.kind() == kind && l.teamId() != null && l.teamId() == teamId).findFirst();
    }

    /**
     * Judges the gesture; {@code usedThisMonth} (the month's sum before this gesture) is asked only when the limit has
     * a monthly part and the gesture is within the limit per gesture.
     */
    static Verdict judge(Optional<GestureLimit> limit, BigDecimal amount, String currency, Supplier<BigDecimal> usedThisMonth) {
        if (limit.isEmpty()) {
            return Verdict.NO_LIMIT;
        }
        GestureLimit l = limit.get();
        if (!l.currency().equals(currency)) {
            return Verdict.CURRENCY;
        }
        if (amount.compareTo(l.perGesture()) > 0) {
            return Verdict.PER_GESTURE;
        }
        if (l.perMonth() != null && usedThisMonth.get().add(amount).compareTo(l.perMonth()) > 0) {
            return Verdict.PER_MONTH;
        }
        return Verdict.WITHIN;
    }

    /** What is left of the monthly limit (never below zero), or null when the limit has no monthly part. */
    static BigDecimal left(GestureLimit limit, BigDecimal usedThisMonth) {
        if (limit.perMonth() == null) {
            return null;
        }
        BigDecimal left = limit.perMonth().subtract(usedThisMonth);
        return left.signum() < 0 ? BigDecimal.ZERO : left;
    }
}
