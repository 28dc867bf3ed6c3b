package org.regard.gestures;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** How a gesture is judged against its author's limit, and how its input is checked. */
class LimitRuleTest {
    private static final long AGENT = 7;
    private static final long TEAM = 3;
    private static final Instant AT = Instant.parse("2026-03-10T12:00:00Z");

    private static GestureLimit team(GestureKind kind, String perGesture, String perMonth) {
        return new GestureLimit(1, TEAM, null, kind, "EUR", new BigDecimal(perGesture),
                perMonth == null ? null : new BigDecimal(perMonth), null, AT);
    }

    private static GestureLimit agent(GestureKind kind, String perGesture, String perMonth) {
        return new GestureLimit(2, null, AGENT, kind, "EUR", new BigDecimal(perGesture),
                perMonth == null ? null : new BigDecimal(perMonth), null, AT);
    }

    private static LimitRule.Verdict judge(List<GestureLimit> limits, GestureKind kind, String amount, String currency, String used) {
        return LimitRule.judge(LimitRule.applicable(limits, AGENT, TEAM, kind), new BigDecimal(amount), currency,
                () -> new BigDecimal(used));
    }

    @Test
    void withinTheLimitPerGestureItStandsAndAboveItGoesToReview() {
        List<GestureLimit> limits = List.of(team(GestureKind.VOUCHER, "20.00", null));
        assertThat(judge(limits, GestureKind.VOUCHER, "20.00", "EUR", "0")).isEqualTo(LimitRule.Verdict.WITHIN);
        assertThat(judge(limits, GestureKind.VOUCHER, "20.01", "EUR", "0")).isEqualTo(LimitRule.Verdict.PER_GESTURE);
        assertThat(LimitRule.Verdict.PER_GESTURE.code()).isEqualTo("per-gesture");
        assertThat(LimitRule.Verdict.WITHIN.code()).isNull();
    }

    @Test
    void theMonthsSumIncludingThisGestureMustStayWithinTheLimitPerMonth() {
        List<GestureLimit> limits = List.of(team(GestureKind.VOUCHER, "20.00", "50.00"));
        assertThat(judge(limits, GestureKind.VOUCHER, "20.00", "EUR", "30.00")).isEqualTo(LimitRule.Verdict.WITHIN);
        assertThat(judge(limits, GestureKind.VOUCHER, "20.00", "EUR", "30.01")).isEqualTo(LimitRule.Verdict.PER_MONTH);
        assertThat(LimitRule.left(limits.getFirst(), new BigDecimal("30.00"))).isEqualByComparingTo("20.00");
        assertThat(LimitRule.left(limits.getFirst(), new BigDecimal("70.00"))).isEqualByComparingTo("0");
        assertThat(LimitRule.left(team(GestureKind.VOUCHER, "20", null), BigDecimal.TEN)).isNull();
    }

    @Test
    void theMonthIsNotAskedWhenTheGestureIsAboveItsLimitOrTheLimitHasNoMonthlyPart() {
        AtomicInteger asked = new AtomicInteger();
        LimitRule.judge(Optional.of(team(GestureKind.REFUND, "10", "100")), new BigDecimal("11"), "EUR",
                () -> BigDecimal.valueOf(asked.incrementAndGet()));
        LimitRule.judge(Optional.of(team(GestureKind.REFUND, "10", null)), new BigDecimal("5"), "EUR",
                () -> BigDecimal.valueOf(asked.incrementAndGet()));
        assertThat(asked.get()).isZero();
    }

    @Test
    void anAgentsOwnLimitOverridesTheTeamsForThatKindOnly() {
        List<GestureLimit> limits = List.of(team(GestureKind.VOUCHER, "20.00", null), team(GestureKind.REFUND, "15.00", null),
                agent(GestureKind.VOUCHER, "5.00", null));
        assertThat(LimitRule.applicable(limits, AGENT, TEAM, GestureKind.VOUCHER).orElseThrow().agentId()).isEqualTo(AGENT);
        assertThat(judge(limits, GestureKind.VOUCHER, "10.00", "EUR", "0")).isEqualTo(LimitRule.Verdict.PER_GESTURE);
        assertThat(judge(limits, GestureKind.REFUND, "10.00", "EUR", "0")).isEqualTo(LimitRule.Verdict.WITHIN);
        // another agent of the team has the team's limit
        assertThat(LimitRule.applicable(limits, 99, TEAM, GestureKind.VOUCHER).orElseThrow().teamId()).isEqualTo(TEAM);
        // another team's limit does not apply
        assertThat(LimitRule.applicable(limits, 99, 4, GestureKind.VOUCHER)).isEmpty();
    }

    @Test
    void withoutALimitOrInAnotherCurrencyEveryGestureGoesToReview() {
        assertThat(judge(List.of(), GestureKind.VOUCHER, "0.01", "EUR", "0")).isEqualTo(LimitRule.Verdict.NO_LIMIT);
        assertThat(judge(List.of(team(GestureKind.REFUND, "100", null)), GestureKind.VOUCHER, "1", "EUR", "0"))
                .isEqualTo(LimitRule.Verdict.NO_LIMIT);
        assertThat(judge(List.of(team(GestureKind.VOUCHER, "100", null)), GestureKind.VOUCHER, "1", "USD", "0"))
                .isEqualTo(LimitRule.Verdict.CURRENCY);
    }

    @Test
    void inputIsCheckedFieldByField() {
        assertThat(RecordingGesture.checked(new Gestures.NewGesture("Voucher", new BigDecimal("30"), "eur", " Late ")))
                .isEqualTo(new RecordingGesture.Checked(GestureKind.VOUCHER, new BigDecimal("30.00"), "EUR", "Late"));
        assertField(new Gestures.NewGesture("voucher", new BigDecimal("-1"), "EUR", "x"), "amount");
        assertField(new Gestures.NewGesture("voucher", BigDecimal.ZERO, "EUR", "x"), "amount");
        assertField(new Gestures.NewGesture("voucher", new BigDecimal("1.234"), "EUR", "x"), "amount");
        assertField(new Gestures.NewGesture("voucher", new BigDecimal("1.5"), "JPY", "x"), "amount");
        assertField(new Gestures.NewGesture("voucher", BigDecimal.ONE, "EUX", "x"), "currency");
        assertField(new Gestures.NewGesture("voucher", BigDecimal.ONE, "XXX", "x"), "currency");
        assertField(new Gestures.NewGesture("voucher", BigDecimal.ONE, "EUR", "  "), "reason");
        assertField(new Gestures.NewGesture("voucher", BigDecimal.ONE, "EUR", "x".repeat(201)), "reason");
        assertField(new Gestures.NewGesture("hug", BigDecimal.ONE, "EUR", "x"), "kind");
        // kinds without money may be recorded with 0, never below
        assertThat(RecordingGesture.checked(new Gestures.NewGesture("replacement", BigDecimal.ZERO, "EUR", "broken")).amount())
                .isEqualByComparingTo("0");
        assertField(new Gestures.NewGesture("free-shipping", new BigDecimal("-0.01"), "EUR", "x"), "amount");
    }

    @Test
    void theMonthIsTheCalendarMonthOfTheTeamsZone() {
        java.time.ZoneId utc = java.time.ZoneOffset.UTC;
        assertThat(RecordingGesture.monthStart(Instant.parse("2026-03-31T23:59:59Z"), utc)).isEqualTo(Instant.parse("2026-03-01T00:00:00Z"));
        assertThat(RecordingGesture.monthEnd(Instant.parse("2026-12-15T00:00:00Z"), utc)).isEqualTo(Instant.parse("2027-01-01T00:00:00Z"));
        // 23:30 UTC on 31 March is already 1 April in Paris (summer time, +2): the Paris team's April has begun
        java.time.ZoneId paris = java.time.ZoneId.of("Europe/Paris");
        assertThat(RecordingGesture.monthStart(Instant.parse("2026-03-31T23:30:00Z"), paris)).isEqualTo(Instant.parse("2026-03-31T22:00:00Z"));
        assertThat(RecordingGesture.monthEnd(Instant.parse("2026-03-31T23:30:00Z"), paris)).isEqualTo(Instant.parse("2026-04-30T22:00:00Z"));
        // and the last evening of December in Ho Chi Minh City (+7) is already January
        java.time.ZoneId hcm = java.time.ZoneId.of("Asia/Ho_Chi_Minh");
        assertThat(RecordingGesture.monthStart(Instant.parse("2026-12-31T18:00:00Z"), hcm)).isEqualTo(Instant.parse("2026-12-31T17:00:00Z"));
    }

    private static void assertField(Gestures.NewGesture input, String field) {
        assertThatThrownBy(() -> RecordingGesture.checked(input)).isInstanceOfSatisfying(GestureInvalid.class,
                e -> assertThat(e.field()).isEqualTo(field));
    }
}
