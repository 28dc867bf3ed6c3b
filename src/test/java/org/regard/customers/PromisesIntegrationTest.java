package org.regard.customers;

import org.regard.accounts.Actor;
import org.junit.jupiter.api.Test;
import org.regard.accounts.Role;
import org.regard.api.ApiClient;
import org.regard.support.IntegrationTest;
import org.regard.support.TestData;
import org.regard.support.WebSession;
import org.regard.tickets.Channel;
import org.regard.tickets.TicketCommands;
import org.regard.tickets.Tickets;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.regard.api.ApiClient.bearer;

@IntegrationTest
class PromisesIntegrationTest {
    @LocalServerPort
    int port;
    @Autowired
    TestData data;
    @Autowired
    Promises promises;
    @Autowired
    Preferences preferences;
    @Autowired
    Tickets tickets;

    @Test
    void aPromiseDueInThePastIsRecordedFlaggedOverdueShownOnTheCustomerPageAndKept() {
        var team = data.team("promises-page");
        var someone = data.agent(Role.AGENT, team);
        var agent = WebSession.signedIn(port, someone.email(), someone.password());
        var customer = data.customerOf(team, "Lê Thị Hoa");
        String yesterday = LocalDateTime.now().minusDays(1).truncatedTo(ChronoUnit.MINUTES).toString();

        var recorded = agent.post("/customers/" + customer.id() + "/promises", "body", "Call back about the refund",
                "due", yesterday, "returnTo", "/customers/" + customer.id());
        assertThat(recorded.status()).isEqualTo(302);
        assertThat(recorded.redirectPath()).isEqualTo("/customers/" + customer.id());
        var open = promises.openOf(customer.id());
        assertThat(open).singleElement().satisfies(p -> {
            assertThat(p.body()).isEqualTo("Call back about the refund");
            assertThat(p.agentId()).isEqualTo(someone.id());
            assertThat(p.overdue()).isTrue();
        });
        var page = agent.get("/customers/" + customer.id());
        assertThat(page.body()).contains("its due time has already passed", "id=\"promise-" + open.getFirst().id() + "\"",
                "class=\"badge overdue-badge\"", "Call back about the refund");

        var kept = agent.post("/customers/" + customer.id() + "/promises/" + open.getFirst().id() + "/keep",
                "returnTo", "/customers/" + customer.id());
        assertThat(kept.status()).isEqualTo(302);
        assertThat(promises.openOf(customer.id())).isEmpty();
        assertThat(promises.allOf(customer.id())).singleElement().satisfies(p -> {
            assertThat(p.status()).isEqualTo(Promises.Status.KEPT);
            assertThat(p.closedBy()).isEqualTo(someone.id());
        });
        assertThat(agent.post("/customers/" + customer.id() + "/promises/" + open.getFirst().id() + "/cancel").status()).isEqualTo(302);
        assertThat(promises.allOf(customer.id()).getFirst().status()).isEqualTo(Promises.Status.KEPT);
    }

    @Test
    void aPromiseWithoutTextOrDueTimeIsRefusedAndWhatWasTypedComesBack() {
        var team = data.team("promises-refused");
        var someone = data.agent(Role.AGENT, team);
        var agent = WebSession.signedIn(port, someone.email(), someone.password());
        var customer = data.customerOf(team, "Friedrich Lang");

        var noDue = agent.post("/customers/" + customer.id() + "/promises", "body", "Send the manual", "due", "");
        assertThat(noDue.status()).isEqualTo(302);
        assertThat(promises.allOf(customer.id())).isEmpty();
        var page = agent.get(noDue.redirectPath());
        assertThat(page.body()).contains("Enter when the promise is due.", "value=\"Send the manual\"");

        agent.post("/customers/" + customer.id() + "/promises", "body", " ", "due", "2030-01-01T10:00");
        assertThat(promises.allOf(customer.id())).isEmpty();
        assertThat(agent.post("/customers/" + customer.id() + "/promises", "body", "x", "due", "2030-01-01T10:00",
                "returnTo", "https://elsewhere.test/").redirectPath()).isEqualTo("/customers/" + customer.id());
    }

    @Test
    void overduePromisesShowInTheInboxOfTheAgentWhoPromisedAndOfTheirTeamButNotOfOthers() {
        var team = data.team("promises");
        var promiser = data.agent(Role.AGENT, team);
        var teammate = data.agent(Role.AGENT, team);
        var stranger = data.agent(Role.AGENT, data.team("elsewhere"));
        var customer = data.customer("Chloé Bernard");
        var overdue = promises.promise(customer.id(), new Promises.NewPromise("Send the new contract",
                Instant.now().minus(2, ChronoUnit.HOURS), null, promiser.id(), team.id()), Actor.SYSTEM);
        var notYet = promises.promise(customer.id(), new Promises.NewPromise("Visit next month",
                Instant.now().plus(30, ChronoUnit.DAYS), null, promiser.id(), team.id()), Actor.SYSTEM);

        for (var who : List.of(promiser, teammate)) {
            var inbox = WebSession.signedIn(port, who.email(), who.password()).get("/inbox");
            assertThat(inbox.body()).contains("id=\"overdue-promises\"", "id=\"overdue-promise-" + overdue.id() + "\"",
                    "Send the new contract", "href=\"/customers/" + customer.id() + "\"");
            assertThat(inbox.body()).doesNotContain("id=\"overdue-promise-" + notYet.id() + "\"");
        }
        var strangers = WebSession.signedIn(port, stranger.email(), stranger.password()).get("/inbox");
        assertThat(strangers.body()).doesNotContain("id=\"overdue-promise-" + overdue.id() + "\"");
        assertThat(promises.overdueFor(stranger.id(), java.util.Set.of(), 20)).extracting(Promises.PromiseView::id)
                .doesNotContain(overdue.id());
    }

    @Test
    void theComposerShowsThePersonsPreferencesAndOpenPromisesAndRecordsOneOnTheTicket() {
        var team = data.team("composer");
        var someone = data.agent(Role.AGENT, team);
        var agent = WebSession.signedIn(port, someone.email(), someone.password());
        var customer = data.customer("Anh Phạm");
        var field = preferences.define(TestData.unique("hours"), "Best hours", PreferenceType.TEXT);
        preferences.change(customer.id(), Map.of(field.key(), "after 17:00"));
        long ticketId = tickets.open(new TicketCommands.OpenTicket(customer.id(), "Invoice question", "Which invoice?",
                Channel.EMAIL, team.id(), null, null, null), someone.principal()).ticketId();
        promises.promise(customer.id(), new Promises.NewPromise("Check the invoice", Instant.now().plus(1, ChronoUnit.DAYS),
                null, someone.id(), null), Actor.SYSTEM);

        var page = agent.get("/tickets/" + ticketId);
        assertThat(page.status()).isEqualTo(200);
        String composer = page.body().substring(page.body().indexOf("id=\"composer-memory\""));
        assertThat(composer).contains("Best hours", "after 17:00", "Check the invoice", "id=\"composer-promise-form\"",
                "name=\"ticketId\" value=\"" + ticketId + "\"", "name=\"teamId\" value=\"" + team.id() + "\"");

        var recorded = agent.post("/customers/" + customer.id() + "/promises", "body", "Call after 17:00",
                "due", "2031-05-04T17:30", "ticketId", String.valueOf(ticketId), "teamId", String.valueOf(team.id()),
                "returnTo", "/tickets/" + ticketId);
        assertThat(recorded.redirectPath()).isEqualTo("/tickets/" + ticketId);
        assertThat(promises.openOf(customer.id())).anySatisfy(p -> {
            assertThat(p.body()).isEqualTo("Call after 17:00");
            assertThat(p.ticketId()).isEqualTo(ticketId);
            assertThat(p.teamId()).isEqualTo(team.id());
            assertThat(p.overdue()).isFalse();
        });
        assertThat(agent.get("/tickets/" + ticketId).body()).contains("Promise recorded.", "Call after 17:00");
    }

    @Test
    void theApiListsRecordsAndClosesPromises() {
        var team = data.team("promises-api");
        var someone = data.agent(Role.AGENT, team);
        String token = data.apiToken(someone);
        var api = new ApiClient(port);
        var customer = data.customerOf(team, "Sabine Koch");
        String base = "/api/v1/customers/" + customer.id() + "/promises";

        var past = api.post(base).auth(bearer(token)).json(Map.of("body", "Ring back", "dueAt", "2020-01-01T09:00:00+01:00")).send();
        assertThat(past.status()).isEqualTo(201);
        assertThat(past.json().get("overdue").asBoolean()).isTrue();
        assertThat(past.json().get("agentId").asLong()).isEqualTo(someone.id());
        assertThat(past.json().get("status").asString()).isEqualTo("open");
        long id = past.json().get("id").asLong();

        var blank = api.post(base).auth(bearer(token)).json(Map.of("body", " ", "dueAt", "2030-01-01T09:00:00Z")).send();
        assertThat(blank.status()).isEqualTo(400);
        assertThat(api.get(base).auth(bearer(token)).send().json().size()).isEqualTo(1);

        var kept = api.patch(base + "/" + id).auth(bearer(token)).json(Map.of("status", "kept")).send();
        assertThat(kept.status()).isEqualTo(200);
        assertThat(kept.json().get("status").asString()).isEqualTo("kept");
        assertThat(kept.json().get("overdue").asBoolean()).isFalse();
        var again = api.patch(base + "/" + id).auth(bearer(token)).json(Map.of("status", "cancelled")).send();
        assertThat(again.status()).isEqualTo(409);
        assertThat(api.get(base + "?status=open").auth(bearer(token)).send().json().size()).isZero();
        assertThat(api.get("/api/v1/customers/999999999/promises").auth(bearer(token)).send().status()).isEqualTo(404);
    }
}
