package org.regard.tickets;

import org.junit.jupiter.api.Test;
import org.regard.tickets.TouchBudget.HistoryChange;
import org.regard.tickets.TouchBudget.State;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The touch budget's state, and hand-offs and reopenings counted from hand-built histories. */
class TouchBudgetTest {
    private static final Instant T0 = Instant.parse("2026-03-01T09:00:00Z");

    private static HistoryChange at(int minute, String field, String before, String after) {
        return new HistoryChange(T0.plusSeconds(60L * minute), field, before, after);
    }

    @Test
    void theStateFollowsExpectedAndAlarm() {
        assertThat(TouchBudget.state(2, 2, 6)).isEqualTo(State.WITHIN);
        assertThat(TouchBudget.state(3, 2, 6)).isEqualTo(State.OVER_EXPECTED);
        assertThat(TouchBudget.state(5, 2, 6)).isEqualTo(State.OVER_EXPECTED);
        assertThat(TouchBudget.state(6, 2, 6)).as("at the alarm number").isEqualTo(State.ALARM);
        assertThat(TouchBudget.state(15, 2, 6)).isEqualTo(State.ALARM);
        assertThat(TouchBudget.state(40, null, null)).as("no budget: nothing is over").isEqualTo(State.WITHIN);
    }

    @Test
    void aBudgetIsAPairWithTheAlarmAboveTheExpectedNumber() {
        TouchBudget.check(null, null);
        TouchBudget.check(1, 2);
        assertThatThrownBy(() -> TouchBudget.check(2, 2)).isInstanceOf(InvalidInput.class).extracting("field").isEqualTo("alarmTouches");
        assertThatThrownBy(() -> TouchBudget.check(0, 3)).extracting("field").isEqualTo("expectedTouches");
        assertThatThrownBy(() -> TouchBudget.check(2, null)).extracting("field").isEqualTo("alarmTouches");
        assertThatThrownBy(() -> TouchBudget.check(null, 6)).extracting("field").isEqualTo("expectedTouches");
    }

    @Test
    void theFirstAssignmentIsNoHandOffButEveryMoveAwayIs() {
        List<HistoryChange> history = List.of(
                at(1, "assignee", null, "7"),          // taken from the queue: no hand-off
                at(2, "priority", "NORMAL", "HIGH"),
                at(3, "assignee", "7", "8"),           // to another agent: 1
                at(4, "assignee", "8", null),          // back to the team's queue: 2
                at(5, "assignee", null, "9"),          // picked up again: already counted
                at(6, "team", "1", "2"),               // another team, letting go of its agent in the same action: 3
                at(6, "assignee", "9", null));
        assertThat(TouchBudget.handoffs(history)).isEqualTo(3);
    }

    @Test
    void reopeningsAreResolvedOrClosedTicketsMadeActiveAgain() {
        List<HistoryChange> history = List.of(
                at(1, "status", "NEW", "OPEN"),
                at(2, "status", "OPEN", "RESOLVED"),
                at(3, "status", "RESOLVED", "OPEN"),   // 1
                at(4, "status", "OPEN", "WAITING"),
                at(5, "status", "WAITING", "OPEN"),    // waiting is not done: no reopening
                at(6, "status", "OPEN", "RESOLVED"),
                at(7, "status", "RESOLVED", "CLOSED"),
                at(8, "status", "CLOSED", "OPEN"));    // 2
        assertThat(TouchBudget.reopenings(history)).isEqualTo(2);
    }

    @Test
    void theTicketCountsHandOffsOncePerActionAndItsReopenings() {
        Ticket ticket = Ticket.open("Parcel lost", Channel.EMAIL, 1, 1, Priority.NORMAL, T0);
        ticket.assignTo(7L, T0);
        assertThat(ticket.getHandoffs()).as("first assignment").isZero();
        ticket.moveToTeam(2, T0);
        ticket.assignTo(null, T0);
        assertThat(ticket.getHandoffs()).as("a team move that lets go of the agent is one hand-off").isEqualTo(1);

        ticket.moveTo(TicketStatus.RESOLVED, T0);
        ticket.customerWrote(T0);
        assertThat(ticket.getReopenings()).isEqualTo(1);
        assertThat(ticket.getStatus()).isEqualTo(TicketStatus.OPEN);
    }

    @Test
    void reachingTheAlarmFlagsTheTicketOnceAndAskForNothingElse() {
        Ticket ticket = Ticket.open("Invoice", Channel.EMAIL, 1, 1, Priority.NORMAL, T0);
        ticket.budgetAlarm(3);
        ticket.recordTouch(TouchDirection.INBOUND, T0);
        ticket.recordTouch(TouchDirection.OUTBOUND, T0);
        assertThat(ticket.getFlagReason()).isNull();
        ticket.recordTouch(TouchDirection.INBOUND, T0.plusSeconds(60));
        assertThat(ticket.getFlagReason()).isEqualTo(TouchBudget.ALARM);
        assertThat(ticket.getFlaggedAt()).isEqualTo(T0.plusSeconds(60));
        assertThat(ticket.getStatus()).as("a flag changes no status").isEqualTo(TicketStatus.NEW);

        ticket.noteRootCause("policy", T0.plusSeconds(120));
        ticket.recordTouch(TouchDirection.INBOUND, T0.plusSeconds(180));
        assertThat(ticket.getRootCause()).as("past the alarm, a noted cause is not asked again").isEqualTo("policy");
        assertThat(ticket.flag("BAD_RATING", T0.plusSeconds(240))).as("another reason flags it again").isTrue();
        assertThat(ticket.getRootCause()).isNull();
        assertThat(ticket.flag(TouchBudget.ALARM, T0.plusSeconds(300))).as("already waiting for a lead").isFalse();
        assertThat(ticket.getFlagReason()).isEqualTo("BAD_RATING");
    }
}
