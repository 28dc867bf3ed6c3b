package org.regard.procedures;

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
import org.regard.tickets.Tickets;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.regard.api.ApiClient.bearer;

/** Retiring a procedure: new tickets no longer get it, tickets following it keep it, the category is free again. */
@IntegrationTest
class ProcedureRetireIntegrationTest {
    @LocalServerPort
    int port;
    @Autowired
    TestData data;
    @Autowired
    Categories categories;
    @Autowired
    Tickets tickets;
    @Autowired
    JdbcClient jdbc;

    record Desk(TeamView team, TestAgent lead, TestAgent agent, long category, long procedure) {
    }

    private ApiClient api() {
        return new ApiClient(port);
    }

    private Desk desk() {
        TeamView team = data.team("retire");
        TestAgent lead = data.agent(Role.LEAD, team);
        TestAgent agent = data.agent(Role.AGENT, team);
        long category = categories.create(TestData.unique("Warranty")).id();
        long procedure = publish(lead, team, category, "Old warranty step");
        return new Desk(team, lead, agent, category, procedure);
    }

    private long publish(TestAgent author, TeamView team, long category, String step) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("team", team.id());
        body.put("categories", List.of(category));
        body.put("sourceLanguage", "en");
        body.put("titles", Map.of("en", TestData.unique("Warranty procedure")));
        body.put("steps", List.of(Map.of("texts", Map.of("en", step))));
        var created = api().post("/api/v1/procedures").auth(bearer(data.apiToken(author))).json(body).send();
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().get("id").asLong();
    }

    private long ticket(Desk desk) {
        long customer = data.customer("Retire Customer").id();
        return tickets.open(TicketFixtures.aNewTicket().forCustomer(customer).inTeam(desk.team().id())
                .inCategory(desk.category()).command(), Actor.SYSTEM).ticketId();
    }

    private ApiClient.Reply checklist(Desk desk, long ticket) {
        return api().get("/api/v1/tickets/" + ticket + "/checklist").auth(bearer(data.apiToken(desk.agent()))).send();
    }

    @Test
    void aLeadRetiresItOverTheApiAndOnlyTicketsAlreadyFollowingItKeepIt() {
        Desk desk = desk();
        long following = ticket(desk);
        assertThat(checklist(desk, following).json().get("procedure").asLong()).isEqualTo(desk.procedure());

        var retired = api().post("/api/v1/procedures/" + desk.procedure() + "/retire").auth(bearer(data.apiToken(desk.lead()))).send();
        assertThat(retired.status()).as(retired.body()).isEqualTo(200);
        assertThat(retired.json().get("retiredAt").isNull()).isFalse();
        assertThat(retired.json().get("retiredBy").asLong()).isEqualTo(desk.lead().id());
        var again = api().post("/api/v1/procedures/" + desk.procedure() + "/retire").auth(bearer(data.apiToken(desk.lead()))).send();
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.contentType()).startsWith("application/problem+json");

        // the ticket that followed it keeps its checklist; a new ticket of the category gets none
        assertThat(checklist(desk, following).json().get("procedure").asLong()).isEqualTo(desk.procedure());
        long fresh = ticket(desk);
        var none = checklist(desk, fresh);
        assertThat(none.status()).as(none.body()).isIn(200, 204, 404);
        assertThat(none.body()).doesNotContain("Old warranty step");

        // the category is free: a new procedure takes it; the old ticket still follows the retired one
        long successor = publish(desk.lead(), desk.team(), desk.category(), "New warranty step");
        assertThat(checklist(desk, fresh).json().get("procedure").asLong()).isEqualTo(successor);
        assertThat(checklist(desk, following).json().get("procedure").asLong()).isEqualTo(desk.procedure());
        assertThat(checklist(desk, following).body()).contains("Old warranty step");

        // publishing a version of a retired procedure is refused
        Map<String, Object> next = new LinkedHashMap<>();
        next.put("categories", List.of(categories.create(TestData.unique("Other")).id()));
        next.put("sourceLanguage", "en");
        next.put("titles", Map.of("en", "Again"));
        next.put("steps", List.of(Map.of("texts", Map.of("en", "x"))));
        assertThat(api().post("/api/v1/procedures/" + desk.procedure() + "/versions").auth(bearer(data.apiToken(desk.lead())))
                .json(next).send().status()).isEqualTo(409);

        var listed = api().get("/api/v1/procedures").auth(bearer(data.apiToken(desk.agent()))).send();
        listed.json().forEach(p -> {
            if (p.get("id").asLong() == desk.procedure()) {
                assertThat(p.get("retiredAt").isNull()).isFalse();
            }
        });
        assertThat(jdbc.sql("select count(*) from audit_entry where target_type = 'procedure' and target_id = ? and details like 'retired%'")
                .param(String.valueOf(desk.procedure())).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void plainAgentsAndOtherTeamsLeadsAreRefused() {
        Desk desk = desk();
        TestAgent otherLead = data.agent(Role.LEAD, data.team("retire-other"));
        for (TestAgent who : List.of(desk.agent(), otherLead)) {
            assertThat(api().post("/api/v1/procedures/" + desk.procedure() + "/retire").auth(bearer(data.apiToken(who))).send()
                    .status()).isEqualTo(403);
            WebSession session = WebSession.signedIn(port, who.email(), who.password());
            assertThat(session.post("/procedures/" + desk.procedure() + "/retire").status()).isEqualTo(403);
            assertThat(session.get("/procedures/" + desk.procedure()).body()).doesNotContain("id=\"procedure-retire\"");
        }
        assertThat(api().post("/api/v1/procedures/999999999/retire").auth(bearer(data.apiToken(desk.lead()))).send().status())
                .isEqualTo(404);
        assertThat(jdbc.sql("select count(*) from team_procedure where id = ? and retired_at is null").param(desk.procedure())
                .query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void anAdministratorRetiresItOnItsPageAndTheListShowsItApart() {
        Desk desk = desk();
        TestAgent admin = data.agent(Role.ADMIN, "fr");
        WebSession session = WebSession.signedIn(port, admin.email(), admin.password());
        var page = session.get("/procedures/" + desk.procedure());
        assertThat(page.body()).contains("id=\"procedure-retire\"", "Retirer");
        var retired = session.post("/procedures/" + desk.procedure() + "/retire");
        assertThat(retired.status()).isEqualTo(302);
        var after = session.get("/procedures/" + desk.procedure());
        assertThat(after.body()).contains("La procédure a été retirée.", "id=\"procedure-retired\"")
                .doesNotContain("id=\"procedure-retire\"", "id=\"procedure-edit\"");
        assertThat(session.get("/procedures/" + desk.procedure() + "/edit").status()).isEqualTo(409);
        assertThat(session.post("/procedures/" + desk.procedure() + "/retire").status()).isEqualTo(409);
        var list = session.get("/procedures");
        String retiredSection = list.body().substring(list.body().indexOf("id=\"procedures-retired\""));
        assertThat(retiredSection).contains("id=\"procedure-row-" + desk.procedure() + "\"");
        assertThat(list.body().substring(0, list.body().indexOf("id=\"procedures-retired\"")))
                .doesNotContain("id=\"procedure-row-" + desk.procedure() + "\"");
    }
}
