package org.regard.reports;

import org.junit.jupiter.api.Test;
import org.regard.accounts.Actor;
import org.regard.accounts.Role;
import org.regard.accounts.TeamView;
import org.regard.api.ApiClient;
import org.regard.support.IntegrationTest;
import org.regard.support.TestData;
import org.regard.support.TestData.TestAgent;
import org.regard.support.TicketFixtures;
import org.regard.support.WebSession;
import org.regard.tickets.Categories;
import org.regard.tickets.Channel;
import org.regard.tickets.TicketCommands;
import org.regard.tickets.TicketStatus;
import org.regard.tickets.Tickets;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.regard.api.ApiClient.bearer;

/** The reports' numbers against hand-counted histories, the backfill, and who may see them (API and pages). */
@IntegrationTest
class ReportsIntegrationTest {
    @LocalServerPort
    int port;
    @Autowired
    TestData data;
    @Autowired
    Tickets tickets;
    @Autowired
    Categories categories;
    @Autowired
    Reports reports;
    @Autowired
    ReportFacts facts;
    @Autowired
    ReportBackfill backfill;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PlatformTransactionManager txManager;

    private static final LocalDate TODAY = LocalDate.now(ZoneOffset.UTC);

    private static Instant daysAgo(int days) {
        return TODAY.minusDays(days).atTime(10, 0).toInstant(ZoneOffset.UTC);
    }

    private void inTx(Runnable r) {
        new TransactionTemplate(txManager).executeWithoutResult(s -> r.run());
    }

    private ReportFilter all(long team) {
        return new ReportFilter(TODAY.minusDays(30), TODAY, team, null, null, null);
    }

    /**
     * Six tickets of one team, by hand (window 7 days; ticket ids no real ticket has, so no category):
     * t1 one reply, resolved 20 days ago; t2 resolved then with no reply; t3 two replies, resolved, reopened 6 days later,
     * written to, answered and resolved again 13 days ago; t4 one reply, resolved 20 days ago, reopened 8 days later and
     * still open; t5 one reply, resolved 2 days ago (window not over); t6 opened today, open.
     */
    @Test
    void theGuardrailFiguresMatchAHandCountedHistory() {
        TeamView team = data.team("rep");
        TestAgent lead = data.agent(Role.LEAD, team);
        long base = 8_000_000_000L + ThreadLocalRandom.current().nextLong(1_000_000_000L);
        long t1 = base + 1, t2 = base + 2, t3 = base + 3, t4 = base + 4, t5 = base + 5, t6 = base + 6;
        long tm = team.id();
        // resolved(ticket, team, category, touches so far, the team's replies so far, when)
        inTx(() -> {
            facts.opened(t1, tm, "EMAIL", "fr", daysAgo(20));
            facts.resolved(t1, tm, null, 2, 1, daysAgo(20));

            facts.opened(t2, tm, "EMAIL", "fr", daysAgo(20));
            facts.resolved(t2, tm, null, 1, 0, daysAgo(20));

            facts.opened(t3, tm, "PHONE", "de", daysAgo(20));
            facts.resolved(t3, tm, null, 3, 2, daysAgo(20));
            facts.reopened(t3, daysAgo(14));
            facts.resolved(t3, tm, null, 5, 3, daysAgo(13));

            facts.opened(t4, tm, "EMAIL", "fr", daysAgo(20));
            facts.resolved(t4, tm, null, 2, 1, daysAgo(20));
            facts.reopened(t4, daysAgo(12));

            facts.opened(t5, tm, "WEB", null, daysAgo(2));
            facts.resolved(t5, tm, null, 2, 1, daysAgo(2));

            facts.opened(t6, tm, "EMAIL", "fr", daysAgo(0));
        });

        Reports.Outcome o = reports.outcomes(all(tm), lead.principal()).getFirst();
        assertThat(o.resolutions()).isEqualTo(6);
        assertThat(o.settled()).as("t5 is still within its window").isEqualTo(5);
        assertThat(o.reopenedWithin()).as("t3, on day 6").isEqualTo(1);
        assertThat(o.reopenedLater()).as("t4, on day 8").isEqualTo(1);
        assertThat(o.resolvedForGood()).as("t1, t2, t3's second, t4").isEqualTo(4);
        assertThat(o.firstContact()).as("t1 and t4: one reply, for good").isEqualTo(2);
        assertThat(o.noReply()).as("t2").isEqualTo(1);
        assertThat(o.resolvedForGoodRate()).isEqualTo(80.0);
        assertThat(o.firstContactRate()).isEqualTo(40.0);
        assertThat(o.noReplyRate()).isEqualTo(16.7);
        assertThat(o.reopenRate()).isEqualTo(33.3);

        Reports.CategoryTouches none = reports.touches(all(tm), lead.principal()).getFirst();
        assertThat(none.categoryId()).isZero();
        assertThat(bars(none)).isEqualTo(Map.of(1, 1L, 2, 3L, 3, 1L, 5, 1L));
        assertThat(none.resolutions()).isEqualTo(6);
        assertThat(none.mean()).isEqualTo(2.5);
        assertThat(none.expected()).as("no budget anywhere: no lines").isNull();
        categories.defaultBudget(3, 8);
        try {
            Reports.CategoryTouches withDefault = reports.touches(all(tm), lead.principal()).getFirst();
            assertThat(withDefault.expected()).as("tickets without a category follow the desk's default pair").isEqualTo(3);
            assertThat(withDefault.alarm()).isEqualTo(8);
        } finally {
            categories.defaultBudget(null, null);
        }

        ReportFilter email = new ReportFilter(TODAY.minusDays(30), TODAY, tm, null, "EMAIL", null);
        assertThat(bars(reports.touches(email, lead.principal()).getFirst())).isEqualTo(Map.of(1, 1L, 2, 2L));
        ReportFilter german = new ReportFilter(TODAY.minusDays(30), TODAY, tm, null, null, "de");
        assertThat(bars(reports.touches(german, lead.principal()).getFirst())).isEqualTo(Map.of(3, 1L, 5, 1L));
        ReportFilter unknownLanguage = new ReportFilter(TODAY.minusDays(30), TODAY, tm, null, null, "");
        assertThat(reports.outcomes(unknownLanguage, lead.principal()).getFirst().resolutions()).isEqualTo(1);
        ReportFilter lastWeek = new ReportFilter(TODAY.minusDays(7), TODAY, tm, null, null, null);
        assertThat(reports.outcomes(lastWeek, lead.principal()).getFirst().resolutions()).as("t5 only").isEqualTo(1);

        assertThat(reports.reopens(all(tm), lead.principal())).extracting(Reports.ReopenDay::day, Reports.ReopenDay::resolutions,
                Reports.ReopenDay::reopened).containsExactly(
                org.assertj.core.groups.Tuple.tuple(TODAY.minusDays(20), 4L, 2L),
                org.assertj.core.groups.Tuple.tuple(TODAY.minusDays(13), 1L, 0L),
                org.assertj.core.groups.Tuple.tuple(TODAY.minusDays(2), 1L, 0L));

        assertThat(reports.backlog(all(tm), lead.principal())).extracting(Reports.BacklogBucket::bucket, Reports.BacklogBucket::open)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("under-1-day", 1L),
                        org.assertj.core.groups.Tuple.tuple("days-1-to-2", 0L),
                        org.assertj.core.groups.Tuple.tuple("days-3-to-6", 0L),
                        org.assertj.core.groups.Tuple.tuple("days-7-to-29", 1L),
                        org.assertj.core.groups.Tuple.tuple("days-30-and-more", 0L));

        assertThat(reports.volume(all(tm), lead.principal())).extracting(Reports.VolumeCell::channel, Reports.VolumeCell::language,
                Reports.VolumeCell::opened).containsExactlyInAnyOrder(
                org.assertj.core.groups.Tuple.tuple("EMAIL", "fr", 4L),
                org.assertj.core.groups.Tuple.tuple("PHONE", "de", 1L),
                org.assertj.core.groups.Tuple.tuple("WEB", "", 1L));
    }

    private static Map<Integer, Long> bars(Reports.CategoryTouches c) {
        return c.bars().stream().filter(b -> b.resolutions() > 0)
                .collect(Collectors.toMap(Reports.TouchBar::touches, Reports.TouchBar::resolutions));
    }

    /** A team with a lead, a category and two tickets: one answered by phone and resolved, one resolved without a reply. */
    record Desk(TeamView team, TestAgent lead, TestAgent agent, long category, long answered, long unanswered) {
    }

    private Desk desk() {
        TeamView team = data.team("repdesk");
        TestAgent lead = data.agent(Role.LEAD, team);
        TestAgent agent = data.agent(Role.AGENT, team);
        long category = categories.create(TestData.unique("Invoices")).id();
        long customer = data.customer("Report Customer").id();
        long answered = tickets.open(TicketFixtures.aNewTicket().forCustomer(customer).inTeam(team.id()).inCategory(category)
                .command(), Actor.SYSTEM).ticketId();
        long unanswered = tickets.open(TicketFixtures.aNewTicket().forCustomer(customer).inTeam(team.id()).inCategory(category)
                .command(), Actor.SYSTEM).ticketId();
        tickets.reply(answered, new TicketCommands.Reply("Voici votre facture.", TicketStatus.RESOLVED, null, List.of(),
                Channel.PHONE, false), agent.principal());
        tickets.update(unanswered, new TicketCommands.UpdateTicket(TicketStatus.RESOLVED, null, null, null, null, null, null),
                agent.principal());
        return new Desk(team, lead, agent, category, answered, unanswered);
    }

    @Test
    void theLedgerHearsTicketsAndTheirReopening() {
        Desk d = desk();
        ReportFilter f = all(d.team().id());
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            Reports.CategoryTouches c = reports.touches(f, d.lead().principal()).getFirst();
            assertThat(c.categoryId()).isEqualTo(d.category());
            assertThat(bars(c)).as("each ticket's first message, and the phone reply").isEqualTo(Map.of(1, 1L, 2, 1L));
            assertThat(reports.outcomes(f, d.lead().principal()).getFirst().noReply()).isEqualTo(1);
        });
        categories.budget(d.category(), 2, 6);
        Reports.CategoryTouches budgeted = reports.touches(f, d.lead().principal()).getFirst();
        assertThat(budgeted.expected()).as("the category's own pair is drawn on its chart").isEqualTo(2);
        assertThat(budgeted.alarm()).isEqualTo(6);
        tickets.customerWrote(d.answered(), "Ce n’est pas la bonne facture.", Channel.EMAIL, null);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            Reports.Outcome o = reports.outcomes(f, d.lead().principal()).getFirst();
            assertThat(o.reopenedWithin()).isEqualTo(1);
            assertThat(o.resolutions()).isEqualTo(2);
            assertThat(reports.backlog(f, d.lead().principal()).getFirst().open()).isEqualTo(1);
        });
    }

    @Test
    void theBackfillCountsStoredTicketsOnceAndResumes() {
        Desk d = desk();
        long tm = d.team().id();
        ReportFilter f = all(tm);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(reports.outcomes(f, d.lead().principal()).getFirst().resolutions()).isEqualTo(2));
        long open = tickets.open(TicketFixtures.aNewTicket().forCustomer(data.customer("Still Waiting").id()).inTeam(tm).command(),
                Actor.SYSTEM).ticketId();
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(reports.backlog(f, d.lead().principal()).getFirst().open()).isEqualTo(1));
        var touches = reports.touches(f, d.lead().principal());
        var outcomes = reports.outcomes(f, d.lead().principal());
        var backlog = reports.backlog(f, d.lead().principal());
        var volume = reports.volume(f, d.lead().principal());

        // as if these tickets had been stored before the ledger kept facts (an upgrade, a bulk load)
        for (String table : List.of("report_ticket", "report_resolution_day", "report_opened_day")) {
            jdbc.sql("delete from " + table + " where team_id = ?").param(tm).update();
        }
        assertThat(reports.outcomes(f, d.lead().principal())).isEmpty();
        restartBackfill(open - 1); // as if stopped half-way: tickets up to the one before the open one were done
        jdbc.sql("update report_backfill set after_id = ? where id = 1").param(Math.min(d.answered(), d.unanswered()) - 1).update();
        assertThat(backfill.run()).isTrue();
        assertThat(backfill.finished()).isTrue();
        assertThat(reports.touches(f, d.lead().principal())).isEqualTo(touches);
        assertThat(reports.outcomes(f, d.lead().principal())).as("the open ticket is past upto: heard from events only")
                .isEqualTo(outcomes);
        assertThat(reports.backlog(f, d.lead().principal()).getFirst().open()).as("the open ticket was after upto").isZero();

        // run again from the start with a higher bound: what is counted is not counted again, the rest is
        restartBackfill(null);
        assertThat(backfill.run()).isTrue();
        assertThat(reports.touches(f, d.lead().principal())).isEqualTo(touches);
        assertThat(reports.outcomes(f, d.lead().principal())).isEqualTo(outcomes);
        assertThat(reports.backlog(f, d.lead().principal())).isEqualTo(backlog);
        assertThat(reports.volume(f, d.lead().principal())).isEqualTo(volume);
    }

    private void restartBackfill(Long upto) {
        jdbc.sql("update report_backfill set after_id = 0, upto_id = ?, finished_at = null, lease_holder = null, lease_until = null where id = 1")
                .param(upto).update();
    }

    @Test
    void aLeaseHeldByAnotherNodeKeepsTheBackfillOff() {
        jdbc.sql("update report_backfill set finished_at = null, lease_holder = 'other', lease_until = ? where id = 1")
                .param(java.sql.Timestamp.from(Instant.now().plus(1, ChronoUnit.HOURS))).update();
        try {
            assertThat(backfill.run()).isFalse();
        } finally {
            jdbc.sql("update report_backfill set finished_at = ?, lease_holder = null, lease_until = null where id = 1")
                    .param(java.sql.Timestamp.from(Instant.now())).update();
        }
    }

    @Test
    void onlyLeadsOfTheTeamAndAdministratorsSeeReports() {
        Desk d = desk();
        TeamView other = data.team("repother");
        TestAgent otherLead = data.agent(Role.LEAD, other);
        ApiClient api = new ApiClient(port);
        String team = "?team=" + d.team().id();
        for (String name : Reports.NAMES) {
            var agent = api.get("/api/v1/reports/" + name).auth(bearer(data.apiToken(d.agent()))).send();
            assertThat(agent.status()).as(name + " for a plain agent").isEqualTo(403);
            var stranger = api.get("/api/v1/reports/" + name + team).auth(bearer(data.apiToken(otherLead))).send();
            assertThat(stranger.status()).as(name + " for another team's lead").isEqualTo(403);
            var lead = api.get("/api/v1/reports/" + name + team).auth(bearer(data.apiToken(d.lead()))).send();
            assertThat(lead.status()).as(name + " " + lead.body()).isEqualTo(200);
            var csv = api.get("/api/v1/reports/" + name + team).header("Accept", "text/csv").auth(bearer(data.apiToken(d.lead()))).send();
            assertThat(csv.status()).isEqualTo(200);
            assertThat(csv.contentType()).startsWith("text/csv");
            var csvDenied = api.get("/api/v1/reports/" + name).header("Accept", "text/csv").auth(bearer(data.apiToken(d.agent()))).send();
            assertThat(csvDenied.status()).isEqualTo(403);
        }
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            var csv = api.get("/api/v1/reports/touches" + team).header("Accept", "text/csv").auth(bearer(data.apiToken(d.lead()))).send();
            assertThat(csv.body()).startsWith("categoryId,category,touches,resolutions,expected,alarm\r\n")
                    .contains("\r\n" + d.category() + ",").contains(",1,1,,\r\n").contains(",2,1,,\r\n");
        });
        var bad = api.get("/api/v1/reports/outcomes?from=yesterday").auth(bearer(data.apiToken(d.lead()))).send();
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.body()).contains("\"field\":\"from\"");
        var badChannel = api.get("/api/v1/reports/volume?channel=pigeon").auth(bearer(data.apiToken(d.lead()))).send();
        assertThat(badChannel.status()).isEqualTo(400);
        assertThat(badChannel.body()).contains("\"field\":\"channel\"");
        assertThat(reports.teamsFor(data.admin())).as("an administrator sees every team").contains(d.team().id(), other.id());

        assertThat(WebSession.signedIn(port, d.agent().email(), d.agent().password()).get("/reports").status()).isEqualTo(403);
        assertThat(WebSession.signedIn(port, d.agent().email(), d.agent().password()).get("/reports/touches.csv").status()).isEqualTo(403);
        assertThat(WebSession.signedIn(port, otherLead.email(), otherLead.password()).get("/reports" + team).status()).isEqualTo(403);
        var page = WebSession.signedIn(port, d.lead().email(), d.lead().password()).get("/reports" + team);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("id=\"table-touches\"").contains("How is this counted?").contains("chart.umd.min.js");
        assertThat(WebSession.signedIn(port, d.lead().email(), d.lead().password()).get("/reports/touches.csv" + team).status())
                .isEqualTo(200);
        assertThatThrownBy(() -> reports.teamsFor(d.agent().principal())).isInstanceOf(ReportForbidden.class);
        assertThat(Optional.of(reports.forGoodDays())).contains(7);
    }

    @Test
    void theOpenApiDocumentHasEveryReport() {
        var doc = new ApiClient(port).get("/v3/api-docs").send();
        for (String name : Reports.NAMES) {
            assertThat(doc.body()).contains("/api/v1/reports/" + name);
        }
        assertThat(doc.body()).contains("text/csv");
    }
}
