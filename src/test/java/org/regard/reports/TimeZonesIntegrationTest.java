package org.regard.reports;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.regard.accounts.Role;
import org.regard.accounts.TeamView;
import org.regard.accounts.TimeZones;
import org.regard.api.ApiClient;
import org.regard.audit.AuditAction;
import org.regard.audit.AuditFilter;
import org.regard.audit.AuditLog;
import org.regard.support.IntegrationTest;
import org.regard.support.TestData;
import org.regard.support.TestData.TestAgent;
import org.regard.support.WebSession;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.regard.api.ApiClient.bearer;

/**
 * Time zones: a team's (API, page, audit, refusals), an agent's (profile, API), the reports' days in the team's zone
 * and "today" in the agent's, and the times pages show in the agent's zone.
 */
@IntegrationTest
class TimeZonesIntegrationTest {
    @LocalServerPort
    int port;
    @Autowired
    TestData data;
    @Autowired
    ReportFacts facts;
    @Autowired
    TeamDayCounter counter;
    @Autowired
    Reports reports;
    @Autowired
    TimeZones zones;
    @Autowired
    AuditLog audit;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PlatformTransactionManager txManager;

    ApiClient api;
    TestAgent admin;
    String adminToken;

    @BeforeEach
    void setUp() {
        api = new ApiClient(port, TestData.clientAddress());
        admin = data.agent(Role.ADMIN);
        adminToken = data.apiToken(admin);
    }

    @Test
    void anAdministratorGivesATeamATimeZoneThroughTheApiAndAnUnknownOneIs422NamingTheField() {
        TeamView team = data.team("zone");
        assertThat(api.get("/api/v1/teams/" + team.id()).auth(bearer(adminToken)).send().json().get("timeZone").isNull()).isTrue();

        var changed = api.patch("/api/v1/teams/" + team.id()).auth(bearer(adminToken)).json(Map.of("timeZone", "Europe/Paris")).send();
        assertThat(changed.status()).as(changed.body()).isEqualTo(200);
        assertThat(changed.json().get("timeZone").asString()).isEqualTo("Europe/Paris");
        assertThat(api.get("/api/v1/teams/" + team.id()).auth(bearer(adminToken)).send().json().get("timeZone").asString())
                .isEqualTo("Europe/Paris");
        assertThat(zones.ofTeam(team.id())).isEqualTo(ZoneId.of("Europe/Paris"));
        assertThat(audit.newest(new AuditFilter(AuditAction.TEAM_CHANGED, admin.id(), null, null), null, 5))
                .anySatisfy(e -> assertThat(e.details()).contains("time zone: desk default (UTC) → Europe/Paris"));

        var refused = api.patch("/api/v1/teams/" + team.id()).auth(bearer(adminToken))
                .json(Map.of("timeZone", "Mars/Olympus_Mons", "name", team.baseName() + " renamed")).send();
        assertThat(refused.status()).as(refused.body()).isEqualTo(422);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        JsonNode error = refused.json().get("errors").get(0);
        assertThat(error.get("field").asString()).isEqualTo("timeZone");
        var after = api.get("/api/v1/teams/" + team.id()).auth(bearer(adminToken)).send().json();
        assertThat(after.get("timeZone").asString()).as("nothing changed").isEqualTo("Europe/Paris");
        assertThat(after.get("name").asString()).as("nothing changed").isEqualTo(team.baseName());

        String name = TestData.unique("zoned");
        var badNew = api.post("/api/v1/teams").auth(bearer(adminToken)).json(Map.of("name", name, "timeZone", "Nowhere")).send();
        assertThat(badNew.status()).isEqualTo(422);
        assertThat(data.accounts().teamByName(name)).as("no team was created").isEmpty();
        var created = api.post("/api/v1/teams").auth(bearer(adminToken)).json(Map.of("name", name, "timeZone", "Asia/Ho_Chi_Minh")).send();
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.json().get("timeZone").asString()).isEqualTo("Asia/Ho_Chi_Minh");

        var back = api.patch("/api/v1/teams/" + team.id()).auth(bearer(adminToken)).json(Map.of("timeZone", "")).send();
        assertThat(back.json().get("timeZone").isNull()).as("empty: the desk's default again").isTrue();
        assertThat(zones.ofTeam(team.id())).isEqualTo(zones.desk());
    }

    @Test
    void theTeamsPageShowsAndChangesTheZoneAndRefusesAnUnknownOne() {
        TeamView team = data.team("zonepage");
        WebSession session = WebSession.signedIn(port, admin.email(), admin.password(), "en");
        assertThat(session.get("/admin/teams").body()).contains("id=\"team-zone-" + team.id() + "\"");
        var saved = session.post("/admin/teams/" + team.id() + "/time-zone", "timeZone", "America/New_York");
        assertThat(saved.status()).isEqualTo(302);
        assertThat(zones.ofTeam(team.id())).isEqualTo(ZoneId.of("America/New_York"));
        assertThat(session.get("/admin/teams").valueOf("team-zone-" + team.id())).isEqualTo("America/New_York");
        var refused = session.post("/admin/teams/" + team.id() + "/time-zone", "timeZone", "Atlantis/Capital");
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body()).contains("id=\"team-zone-error-" + team.id() + "\"");
        assertThat(refused.valueOf("team-zone-" + team.id())).as("what was typed is shown again").isEqualTo("Atlantis/Capital");
        assertThat(zones.ofTeam(team.id())).isEqualTo(ZoneId.of("America/New_York"));
    }

    @Test
    void anAgentCannotChangeATeamsZoneNorAnotherAgentsZone() {
        TeamView team = data.team("zonedeny");
        TestAgent agent = data.agent(Role.AGENT, team);
        TestAgent lead = data.agent(Role.LEAD, team);
        TestAgent other = data.agent(Role.AGENT, team);
        for (TestAgent who : new TestAgent[]{agent, lead}) {
            String token = data.apiToken(who);
            assertThat(api.patch("/api/v1/teams/" + team.id()).auth(bearer(token)).json(Map.of("timeZone", "Europe/Paris")).send()
                    .status()).isEqualTo(403);
            assertThat(api.patch("/api/v1/agents/" + other.id()).auth(bearer(token)).json(Map.of("timeZone", "Europe/Paris")).send()
                    .status()).isEqualTo(403);
            WebSession session = WebSession.signedIn(port, who.email(), who.password(), "en");
            assertThat(session.post("/admin/teams/" + team.id() + "/time-zone", "timeZone", "Europe/Paris").status()).isEqualTo(403);
            // the profile form changes the signed-in agent's own zone, whatever else is sent
            assertThat(session.post("/profile/time-zone", "timeZone", "Asia/Tokyo", "agentId", String.valueOf(other.id())).status())
                    .isEqualTo(302);
            assertThat(data.accounts().agent(who.id()).orElseThrow().timeZone()).isEqualTo("Asia/Tokyo");
        }
        assertThat(zones.ofTeam(team.id())).isEqualTo(zones.desk());
        assertThat(data.accounts().agent(other.id()).orElseThrow().timeZone()).isNull();
    }

    @Test
    void anAgentChoosesTheirZoneOnTheProfileAndTheApiShowsIt() {
        TeamView team = data.team("zoneprof");
        TestAgent agent = data.agent(Role.AGENT, team);
        api.patch("/api/v1/teams/" + team.id()).auth(bearer(adminToken)).json(Map.of("timeZone", "Europe/Berlin")).send();
        assertThat(zones.ofAgent(agent.id())).as("none of their own: their first team's").isEqualTo(ZoneId.of("Europe/Berlin"));

        WebSession session = WebSession.signedIn(port, agent.email(), agent.password(), "en");
        assertThat(session.get("/profile").body()).contains("id=\"profile-zone\"").contains("Europe/Berlin");
        var refused = session.post("/profile/time-zone", "timeZone", "Europe/Atlantis");
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body()).contains("id=\"profile-zone-error\"");
        assertThat(session.post("/profile/time-zone", "timeZone", "Asia/Ho_Chi_Minh").status()).isEqualTo(302);
        assertThat(zones.ofAgent(agent.id())).isEqualTo(ZoneId.of("Asia/Ho_Chi_Minh"));

        JsonNode shown = api.get("/api/v1/agents/" + agent.id()).auth(bearer(adminToken)).send().json();
        assertThat(shown.get("timeZone").asString()).isEqualTo("Asia/Ho_Chi_Minh");
        var bad = api.patch("/api/v1/agents/" + agent.id()).auth(bearer(adminToken)).json(Map.of("timeZone", "Pacific/Nowhere")).send();
        assertThat(bad.status()).isEqualTo(422);
        assertThat(bad.json().get("errors").get(0).get("field").asString()).isEqualTo("timeZone");
        java.util.HashMap<String, Object> clear = new java.util.HashMap<>();
        clear.put("timeZone", null);
        var cleared = api.patch("/api/v1/agents/" + agent.id()).auth(bearer(adminToken)).json(clear).send();
        assertThat(cleared.status()).as(cleared.body()).isEqualTo(200);
        assertThat(cleared.json().get("timeZone").isNull()).isTrue();
        assertThat(zones.ofAgent(agent.id())).as("their team's again").isEqualTo(ZoneId.of("Europe/Berlin"));
    }

    @Test
    void pagesShowTimesInTheSignedInAgentsZone() {
        api.patch("/api/v1/agents/" + admin.id()).auth(bearer(adminToken)).json(Map.of("timeZone", "Asia/Ho_Chi_Minh")).send();
        String body = WebSession.signedIn(port, admin.email(), admin.password(), "en").get("/admin/audit").body();
        Matcher m = Pattern.compile("<time datetime=\"([^\"]+)\">([^<]+)</time>").matcher(body);
        DateTimeFormatter exact = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneId.of("Asia/Ho_Chi_Minh"));
        int seen = 0;
        while (m.find()) {
            assertThat(m.group(2)).isEqualTo(exact.format(Instant.parse(m.group(1))));
            seen++;
        }
        assertThat(seen).as("the audit log lists entries").isPositive();
    }

    @Test
    void aFactsDayIsTheTeamsDayWhenItIsRecordedAndKeepsItWhenTheZoneChanges() {
        TeamView paris = data.team("paris");
        TeamView utc = data.team("utc");
        TestAgent lead = data.agent(Role.LEAD, paris, utc);
        api.patch("/api/v1/teams/" + paris.id()).auth(bearer(adminToken)).json(Map.of("timeZone", "Europe/Paris")).send();
        LocalDate day = LocalDate.of(2026, 1, 15);
        Instant lateEvening = Instant.parse("2026-01-15T23:30:00Z");
        long base = 9_000_000_000L + ThreadLocalRandom.current().nextLong(1_000_000_000L);
        inTx(() -> {
            facts.opened(base + 1, paris.id(), "EMAIL", "fr", lateEvening);
            facts.opened(base + 2, utc.id(), "EMAIL", "fr", lateEvening);
            counter.increment(paris.id(), lateEvening, TeamDayCounter.Counter.TOUCHES_IN);
        });
        assertThat(openedDays(paris.id())).as("23:30 UTC is 00:30 the next day in Paris").containsExactly(day.plusDays(1) + "=1/1");
        assertThat(openedDays(utc.id())).containsExactly(day + "=1/1");
        assertThat(jdbc.sql("select activity_day from team_day_activity where team_id = ?").param(paris.id())
                .query(LocalDate.class).list()).containsExactly(day.plusDays(1));
        ReportFilter january = new ReportFilter(day.plusDays(1), day.plusDays(1), paris.id(), null, null, null);
        assertThat(reports.volume(january, lead.principal())).singleElement().satisfies(v -> assertThat(v.opened()).isEqualTo(1));

        // the team moves to UTC: the resolution counts on the new zone's day; the backlog row it leaves is the one it was counted on
        api.patch("/api/v1/teams/" + paris.id()).auth(bearer(adminToken)).json(Map.of("timeZone", "UTC")).send();
        inTx(() -> facts.resolved(base + 1, paris.id(), null, 1, 1, Instant.parse("2026-01-20T23:30:00Z")));
        assertThat(openedDays(paris.id())).as("left the backlog from its own row").containsExactly(day.plusDays(1) + "=1/0");
        assertThat(jdbc.sql("select resolved_day from report_resolution_day where team_id = ?").param(paris.id())
                .query(LocalDate.class).list()).containsExactly(LocalDate.of(2026, 1, 20));
        // a reopening counts against the resolution's row, on the day it was counted
        api.patch("/api/v1/teams/" + paris.id()).auth(bearer(adminToken)).json(Map.of("timeZone", "Pacific/Kiritimati")).send();
        inTx(() -> facts.reopened(base + 1, Instant.parse("2026-01-21T10:00:00Z")));
        assertThat(jdbc.sql("select resolved_day, reopened_within from report_resolution_day where team_id = ?").param(paris.id())
                .query((rs, n) -> rs.getObject(1, LocalDate.class) + "=" + rs.getInt(2)).list()).containsExactly("2026-01-20=1");
        assertThat(openedDays(paris.id())).containsExactly(day.plusDays(1) + "=1/1");
    }

    @Test
    void theReportsTodayIsTheAgentsDayAndThePageSaysWhichZones() {
        TeamView team = data.team("zonetoday");
        TestAgent lead = data.agent(Role.LEAD, team);
        api.patch("/api/v1/teams/" + team.id()).auth(bearer(adminToken)).json(Map.of("timeZone", "Europe/Paris")).send();
        for (String zone : new String[]{"Pacific/Kiritimati", "Pacific/Pago_Pago"}) {
            api.patch("/api/v1/agents/" + lead.id()).auth(bearer(adminToken)).json(Map.of("timeZone", zone)).send();
            LocalDate before = LocalDate.now(ZoneId.of(zone));
            LocalDate today = reports.today(lead.principal());
            assertThat(today).isBetween(before, LocalDate.now(ZoneId.of(zone)));
        }
        assertThat(LocalDate.now(ZoneId.of("Pacific/Kiritimati"))).as("+14 and -11 are never the same day")
                .isNotEqualTo(LocalDate.now(ZoneId.of("Pacific/Pago_Pago")));
        String page = WebSession.signedIn(port, lead.email(), lead.password(), "en").get("/reports").body();
        assertThat(page).contains("id=\"reports-zones\"").contains("(Europe/Paris)").contains("Pacific/Pago_Pago");
        LocalDate today = LocalDate.now(ZoneId.of("Pacific/Pago_Pago"));
        assertThat(page).as("the default range ends on the agent's today").contains("value=\"" + today + "\"");
    }

    private java.util.List<String> openedDays(long teamId) {
        return jdbc.sql("select opened_day, opened, still_open from report_opened_day where team_id = ? order by opened_day")
                .param(teamId).query((rs, n) -> rs.getObject(1, LocalDate.class) + "=" + rs.getInt(2) + "/" + rs.getInt(3)).list();
    }

    private void inTx(Runnable r) {
        new TransactionTemplate(txManager).executeWithoutResult(s -> r.run());
    }
}
