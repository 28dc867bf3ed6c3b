package org.regard.demo;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;

class DemoClockTest {
    private static final Instant REAL = Instant.parse("2026-11-22T10:00:00Z");
    private static final Instant STORY = Instant.parse("2026-10-01T08:30:00Z");
    private final DemoClock clock = new DemoClock(Clock.fixed(REAL, ZoneOffset.UTC));

    @Test
    void outsideAStoryItTellsTheRealTime() {
        assertThat(clock.instant()).isEqualTo(REAL);
        assertThat(clock.millis()).isEqualTo(REAL.toEpochMilli());
    }

    @Test
    void insideAStoryThisThreadSeesTheStorysMomentAndOthersTheRealTime() throws Exception {
        Instant other = clock.at(STORY, () -> CompletableFuture.supplyAsync(clock::instant).join());
        Instant mine = clock.at(STORY, clock::instant);

        assertThat(mine).isEqualTo(STORY);
        assertThat(other).isEqualTo(REAL);
        assertThat(clock.instant()).as("after the story").isEqualTo(REAL);
    }

    @Test
    void aNestedMomentGivesBackTheOuterOneAfterwards() {
        Instant later = STORY.plusSeconds(3600);
        Instant[] seen = new Instant[2];
        clock.at(STORY, () -> {
            seen[0] = clock.at(later, clock::instant);
            seen[1] = clock.instant();
            return null;
        });
        assertThat(seen).containsExactly(later, STORY);
    }

    @Test
    void aZonedCopyFollowsTheSameStory() {
        Clock paris = clock.withZone(java.time.ZoneId.of("Europe/Paris"));
        assertThat(clock.at(STORY, paris::instant)).isEqualTo(STORY);
        assertThat(paris.getZone()).isEqualTo(java.time.ZoneId.of("Europe/Paris"));
    }
}
