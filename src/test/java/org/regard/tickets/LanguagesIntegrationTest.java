package org.regard.tickets;

import org.regard.accounts.Actor;
import org.junit.jupiter.api.Test;
import org.regard.accounts.AgentAdministration;
import org.regard.accounts.Role;
import org.regard.accounts.TeamView;
import org.regard.api.ApiClient;
import org.regard.customers.Customers;
import org.regard.support.IntegrationTest;
import org.regard.support.TestData;
import org.regard.support.WebSession;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.regard.api.ApiClient.bearer;

/**
 * The languages customers write in: each customer message carries its detected language, the first confident one
 * becomes the customer's unless an agent chose it, teams that opt in get new tickets routed to a member who speaks
 * it, and the inbox filters by it.
 */
@IntegrationTest
class LanguagesIntegrationTest {
    @LocalServerPort
    int port;
    @Autowired
    Tickets tickets;
    @Autowired
    TicketQueries queries;
    @Autowired
    Customers customers;
    @Autowired
    AgentAdministration administration;
    @Autowired
    TestData data;

    @Test
    void eachCustomerMessageCarriesItsLanguageAndTheFirstConfidentOneBecomesTheCustomers() {
        TeamView team = data.team("lang");
        var agent = data.agent(Role.AGENT, team);
        var customer = data.customer("Élodie Martin");

        long id = open(customer.id(), team, "Bonjour, ma commande n'est pas arrivée depuis deux semaines.", agent);
        tickets.reply(id, "We are looking into it.", null, null, agent.principal());
        tickets.customerWrote(id, "Hallo, haben Sie schon etwas gefunden?", Channel.EMAIL, null);

        var messages = queries.detail(id, agent.principal()).messages();
        assertThat(messages).extracting(TicketQueries.MessageView::language).containsExactly("fr", null, "de");
        var learned = customers.customer(customer.id()).orElseThrow();
        assertThat(learned.language()).as("the first confident detection stays").isEqualTo("fr");
        assertThat(learned.languageSetByAgent()).isFalse();
    }

    @Test
    void aCustomerWithoutALanguageYetLearnsItFromALaterMessageWhenTheFirstWasTooShort() {
        TeamView team = data.team("lang");
        var agent = data.agent(Role.AGENT, team);
        var customer = data.customer("Nguyễn Văn An");

        long id = open(customer.id(), team, "ok", agent);
        assertThat(customers.customer(customer.id()).orElseThrow().language()).isNull();

        tickets.customerWrote(id, "Máy in vẫn không hoạt động, bạn có thể giúp tôi không?", Channel.WEB, null);
        assertThat(customers.customer(customer.id()).orElseThrow().language()).isEqualTo("vi");
    }

    @Test
    void aLanguageAnAgentChoseIsNeverOverwrittenByDetection() {
        TeamView team = data.team("lang");
        var agent = data.agent(Role.AGENT, team);
        var customer = data.customer("Jonas Weber");
        customers.update(customer.id(), new Customers.CustomerChanges(customer.name(), customer.emails(), "en", null,
                null, null, customer.version()), Actor.SYSTEM);
        assertThat(customers.customer(customer.id()).orElseThrow().languageSetByAgent()).isTrue();

        long id = open(customer.id(), team, "Guten Tag, meine Rechnung ist falsch, bitte korrigieren Sie sie.", agent);

        assertThat(queries.detail(id, agent.principal()).messages().getFirst().language()).isEqualTo("de");
        var after = customers.customer(customer.id()).orElseThrow();
        assertThat(after.language()).isEqualTo("en");
        assertThat(after.languageSetByAgent()).isTrue();
    }

    @Test
    void savingAnEditWithTheDetectedLanguageUnchangedKeepsItDetected() {
        TeamView team = data.team("lang");
        var agent = data.agent(Role.AGENT, team);
        var customer = data.customer("Lena Schäfer");
        open(customer.id(), team, "Der Drucker funktioniert seit gestern nicht mehr.", agent);
        var learned = customers.customer(customer.id()).orElseThrow();

        customers.update(customer.id(), new Customers.CustomerChanges("Lena M. Schäfer", learned.emails(), "de", null,
                null, null, learned.version()), Actor.SYSTEM);

        var after = customers.customer(customer.id()).orElseThrow();
        assertThat(after.name()).isEqualTo("Lena M. Schäfer");
        assertThat(after.language()).isEqualTo("de");
        assertThat(after.languageSetByAgent()).isFalse();
    }

    @Test
    void aTeamThatRoutesByLanguageGivesANewTicketToTheLeastBusyMemberWhoSpeaksIt() {
        TeamView team = data.team("routing");
        var busy = speaker(team, "fr", "en");
        var free = speaker(team, "de", "fr");
        var german = speaker(team, "de");
        administration.assignByLanguage(team.id(), true);
        // the busy French speaker already has an open ticket
        long earlier = open(data.customer("Someone").id(), team, "Hello, my order has not arrived yet.", busy);
        tickets.update(earlier, new TicketCommands.UpdateTicket(null, null, null, Optional.of(busy.id()), null, null, null),
                busy.principal());

        long id = open(data.customer("Élodie Martin").id(), team, "Bonjour, pouvez-vous m'aider avec ma facture ?", null);

        var detail = queries.detail(id, busy.principal());
        assertThat(detail.summary().assigneeId()).isEqualTo(free.id());
        assertThat(detail.changes()).extracting(TicketQueries.ChangeView::field).contains("assignee");
        assertThat(german.id()).isNotEqualTo(detail.summary().assigneeId());
    }

    @Test
    void withoutTheOptInOrASpeakerANewTicketWaitsUnassigned() {
        TeamView optedOut = data.team("routing");
        speaker(optedOut, "fr");
        long notRouted = open(data.customer("Élodie").id(), optedOut, "Bonjour, ma commande n'est pas arrivée.", null);

        TeamView noSpeaker = data.team("routing");
        speaker(noSpeaker, "de");
        administration.assignByLanguage(noSpeaker.id(), true);
        long nobody = open(data.customer("An").id(), noSpeaker, "Xin chào, đơn hàng của tôi chưa đến.", null);

        var admin = data.agent(Role.ADMIN);
        assertThat(queries.detail(notRouted, admin.principal()).summary().assigneeId()).isNull();
        assertThat(queries.detail(nobody, admin.principal()).summary().assigneeId()).isNull();
    }

    @Test
    void theInboxFiltersByTheCustomersLanguageAndStillPagesByKeyset() {
        TeamView team = data.team("inbox");
        var agent = data.agent(Role.AGENT, team);
        long vi1 = open(data.customer("An").id(), team, "Xin chào, máy in của tôi không hoạt động.", agent);
        long fr = open(data.customer("Élodie").id(), team, "Bonjour, l'imprimante ne marche plus du tout.", agent);
        long vi2 = open(data.customer("Hà").id(), team, "Tôi muốn hủy đăng ký dịch vụ này.", agent);

        var first = queries.list(new TicketQueries.ListQuery(TicketQueries.View.TEAMS, Set.of(), null, team.id(), null, null,
                null, null, 1, "vi"), agent.principal());
        assertThat(first.rows()).extracting(TicketQueries.TicketRow::id).containsExactly(vi2);
        var second = queries.list(new TicketQueries.ListQuery(TicketQueries.View.TEAMS, Set.of(), null, team.id(), null, null,
                null, first.nextCursor(), 1, "vi"), agent.principal());
        assertThat(second.rows()).extracting(TicketQueries.TicketRow::id).containsExactly(vi1);
        assertThat(second.nextCursor()).isNull();

        var session = WebSession.signedIn(port, agent.email(), agent.password());
        var page = session.get("/inbox?team=" + team.id() + "&language=fr");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("/tickets/" + fr).doesNotContain("/tickets/" + vi1 + "\"").contains("id=\"filter-language\"");
        var unfiltered = session.get("/inbox?team=" + team.id() + "&language=not%20a%20code");
        assertThat(unfiltered.body()).contains("/tickets/" + fr).contains("/tickets/" + vi1);
    }

    @Test
    void theTicketPageShowsTheLanguageOfCustomerMessages() {
        TeamView team = data.team("page");
        var agent = data.agent(Role.AGENT, "en", team);
        long id = open(data.customer("Lena").id(), team, "Hallo, meine Bestellung ist nicht angekommen.", agent);

        var page = WebSession.signedIn(port, agent.email(), agent.password()).get("/tickets/" + id);

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("badge language").contains("Written in German");
    }

    @Test
    void anAdminTurnsRoutingByLanguageOnForATeam() {
        TeamView team = data.team("admin-routing");
        var admin = data.agent(Role.ADMIN);
        var session = WebSession.signedIn(port, admin.email(), admin.password());

        var saved = session.post("/admin/teams/" + team.id() + "/routing", "assignByLanguage", "true");
        assertThat(saved.status()).isEqualTo(302);
        assertThat(data.accounts().assignsByLanguage(team.id())).isTrue();
        assertThat(session.get("/admin/teams").body()).containsPattern("id=\"team-by-language-" + team.id() + "\"[^>]*checked");

        session.post("/admin/teams/" + team.id() + "/routing");
        assertThat(data.accounts().assignsByLanguage(team.id())).isFalse();
    }

    @Test
    void theApiShowsMessageLanguagesAndWhereTheCustomersLanguageCameFrom() {
        TeamView team = data.team("api");
        var agent = data.agent(Role.AGENT, team);
        String token = data.apiToken(agent);
        ApiClient api = new ApiClient(port);
        String email = TestData.unique("elodie") + "@example.test";
        var created = api.post("/api/v1/tickets").auth(bearer(token)).json(Map.of(
                "customer", Map.of("email", email, "name", "Élodie Martin"),
                "subject", "Commande", "body", "Bonjour, ma commande n'est toujours pas arrivée.",
                "channel", "email", "team", team.id())).send();
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(created.json().get("messages").get(0).get("language").asString()).isEqualTo("fr");
        long customerId = created.json().get("customer").get("id").asLong();

        var read = api.get("/api/v1/customers/" + customerId).auth(bearer(token)).send();
        assertThat(read.json().get("language").asString()).isEqualTo("fr");
        assertThat(read.json().get("languageSource").asString()).isEqualTo("auto");

        var changed = api.patch("/api/v1/customers/" + customerId).auth(bearer(token))
                .json(Map.of("language", "de")).send();
        assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
        assertThat(changed.json().get("languageSource").asString()).isEqualTo("agent");

        JsonNode schemas = api.get("/v3/api-docs").send().json().get("components").get("schemas");
        assertThat(schemas.get("Message").get("properties").has("language")).isTrue();
        assertThat(schemas.get("Customer").get("properties").has("languageSource")).isTrue();
    }

    private TestData.TestAgent speaker(TeamView team, String... languages) {
        var agent = data.agent(Role.AGENT, team);
        administration.update(agent.id(), "Speaker of " + String.join(" ", languages), Role.AGENT, List.of(languages), Set.of(team.id()));
        return agent;
    }

    private long open(long customerId, TeamView team, String body, TestData.TestAgent by) {
        var command = new TicketCommands.OpenTicket(customerId, "Subject " + TestData.unique("t"), body, Channel.EMAIL,
                team.id(), Priority.NORMAL, null, null);
        // no agent: the ticket came in the way mail does, opened by Regard itself
        return (by == null ? tickets.open(command, org.regard.accounts.Actor.SYSTEM) : tickets.open(command, by.principal())).ticketId();
    }
}
