package org.regard.reports;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;

/**
 * The definitions of the reports' guardrail figures, written once; {@code docs/metrics.md} ("Reports") says the same
 * in words, and each chart's "How is this counted?" note quotes it. Days are UTC days, like the activity ledger's.
 */
public final class Metrics {
    /** Touch counts from this number up share one bar ("20 or more"). */
    public static final int MAX_TOUCHES = 20;
    /** Replies are counted 0, 1, or 2 meaning two or more: all the definitions need. */
    public static final int MANY_REPLIES = 2;

    private Metrics() {
    }

    /**
     * A resolution the customer came back to (a reopening) counts against it when the reopening came within
     * {@code days} days of it, else it is a later reopening: the resolution stayed resolved for the window.
     */
    public static boolean reopenedWithin(Instant resolvedAt, Instant reopenedAt, int days) {
        return !reopenedAt.isAfter(resolvedAt.plus(Duration.ofDays(days)));
    }

    /**
     * A resolution is <em>settled</em> once its whole window has passed: resolved on {@code resolvedDay}, it is settled
     * from the day after {@code resolvedDay + days}. Only settled resolutions can be resolved for good; the others are
     * "still within the window" and shown as such, never as solved.
     */
    public static boolean settled(LocalDate resolvedDay, LocalDate today, int days) {
        return resolvedDay.plusDays(days).isBefore(today);
    }

    /** The last day a resolution may have been made on to be settled today (see {@link #settled}). */
    public static LocalDate lastSettledDay(LocalDate today, int days) {
        return today.minusDays(days + 1L);
    }

    /** Resolved for good: settled, and not reopened within the window. */
    public static boolean resolvedForGood(LocalDate resolvedDay, boolean reopenedWithin, LocalDate today, int days) {
        return settled(resolvedDay, today, days) && !reopenedWithin;
    }

    /** First-contact resolution: resolved for good with exactly one reply from the team before it. */
    public static boolean firstContact(LocalDate resolvedDay, boolean reopenedWithin, int replies, LocalDate today, int days) {
        return replies == 1 && resolvedForGood(resolvedDay, reopenedWithin, today, days);
    }

    /** Resolved with no reply: the team never answered before resolving it. Never a first-contact resolution. */
    public static boolean noReply(int replies) {
        return replies == 0;
    }

    /** The replies class a resolution is stored under: 0, 1, or {@link #MANY_REPLIES} for two or more. */
    public static int repliesClass(int replies) {
        return Math.clamp(replies, 0, MANY_REPLIES);
    }

    /** The touches bar a resolution is counted in: its touches, or {@link #MAX_TOUCHES} for that many or more. */
    public static int touchesBar(int touches) {
        return Math.clamp(touches, 0, MAX_TOUCHES);
    }

    /** A mean with two decimals, 0 when there is nothing to divide by. */
    public static double mean(long sum, long count) {
        return count == 0 ? 0 : Math.round(sum * 100.0 / count) / 100.0;
    }

    /**
     * Touches per purchase: a purchase's touches are the sum, over the tickets that carry its reference (a merged
     * duplicate's belong to the ticket it was merged into), of each ticket's touches as of its latest resolution; a ticket
     * never resolved does not count yet. Its bar is {@link #touchesBar} of that sum.
     */
    public static int purchaseBar(long touches) {
        return (int) Math.clamp(touches, 0L, (long) MAX_TOUCHES);
    }

    /**
     * Satisfaction: each rating request counts once, with the customer's latest answer (an answer can be changed for 7
     * days), in the day of the resolution it rates; its resolution counts as resolved for good like any other
     * ({@link #resolvedForGood}): settled and not reopened within the window.
     */
    public static boolean replacesAnswer(Instant answeredAt, Instant knownAnsweredAt) {
        return answeredAt == null || knownAnsweredAt == null || answeredAt.isAfter(knownAnsweredAt);
    }

    /**
     * Flags: each time a ticket is flagged for a lead (its touches reached the alarm, a bad rating with a comment) counts
     * once, on the day it was flagged, under the root cause a lead noted since, or {@link #NO_CAUSE} while none is.
     */
    public static final String NO_CAUSE = "";

    /** A share in percent with one decimal, or null when there is nothing to divide by. */
    public static Double percent(long part, long whole) {
        return whole == 0 ? null : Math.round(part * 1000.0 / whole) / 10.0;
    }

    /** The age buckets of the backlog, in days since the ticket opened: under 1, 1–2, 3–6, 7–29, 30 and more. */
    public enum AgeBucket {
        UNDER_1_DAY(0, 0), DAYS_1_TO_2(1, 2), DAYS_3_TO_6(3, 6), DAYS_7_TO_29(7, 29), DAYS_30_AND_MORE(30, Integer.MAX_VALUE);

        private final int fromDays;
        private final int toDays;

        AgeBucket(int fromDays, int toDays) {
            this.fromDays = fromDays;
            this.toDays = toDays;
        }

        public String key() {
            return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        }

        /** The bucket of a ticket opened {@code ageDays} whole days ago. */
        public static AgeBucket of(long ageDays) {
            for (AgeBucket b : values()) {
                if (ageDays >= b.fromDays && ageDays <= b.toDays) {
                    return b;
                }
            }
            return UNDER_1_DAY;
        }
    }
}
