package org.regard.reports;

import org.junit.jupiter.api.Test;
import org.regard.accounts.TimeZones;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The day a fact falls on, in its team's zone: late evenings, and the nights the clocks change. */
class ReportDaysTest {
    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    private static LocalDate day(String instant, ZoneId zone) {
        return ReportFacts.day(Instant.parse(instant), zone);
    }

    @Test
    void halfPastElevenUtcIsTheNextDayInParis() {
        assertThat(day("2026-01-15T23:30:00Z", PARIS)).isEqualTo(LocalDate.of(2026, 1, 16));
        assertThat(day("2026-01-15T23:30:00Z", ZoneOffset.UTC)).isEqualTo(LocalDate.of(2026, 1, 15));
        assertThat(day("2026-01-15T22:59:59Z", PARIS)).as("23:59:59 in Paris (winter, +1)").isEqualTo(LocalDate.of(2026, 1, 15));
        assertThat(day("2026-01-15T23:00:00Z", PARIS)).as("midnight in Paris").isEqualTo(LocalDate.of(2026, 1, 16));
        // summer time (+2): the day turns at 22:00 UTC
        assertThat(day("2026-07-15T21:59:59Z", PARIS)).isEqualTo(LocalDate.of(2026, 7, 15));
        assertThat(day("2026-07-15T22:00:00Z", PARIS)).isEqualTo(LocalDate.of(2026, 7, 16));
    }

    @Test
    void theNightsTheClocksChangeInParis() {
        // 29 March 2026: 02:00 becomes 03:00 (01:00 UTC); the day began at 23:00 UTC the evening before, and ends at 22:00 UTC
        assertThat(day("2026-03-28T22:59:59Z", PARIS)).isEqualTo(LocalDate.of(2026, 3, 28));
        assertThat(day("2026-03-28T23:00:00Z", PARIS)).isEqualTo(LocalDate.of(2026, 3, 29));
        assertThat(day("2026-03-29T01:30:00Z", PARIS)).as("03:30, just after the change").isEqualTo(LocalDate.of(2026, 3, 29));
        assertThat(day("2026-03-29T21:59:59Z", PARIS)).isEqualTo(LocalDate.of(2026, 3, 29));
        assertThat(day("2026-03-29T22:00:00Z", PARIS)).isEqualTo(LocalDate.of(2026, 3, 30));
        // 25 October 2026: 03:00 becomes 02:00 again (01:00 UTC); the day began at 22:00 UTC and ends at 23:00 UTC (25 hours)
        assertThat(day("2026-10-24T21:59:59Z", PARIS)).isEqualTo(LocalDate.of(2026, 10, 24));
        assertThat(day("2026-10-24T22:00:00Z", PARIS)).isEqualTo(LocalDate.of(2026, 10, 25));
        assertThat(day("2026-10-25T00:30:00Z", PARIS)).as("the first 02:30").isEqualTo(LocalDate.of(2026, 10, 25));
        assertThat(day("2026-10-25T01:30:00Z", PARIS)).as("the second 02:30").isEqualTo(LocalDate.of(2026, 10, 25));
        assertThat(day("2026-10-25T22:59:59Z", PARIS)).isEqualTo(LocalDate.of(2026, 10, 25));
        assertThat(day("2026-10-25T23:00:00Z", PARIS)).isEqualTo(LocalDate.of(2026, 10, 26));
    }

    @Test
    void westOfUtcTheDayEndsLater() {
        // New York on 8 March 2026 (clocks forward at 07:00 UTC): before, -5; after, -4
        assertThat(day("2026-03-08T04:59:59Z", NEW_YORK)).isEqualTo(LocalDate.of(2026, 3, 7));
        assertThat(day("2026-03-08T05:00:00Z", NEW_YORK)).isEqualTo(LocalDate.of(2026, 3, 8));
        assertThat(day("2026-03-09T03:59:59Z", NEW_YORK)).isEqualTo(LocalDate.of(2026, 3, 8));
        assertThat(day("2026-03-09T04:00:00Z", NEW_YORK)).isEqualTo(LocalDate.of(2026, 3, 9));
    }

    @Test
    void anUnknownZoneIsRefusedNamingTheFieldAndABlankOneIsTheDefault() {
        assertThatThrownBy(() -> TimeZones.parse("timeZone", "Europe/Atlantis"))
                .isInstanceOfSatisfying(TimeZones.Unknown.class, e -> assertThat(e.field()).isEqualTo("timeZone"));
        assertThat(TimeZones.parse("timeZone", " ")).isEmpty();
        assertThat(TimeZones.parse("timeZone", "Asia/Ho_Chi_Minh")).contains(ZoneId.of("Asia/Ho_Chi_Minh"));
        assertThat(TimeZones.choices()).startsWith("UTC").contains("Europe/Paris", "Asia/Ho_Chi_Minh", "America/New_York");
    }
}
