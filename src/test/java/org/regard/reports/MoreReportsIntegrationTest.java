package org.regard.reports;

import org.junit.jupiter.api.Test;
import org.regard.accounts.Actor;
import org.regard.accounts.Role;
import org.regard.accounts.TeamView;
import org.regard.api.ApiClient;
import org.regard.ratings.RatingEvents.RatingGiven;
import org.regard.ratings.Score;
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
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;
import static org.regard.api.ApiClient.bearer;

/**
 * The flags, touches per purchase and satisfaction reports against hand-counted histories, heard from events, counted
 * by the backfill, and who may see them.
 */
@IntegrationTest
class MoreReportsIntegrationTest {
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
    @Autowired
    ApplicationEventPublisher events;

    private static final LocalDate TODAY = LocalDate.now(ZoneOffset.UTC);

    private static Instant daysAgo(int days) {
        return TODAY.minusDays(days).atTime(10, 0).toInstant(ZoneOffset.UTC);
    }

    private void inTx(Runnable r) {
        new TransactionTemplate(txManager).executeWithoutResult(s -> r.run());
    }

    private static ReportFilter all(long team) {
        return new ReportFilter(TODAY.minusDays(30), TODAY, team, null, null, null);
    }

    private static long base() {
        return 8_000_000_000L + ThreadLocalRandom.current().nextLong(1_000_000_000L);
    }

    /**
     * By hand: f1 flagged ALARM 5 days ago, cause "policy" noted; f2 flagged BAD_RATING 5 days ago (heard twice), no cause;
     * f1 flagged ALARM again 2 days ago, cause "unclear_answer" noted, first "other" then changed.
     */
    @Test
    void flagsCountEachFlagOnceUnderItsLatestCause() {
        TeamView team = data.team("flags");
        TestAgent lead = data.agent(Role.LEAD, team);
        long tm = team.id();
        long b = base(), f1 = b + 1, f2 = b + 2;
        inTx(() -> {
            facts.opened(f1, tm, "EMAIL", "fr", daysAgo(9));
            facts.opened(f2, tm, "PHONE", "de", daysAgo(9));
            facts.flagged(f1, tm, null, "ALARM", daysAgo(5));
            facts.rootCauseNoted(f1, "policy", daysAgo(4));
            facts.flagged(f2, tm, null, "BAD_RATING", daysAgo(5));
            facts.flagged(f2, tm, null, "BAD_RATING", daysAgo(5)); // heard again: counts once
            facts.flagged(f1, tm, null, "ALARM", daysAgo(2));
            facts.rootCauseNoted(f1, "other", daysAgo(1));
            facts.rootCauseNoted(f1, "unclear_answer", daysAgo(1));
        });
        assertThat(reports.flags(all(tm), lead.principal()))
                .extracting(Reports.FlagDay::day, Reports.FlagDay::reason, Reports.FlagDay::rootCause, Reports.FlagDay::flags)
                .containsExactly(
                        tuple(TODAY.minusDays(5), "ALARM", "policy", 1L),
                        tuple(TODAY.minusDays(5), "BAD_RATING", "", 1L),
                        tuple(TODAY.minusDays(2), "ALARM", "unclear_answer", 1L));
        ReportFilter german = new ReportFilter(TODAY.minusDays(30), TODAY, tm, null, null, "de");
        assertThat(reports.flags(german, lead.principal())).extracting(Reports.FlagDay::reason).containsExactly("BAD_RATING");
        ReportFilter lastThree = new ReportFilter(TODAY.minusDays(3), TODAY, tm, null, null, null);
        assertThat(reports.flags(lastThree, lead.principal())).extracting(Reports.FlagDay::rootCause).containsExactly("unclear_answer");
    }

    /**
     * By hand: ORD-1: p1 (3 touches, referenced before its resolution 10 days ago) and p2 (4 touches, resolved 8 days ago,
     * referenced after); ORD-2: p3 (resolved with 2, reopened, resolved again 4 days ago with 5: its latest counts) and p4
     * (1 touch, resolved 3 days ago, then merged into another ticket: counts for nothing); p5 resolved with ORD-3 whose
     * reference was cleared; p6 referenced ORD-3, never resolved. So: ORD-1 2 tickets 7 touches, ORD-2 1 ticket 5.
     */
    @Test
    void touchesPerPurchaseAddUpTheTicketsSharingAReference() {
        TeamView team = data.team("purch");
        TestAgent lead = data.agent(Role.LEAD, team);
        long tm = team.id();
        long b = base(), p1 = b + 1, p2 = b + 2, p3 = b + 3, p4 = b + 4, p5 = b + 5, p6 = b + 6;
        String ord1 = "ORD-1-" + b, ord2 = "ORD-2-" + b, ord3 = "ORD-3-" + b;
        inTx(() -> {
            for (long p : List.of(p1, p2, p3, p4, p5, p6)) {
                facts.opened(p, tm, "EMAIL", "fr", daysAgo(12));
            }
            facts.purchaseReferenced(p1, ord1, daysAgo(11));
            facts.resolved(p1, tm, null, 3, 1, daysAgo(10));
            facts.resolved(p2, tm, null, 4, 2, daysAgo(8));
            facts.purchaseReferenced(p2, ord1, daysAgo(7));
            facts.purchaseReferenced(p3, ord2, daysAgo(11));
            facts.resolved(p3, tm, null, 2, 1, daysAgo(6));
            facts.reopened(p3, daysAgo(5));
            facts.resolved(p3, tm, null, 5, 2, daysAgo(4));
            facts.purchaseReferenced(p4, ord2, daysAgo(11));
            facts.resolved(p4, tm, null, 1, 0, daysAgo(3));
            facts.mergedAway(p4);
            facts.purchaseReferenced(p5, ord3, daysAgo(11));
            facts.resolved(p5, tm, null, 6, 3, daysAgo(2));
            facts.purchaseReferenced(p5, null, daysAgo(1));
            facts.purchaseReferenced(p6, ord3, daysAgo(1));
        });
        Reports.PurchaseReport r = reports.purchases(all(tm), lead.principal());
        assertThat(r.purchases()).isEqualTo(2);
        assertThat(r.tickets()).as("p1, p2, p3").isEqualTo(3);
        assertThat(r.meanPerPurchase()).isEqualTo(6.0);
        assertThat(r.meanPerTicket()).isEqualTo(4.0);
        Map<Integer, List<Long>> bars = r.bars().stream().filter(x -> x.purchases() > 0 || x.tickets() > 0)
                .collect(Collectors.toMap(Reports.PurchaseBar::touches, x -> List.of(x.purchases(), x.tickets())));
        assertThat(bars).isEqualTo(Map.of(3, List.of(0L, 1L), 4, List.of(0L, 1L), 5, List.of(1L, 1L), 7, List.of(1L, 0L)));
        assertThat(r.top()).extracting(Reports.Purchase::purchaseRef, Reports.Purchase::tickets, Reports.Purchase::touches)
                .containsExactly(tuple(ord1, 2L, 7L), tuple(ord2, 1L, 5L));

        ReportFilter lastWeek = new ReportFilter(TODAY.minusDays(7), TODAY, tm, null, null, null);
        Reports.PurchaseReport week = reports.purchases(lastWeek, lead.principal());
        assertThat(week.top()).as("ORD-1's latest resolution was 8 days ago").extracting(Reports.Purchase::purchaseRef)
                .containsExactly(ord2);
        assertThat(week.tickets()).isEqualTo(1);

        ReportTable csv = ReportTable.of("top-purchases", reports, all(tm), lead.principal());
        assertThat(csv.csv()).startsWith("purchaseRef,tickets,touches\r\n" + ord1 + ",2,7\r\n");
    }

    /**
     * By hand (window 7 days): s1 (tier gold, fr) resolved 20 days ago, rated good then changed to bad: one bad rating; s2
     * (no tier, de) resolved 20 days ago, rated good, reopened 3 days later: not resolved for good; s3 (gold, fr) resolved
     * 2 days ago, rated okay: not settled yet. An older answer heard late changes nothing.
     */
    @Test
    void satisfactionCountsTheLatestAnswerOfEachRequestOnce() {
        TeamView team = data.team("satis");
        TestAgent lead = data.agent(Role.LEAD, team);
        long tm = team.id();
        long b = base(), s1 = b + 1, s2 = b + 2, s3 = b + 3;
        inTx(() -> {
            facts.opened(s1, tm, "EMAIL", "fr", "gold", daysAgo(21));
            facts.opened(s2, tm, "EMAIL", "de", "", daysAgo(21));
            facts.opened(s3, tm, "WEB", "fr", "gold", daysAgo(3));
            facts.resolved(s1, tm, null, 2, 1, daysAgo(20));
            facts.resolved(s2, tm, null, 2, 1, daysAgo(20));
            facts.resolved(s3, tm, null, 2, 1, daysAgo(2));
            facts.rated(new ReportFacts.Answer(b + 101, s1, tm, "GOOD", daysAgo(20), daysAgo(19)));
            facts.rated(new ReportFacts.Answer(b + 101, s1, tm, "BAD", daysAgo(20), daysAgo(18)));
            facts.rated(new ReportFacts.Answer(b + 101, s1, tm, "GOOD", daysAgo(20), daysAgo(19))); // an older click, late
            facts.rated(new ReportFacts.Answer(b + 102, s2, tm, "GOOD", daysAgo(20), daysAgo(19)));
            facts.reopened(s2, daysAgo(17));
            facts.rated(new ReportFacts.Answer(b + 103, s3, tm, "OKAY", daysAgo(2), daysAgo(1)));
        });
        Map<String, Reports.Satisfaction> by = reports.satisfaction(all(tm), lead.principal()).stream()
                .collect(Collectors.toMap(s -> s.dimension() + ":" + s.key(), s -> s));
        Reports.Satisfaction all = by.get("team:" + tm);
        assertThat(List.of(all.ratings(), all.good(), all.okay(), all.bad(), all.settled(), all.resolvedForGood()))
                .isEqualTo(List.of(3L, 1L, 1L, 1L, 2L, 1L));
        assertThat(all.goodShare()).isEqualTo(33.3);
        assertThat(all.resolvedForGoodRate()).isEqualTo(50.0);
        Reports.Satisfaction gold = by.get("tier:gold");
        assertThat(List.of(gold.ratings(), gold.good(), gold.okay(), gold.bad(), gold.settled(), gold.resolvedForGood()))
                .isEqualTo(List.of(2L, 0L, 1L, 1L, 1L, 1L));
        Reports.Satisfaction noTier = by.get("tier:");
        assertThat(List.of(noTier.ratings(), noTier.good(), noTier.resolvedForGood())).isEqualTo(List.of(1L, 1L, 0L));
        assertThat(by.get("language:fr").ratings()).isEqualTo(2);
        assertThat(by.get("language:de").ratings()).isEqualTo(1);
        assertThat(by.get("category:0").ratings()).as("no category").isEqualTo(3);
        ReportFilter web = new ReportFilter(TODAY.minusDays(30), TODAY, tm, null, "WEB", null);
        assertThat(reports.satisfaction(web, lead.principal())).filteredOn(s -> s.dimension().equals("team"))
                .extracting(Reports.Satisfaction::okay).containsExactly(1L);
    }

    /**
     * Real tickets through the events: both resolved and referencing one purchase, one flagged and its cause noted, a rated
     * one (the answer changed once); then, as if stored before the reports kept any of it, the backfill counts the same.
     */
    @Test
    void theLedgerHearsFlagsPurchasesAndRatingsAndTheBackfillCountsTheSame() {
        TeamView team = data.team("morebf");
        TestAgent lead = data.agent(Role.LEAD, team);
        TestAgent agent = data.agent(Role.AGENT, team);
        long tm = team.id();
        long customer = data.customer("Purchase Customer").id();
        long answered = tickets.open(TicketFixtures.aNewTicket().forCustomer(customer).inTeam(tm).command(), Actor.SYSTEM).ticketId();
        long other = tickets.open(TicketFixtures.aNewTicket().forCustomer(customer).inTeam(tm).command(), Actor.SYSTEM).ticketId();
        long duplicate = tickets.open(TicketFixtures.aNewTicket().forCustomer(customer).inTeam(tm).command(), Actor.SYSTEM).ticketId();
        String ref = "ORD-" + base();
        for (long t : List.of(answered, other, duplicate)) {
            tickets.referPurchase(t, ref, agent.principal());
        }
        tickets.merge(duplicate, other, lead.principal());
        tickets.reply(answered, new TicketCommands.Reply("C’est réglé.", TicketStatus.RESOLVED, null, List.of(), Channel.PHONE, false),
                agent.principal());
        tickets.update(other, new TicketCommands.UpdateTicket(TicketStatus.RESOLVED, null, null, null, null, null, null),
                agent.principal());
        assertThat(tickets.flag(answered, "ALARM")).isTrue();
        tickets.noteRootCause(answered, "policy", lead.principal());
        Instant resolvedAt = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        // the customer's answer as the ratings module stores it (good first, then changed to bad), and its two events
        jdbc.sql("""
                        insert into rating_request (ticket_id, team_id, resolved_at, due_epoch, state, sent_at, score, answered_at)
                        values (?, ?, ?, 0, 'SENT', ?, 'BAD', ?)""")
                .params(answered, tm, Timestamp.from(resolvedAt), Timestamp.from(resolvedAt), Timestamp.from(resolvedAt.plusSeconds(60)))
                .update();
        long request = jdbc.sql("select max(id) from rating_request where ticket_id = ? and score = 'BAD'").param(answered)
                .query(Long.class).single();
        inTx(() -> events.publishEvent(new RatingGiven(request, answered, tm, Score.GOOD, false, resolvedAt, resolvedAt.plusSeconds(30))));
        inTx(() -> events.publishEvent(new RatingGiven(request, answered, tm, Score.BAD, false, resolvedAt, resolvedAt.plusSeconds(60))));

        ReportFilter f = all(tm);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            assertThat(reports.flags(f, lead.principal())).extracting(Reports.FlagDay::reason, Reports.FlagDay::rootCause,
                    Reports.FlagDay::flags).containsExactly(tuple("ALARM", "policy", 1L));
            Reports.PurchaseReport p = reports.purchases(f, lead.principal());
            // answered: its first message and the phone reply; other: its first message and the duplicate's, merged in
            assertThat(p.top()).extracting(Reports.Purchase::purchaseRef, Reports.Purchase::tickets, Reports.Purchase::touches)
                    .containsExactly(tuple(ref, 2L, 4L));
            assertThat(reports.satisfaction(f, lead.principal())).filteredOn(s -> s.dimension().equals("team"))
                    .extracting(Reports.Satisfaction::ratings, Reports.Satisfaction::bad).containsExactly(tuple(1L, 1L));
        });
        var flags = reports.flags(f, lead.principal());
        var purchases = reports.purchases(f, lead.principal());
        var satisfaction = reports.satisfaction(f, lead.principal());

        // as if all of it had been stored before the reports kept it (an upgrade)
        for (String table : List.of("report_ticket", "report_resolution_day", "report_opened_day", "report_flag_day",
                "report_purchase", "report_purchase_ticket", "report_rating", "report_rating_day")) {
            jdbc.sql("delete from " + table + " where team_id = ?").param(tm).update();
        }
        assertThat(reports.flags(f, lead.principal())).isEmpty();
        for (int round = 0; round < 2; round++) { // the second round counts nothing twice
            for (String table : List.of(ReportBackfill.FIRST, ReportBackfill.MORE)) {
                jdbc.sql("update " + table + " set after_id = ?, upto_id = null, finished_at = null, lease_holder = null,"
                        + " lease_until = null where id = 1").param(answered - 1).update();
            }
            assertThat(backfill.run()).isTrue();
            assertThat(backfill.runMore()).isTrue();
            assertThat(backfill.finished(ReportBackfill.MORE)).isTrue();
            assertThat(reports.flags(f, lead.principal())).isEqualTo(flags);
            assertThat(reports.purchases(f, lead.principal())).isEqualTo(purchases);
            assertThat(reports.satisfaction(f, lead.principal())).isEqualTo(satisfaction);
        }

        // the page shows the new sections, links the Flagged view, and denies a plain agent
        var page = WebSession.signedIn(port, lead.email(), lead.password()).get("/reports?team=" + tm);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("id=\"table-flags\"").contains("id=\"table-purchases\"")
                .contains("id=\"table-top-purchases\"").contains("id=\"table-satisfaction\"").contains("view=FLAGGED")
                .contains("id=\"csv-satisfaction\"");
        ApiClient api = new ApiClient(port);
        var csv = api.get("/api/v1/reports/flags?team=" + tm).header("Accept", "text/csv").auth(bearer(data.apiToken(lead))).send();
        assertThat(csv.body()).startsWith("day,reason,rootCause,flags\r\n").contains(",ALARM,policy,1\r\n");
        assertThat(api.get("/api/v1/reports/satisfaction").auth(bearer(data.apiToken(agent))).send().status()).isEqualTo(403);
        var bad = api.get("/api/v1/reports/purchases?team=abc").auth(bearer(data.apiToken(lead))).send();
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.body()).contains("\"field\":\"team\"");
    }
}
