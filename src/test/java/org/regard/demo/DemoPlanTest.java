package org.regard.demo;

import org.junit.jupiter.api.Test;
import org.regard.demo.DemoPlan.Plan;
import org.regard.demo.DemoPlan.TicketStory;
import org.regard.tickets.Channel;
import org.regard.tickets.TicketStatus;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

class DemoPlanTest {
    private static final Instant NOW = Instant.parse("2026-11-22T10:15:30Z");
    private final Plan plan = DemoPlan.make(DemoPlan.TICKETS, NOW);

    @Test
    void theSameSeedAndMomentTellTheSameStories() {
        assertThat(DemoPlan.make(DemoPlan.TICKETS, NOW)).isEqualTo(plan);
        assertThat(DemoPlan.make(DemoPlan.SEED + 1, DemoPlan.TICKETS, NOW)).isNotEqualTo(plan);
    }

    @Test
    void ticketsAreSpreadOverTheLastSixtyDaysOldestFirstAndNoStepLiesInTheFuture() {
        List<TicketStory> tickets = plan.tickets();
        assertThat(tickets).hasSize(200);
        assertThat(tickets).extracting(TicketStory::openedAt).isSorted()
                .allSatisfy(at -> assertThat(at).isBetween(NOW.minus(Duration.ofDays(61)), NOW));
        assertThat(tickets.getFirst().openedAt()).isBefore(NOW.minus(Duration.ofDays(45)));
        assertThat(tickets.getLast().openedAt()).isAfter(NOW.minus(Duration.ofDays(1)));
        assertThat(tickets).allSatisfy(t -> {
            assertThat(t.moments()).isSortedAccordingTo(Instant::compareTo).doesNotHaveDuplicates();
            assertThat(t.moments().getLast()).isBefore(NOW);
        });
    }

    @Test
    void everyStatusAndChannelAppearsAndYoungTicketsAreStillOpen() {
        assertThat(plan.tickets().stream().map(TicketStory::outcome).collect(Collectors.toSet()))
                .isEqualTo(EnumSet.allOf(TicketStatus.class));
        assertThat(plan.tickets().stream().map(TicketStory::channel).collect(Collectors.toSet()))
                .isEqualTo(EnumSet.allOf(Channel.class));
        assertThat(plan.tickets()).filteredOn(t -> t.openedAt().isAfter(NOW.minus(Duration.ofDays(2))))
                .extracting(TicketStory::outcome).doesNotContain(TicketStatus.CLOSED);
    }

    @Test
    void eachTicketGoesToAnAgentOfItsTeamWhoSpeaksTheCustomersLanguage() {
        assertThat(plan.tickets()).allSatisfy(t -> {
            DemoCast.AgentSpec agent = DemoCast.AGENTS.get(t.assignee());
            String language = DemoCast.CUSTOMERS.get(t.customer()).language();
            assertThat(agent.teams()).contains(t.team());
            assertThat(agent.languages()).contains(language);
            assertThat(t.script().language()).isEqualTo(language);
        });
        Set<String> teams = plan.tickets().stream().map(TicketStory::team).collect(Collectors.toSet());
        assertThat(teams).containsExactlyInAnyOrderElementsOf(DemoCast.TEAMS);
    }

    @Test
    void customersBecameCustomersBeforeTheirFirstTicket() {
        assertThat(plan.customersSince()).hasSize(DemoCast.CUSTOMERS.size());
        plan.tickets().forEach(t -> assertThat(plan.customersSince().get(t.customer())).isBefore(t.openedAt()));
    }

    @Test
    void addressesAreMadeFromNamesWithoutTheirDiacritics() {
        assertThat(DemoCast.localPart("Nguyễn Văn An")).isEqualTo("nguyen.van.an");
        assertThat(DemoCast.localPart("Đặng Quốc Bảo")).isEqualTo("dang.quoc.bao");
        assertThat(DemoCast.localPart("Sören Weiß")).isEqualTo("soren.weiss");
        assertThat(DemoCast.localPart("Margaret O'Neill")).isEqualTo("margaret.oneill");
        assertThat(DemoCast.CUSTOMERS.stream().map(c -> DemoCast.localPart(c.name())).distinct()).hasSize(DemoCast.CUSTOMERS.size());
    }

    @Test
    void everyScriptIsFilledInAndEveryLanguageHasItsOwn() {
        assertThat(DemoScripts.ALL).allSatisfy(s -> assertThat(List.of(s.subject(), s.request(), s.question(), s.answer(),
                s.solution(), s.relapse(), s.note(), s.call())).allSatisfy(text -> assertThat(text).isNotBlank()));
        for (String language : List.of("fr", "de", "vi", "en")) {
            assertThat(DemoScripts.inLanguage(language)).hasSizeGreaterThanOrEqualTo(6);
        }
        assertThat(plan.tickets()).extracting(t -> t.script().subject()).noneMatch(s -> s.contains("{ref}"));
    }
}
