package org.regard.tickets;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * A ticket's touch budget and the counts read beside its touches: how many touches its category (or the desk's
 * default pair) expects and at how many something went wrong, how often it was handed off and reopened, and whether
 * it is flagged for a team lead and with which root cause. The definitions are in docs/metrics.md.
 *
 * @param expected   the touches the ticket is expected to need, or null when no budget applies
 * @param alarm      the touches at which it is flagged for a team lead, or null
 * @param flagReason why a team lead is asked to look ({@link #ALARM}, ...), or null
 * @param groupTouches for a linked ticket, all the touches of its link group (then {@code expected} and {@code alarm}
 *                     are the group's pair, and the state is the group's); null for a ticket alone
 */
public record TouchBudget(int handoffs, int reopenings, Integer expected, Integer alarm, String flagReason, Instant flaggedAt,
                          String rootCause, Integer groupTouches) {

    public TouchBudget(int handoffs, int reopenings, Integer expected, Integer alarm, String flagReason, Instant flaggedAt,
                       String rootCause) {
        this(handoffs, reopenings, expected, alarm, flagReason, flaggedAt, rootCause, null);
    }

    /** The flag's reason when the touches reached the alarm number. */
    public static final String ALARM = "ALARM";

    /** No budget, nothing counted, no flag. */
    public static final TouchBudget NONE = new TouchBudget(0, 0, null, null, null, null, null);

    /** Where a ticket's touches stand against its budget. */
    public enum State {
        /** At most the expected number (or no budget applies). */
        WITHIN,
        /** More than expected, not yet at the alarm. */
        OVER_EXPECTED,
        /** At the alarm number or past it. */
        ALARM
    }

    /** The state of a ticket with these touches of its own: against its group's total when it is linked. */
    public State state(int touches) {
        return state(counted(touches), expected, alarm);
    }

    /** The touches the budget is held against: the group's total for a linked ticket, else the ticket's own. */
    public int counted(int touches) {
        return groupTouches != null ? groupTouches : touches;
    }

    /** This budget for a ticket of a link group: the group's total against the group's pair. */
    public TouchBudget inGroup(int total, Integer groupExpected, Integer groupAlarm) {
        return new TouchBudget(handoffs, reopenings, groupExpected, groupAlarm, flagReason, flaggedAt, rootCause, total);
    }

    /**
     * The state of {@code touches} against a pair: {@link State#ALARM} from the alarm number on, {@link State#OVER_EXPECTED}
     * above the expected number, else {@link State#WITHIN}. Either number may be missing.
     */
    public static State state(int touches, Integer expected, Integer alarm) {
        if (alarm != null && touches >= alarm) {
            return State.ALARM;
        }
        if (expected != null && touches > expected) {
            return State.OVER_EXPECTED;
        }
        return State.WITHIN;
    }

    public boolean flagged() {
        return flagReason != null;
    }

    /** Flagged and no root cause noted yet: a team lead's turn. */
    public boolean awaitingLead() {
        return flagReason != null && rootCause == null;
    }

    /**
     * Checks a pair as an admin or a lead gives it: both missing, or both at least 1 with the alarm above the expected
     * number; a missing one of two is refused too, so that a budget is always a pair.
     *
     * @throws InvalidInput naming the field at fault
     */
    public static void check(Integer expected, Integer alarm) {
        if (expected == null && alarm == null) {
            return;
        }
        if (expected == null) {
            throw new InvalidInput("expectedTouches", "is needed with alarmTouches");
        }
        if (alarm == null) {
            throw new InvalidInput("alarmTouches", "is needed with expectedTouches");
        }
        if (expected < 1) {
            throw new InvalidInput("expectedTouches", "must be at least 1");
        }
        if (alarm <= expected) {
            throw new InvalidInput("alarmTouches", "must be more than expectedTouches");
        }
        if (alarm > 1000) {
            throw new InvalidInput("alarmTouches", "must be at most 1000");
        }
    }

    /** One change from a ticket's history, as {@code ticket_change} keeps it. */
    public record HistoryChange(Instant at, String field, String oldValue, String newValue) {
    }

    private static final Set<String> DONE = Set.of(TicketStatus.RESOLVED.name(), TicketStatus.CLOSED.name());

    /**
     * The hand-offs in a history: an action (its changes share one instant) that moved the ticket to another team, or
     * away from its agent (to another agent or back to the team's queue). Taking an unassigned ticket is none.
     */
    public static int handoffs(List<HistoryChange> history) {
        return (int) history.stream().filter(TouchBudget::handsOff).map(HistoryChange::at).distinct().count();
    }

    static boolean handsOff(HistoryChange c) {
        return "team".equals(c.field()) || ("assignee".equals(c.field()) && c.oldValue() != null);
    }

    /** The reopenings in a history: a resolved or closed ticket made active again (by the team or by the customer). */
    public static int reopenings(List<HistoryChange> history) {
        return (int) history.stream().filter(c -> "status".equals(c.field()) && reopens(c.oldValue(), c.newValue())).count();
    }

    static boolean reopens(String before, String after) {
        return before != null && after != null && DONE.contains(before) && !DONE.contains(after);
    }
}
