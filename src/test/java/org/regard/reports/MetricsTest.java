package org.regard.reports;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The guardrail definitions on hand-built histories, with the default window of 7 days. */
class MetricsTest {
    private static final int N = 7;
    private static final Instant RESOLVED = Instant.parse("2026-03-02T10:00:00Z");
    private static final LocalDate RESOLVED_DAY = LocalDate.parse("2026-03-02");
    private static final LocalDate LONG_AFTER = LocalDate.parse("2026-04-01");

    @Test
    void aReopeningOnDay6CountsAgainstTheResolutionOneOnDay8DoesNot() {
        boolean day6 = Metrics.reopenedWithin(RESOLVED, RESOLVED.plus(6, ChronoUnit.DAYS), N);
        boolean day8 = Metrics.reopenedWithin(RESOLVED, RESOLVED.plus(8, ChronoUnit.DAYS), N);
        assertThat(day6).isTrue();
        assertThat(day8).isFalse();
        assertThat(Metrics.resolvedForGood(RESOLVED_DAY, day6, LONG_AFTER, N)).isFalse();
        assertThat(Metrics.resolvedForGood(RESOLVED_DAY, day8, LONG_AFTER, N)).isTrue();
        // the edge: exactly N days later is still within the window
        assertThat(Metrics.reopenedWithin(RESOLVED, RESOLVED.plus(7, ChronoUnit.DAYS), N)).isTrue();
        assertThat(Metrics.reopenedWithin(RESOLVED, RESOLVED.plus(7, ChronoUnit.DAYS).plusSeconds(1), N)).isFalse();
    }

    @Test
    void aResolutionIsNotResolvedForGoodBeforeItsWindowHasPassed() {
        assertThat(Metrics.settled(RESOLVED_DAY, RESOLVED_DAY.plusDays(7), N)).isFalse();
        assertThat(Metrics.resolvedForGood(RESOLVED_DAY, false, RESOLVED_DAY.plusDays(7), N)).isFalse();
        assertThat(Metrics.settled(RESOLVED_DAY, RESOLVED_DAY.plusDays(8), N)).isTrue();
        assertThat(Metrics.resolvedForGood(RESOLVED_DAY, false, RESOLVED_DAY.plusDays(8), N)).isTrue();
        assertThat(Metrics.lastSettledDay(RESOLVED_DAY.plusDays(8), N)).isEqualTo(RESOLVED_DAY);
    }

    @Test
    void resolvedWithNoReplyIsItsOwnFigureAndNeverFirstContact() {
        assertThat(Metrics.noReply(0)).isTrue();
        assertThat(Metrics.firstContact(RESOLVED_DAY, false, 0, LONG_AFTER, N)).isFalse();
        assertThat(Metrics.repliesClass(0)).isZero();
    }

    @Test
    void firstContactIsResolvedForGoodWithExactlyOneReply() {
        assertThat(Metrics.firstContact(RESOLVED_DAY, false, 1, LONG_AFTER, N)).isTrue();
        assertThat(Metrics.noReply(1)).isFalse();
        assertThat(Metrics.firstContact(RESOLVED_DAY, false, 2, LONG_AFTER, N)).isFalse();
        assertThat(Metrics.firstContact(RESOLVED_DAY, true, 1, LONG_AFTER, N)).as("reopened on day 6").isFalse();
        assertThat(Metrics.firstContact(RESOLVED_DAY, false, 1, RESOLVED_DAY.plusDays(3), N)).as("not settled yet").isFalse();
        assertThat(Metrics.repliesClass(1)).isEqualTo(1);
        assertThat(Metrics.repliesClass(5)).isEqualTo(Metrics.MANY_REPLIES);
    }

    @Test
    void touchesAboveTheLastBarShareIt() {
        assertThat(Metrics.touchesBar(3)).isEqualTo(3);
        assertThat(Metrics.touchesBar(57)).isEqualTo(Metrics.MAX_TOUCHES);
    }

    @Test
    void backlogBucketsFollowTheDaysSinceOpening() {
        assertThat(Metrics.AgeBucket.of(0)).isEqualTo(Metrics.AgeBucket.UNDER_1_DAY);
        assertThat(Metrics.AgeBucket.of(2)).isEqualTo(Metrics.AgeBucket.DAYS_1_TO_2);
        assertThat(Metrics.AgeBucket.of(6)).isEqualTo(Metrics.AgeBucket.DAYS_3_TO_6);
        assertThat(Metrics.AgeBucket.of(29)).isEqualTo(Metrics.AgeBucket.DAYS_7_TO_29);
        assertThat(Metrics.AgeBucket.of(400)).isEqualTo(Metrics.AgeBucket.DAYS_30_AND_MORE);
    }

    @Test
    void percentagesRoundToOneDecimalAndNothingOverNothingIsNoFigure() {
        assertThat(Metrics.percent(1, 3)).isEqualTo(33.3);
        assertThat(Metrics.percent(0, 0)).isNull();
    }

    @Test
    void csvQuotesAndDefusesFormulas() {
        ReportTable t = new ReportTable("x", java.util.List.of("a", "b"),
                java.util.List.of(java.util.List.of("=1+1", "Billing, refunds"), java.util.List.of(-3, "say \"hi\"")));
        assertThat(t.csv()).isEqualTo("a,b\r\n'=1+1,\"Billing, refunds\"\r\n-3,\"say \"\"hi\"\"\"\r\n");
    }
}
