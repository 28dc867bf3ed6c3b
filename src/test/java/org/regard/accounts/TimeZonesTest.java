package org.regard.accounts;

import org.junit.jupiter.api.Test;

import java.time.ZoneId;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The desk's zone setting is checked when Regard starts. */
class TimeZonesTest {
    @Test
    void anUnknownDeskZoneStopsTheStartNamingTheSetting() {
        assertThatThrownBy(() -> new TimeZones(null, "Europe/Pariss", () -> 0L))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("regard.time-zone=Europe/Pariss").hasMessageContaining("IANA");
    }

    @Test
    void theDeskZoneIsUtcUnlessSet() {
        assertThat(new TimeZones(null, "", () -> 0L).desk()).isEqualTo(ZoneId.of("UTC"));
        assertThat(new TimeZones(null, "Europe/Paris", () -> 0L).desk()).isEqualTo(ZoneId.of("Europe/Paris"));
    }
}
