package org.regard.tickets.web;

import org.junit.jupiter.api.Test;
import org.regard.accounts.Role;
import org.regard.accounts.TeamView;
import org.regard.customers.Customers;
import org.regard.support.IntegrationTest;
import org.regard.support.TestData;
import org.regard.support.TestData.TestAgent;
import org.regard.support.WebSession;
import org.regard.tickets.Channel;
import org.regard.tickets.MessageKind;
import org.regard.tickets.Priority;
import org.regard.tickets.TicketQueries;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

@IntegrationTest
class NewTicketIntegrationTest {
    @LocalServerPort
    int port;
    @Autowired
    TicketQueries queries;
    @Autowired
    Customers customers;
    @Autowired
    org.regard.tickets.Tickets tickets;
    @Autowired
    TestData data;
    @Autowired
    org.regard.tickets.Categories categories;

    @Test
    void aTicketForANewCustomerCreatesTheCustomerAndTheTicket() {
        TeamView team = data.team("new-ticket");
        TestAgent agent = data.agent(Role.AGENT, team);
        String email = TestData.unique("caller") + "@example.test";
        WebSession session = WebSession.signedIn(port, agent.email(), agent.password());

        var posted = session.post("/tickets", "newCustomerEmail", email, "newCustomerName", "Nguyễn Văn An",
                "subject", "Máy in không hoạt động", "body", "Máy in bị kẹt giấy.", "channel", "PHONE",
                "team", String.valueOf(team.id()), "priority", "HIGH", "category", "", "submissionKey", "new-1");

        assertThat(posted.status()).isEqualTo(302);
        long id = Long.parseLong(posted.redirectPath().replace("/tickets/", ""));
        var customer = customers.customerByEmail(email).orElseThrow();
        assertThat(customer.name()).isEqualTo("Nguyễn Văn An");
        var detail = queries.detail(id, agent.principal());
        assertThat(detail.summary().customerId()).isEqualTo(customer.id());
        assertThat(detail.summary().subject()).isEqualTo("Máy in không hoạt động");
        assertThat(detail.summary().channel()).isEqualTo(Channel.PHONE);
        assertThat(detail.summary().priority()).isEqualTo(Priority.HIGH);
        assertThat(detail.summary().teamId()).isEqualTo(team.id());
        assertThat(detail.messages()).singleElement().satisfies(m -> {
            assertThat(m.kind()).isEqualTo(MessageKind.CUSTOMER);
            assertThat(m.body()).isEqualTo("Máy in bị kẹt giấy.");
        });
        assertThat(session.get("/tickets/" + id).body()).contains("The ticket was created.");
    }

    @Test
    void theSameSubmissionTwiceOpensOneTicket() {
        TeamView team = data.team("new-twice");
        TestAgent agent = data.agent(Role.AGENT, team);
        var customer = data.customer("Twice Clicked");
        WebSession session = WebSession.signedIn(port, agent.email(), agent.password());
        String[] ticket = {"customerId", String.valueOf(customer.id()), "subject", "Once", "body", "Only once.", "channel", "VISIT",
                "team", String.valueOf(team.id()), "priority", "NORMAL", "submissionKey", "twice"};

        String first = session.post("/tickets", ticket).redirectPath();
        String second = session.post("/tickets", ticket).redirectPath();

        assertThat(second).isEqualTo(first);
    }

    @Test
    void theFormSentAgainAfterBackFindsItsTicketAndSaysSoEvenWhenTheCustomerWasLost() {
        TeamView team = data.team("new-back");
        TestAgent agent = data.agent(Role.AGENT, team);
        var customer = data.customer("Back Button");
        WebSession session = WebSession.signedIn(port, agent.email(), agent.password());
        String created = session.post("/tickets", "customerId", String.valueOf(customer.id()), "subject", "Router blinks red",
                "body", "Since the storm.", "channel", "PHONE", "team", String.valueOf(team.id()), "priority", "NORMAL",
                "submissionKey", "back-1").redirectPath();
        assertThat(session.get(created).body()).contains("The ticket was created.");

        // Back, then Open again: the page came back without the customer chosen through the lookup
        var again = session.post("/tickets", "newCustomerEmail", "", "subject", "Router blinks red", "body", "Since the storm.",
                "channel", "PHONE", "team", String.valueOf(team.id()), "priority", "NORMAL", "submissionKey", "back-1");

        assertThat(again.status()).isEqualTo(302);
        assertThat(again.redirectPath()).isEqualTo(created);
        assertThat(session.get(created).body()).contains("This ticket was already created when you first sent the form")
                .doesNotContain("The ticket was not created yet");
        assertThat(queries.list(new TicketQueries.ListQuery(TicketQueries.View.ALL, null, null, null, null, customer.id(), null,
                null, 10), agent.principal()).rows()).hasSize(1);
    }

    @Test
    void anotherAgentsSubmissionKeyFindsNothing() {
        TeamView team = data.team("new-key-own");
        TestAgent first = data.agent(Role.AGENT, team);
        TestAgent second = data.agent(Role.AGENT, team);
        var customer = data.customer("Two Agents");
        String[] ticket = {"customerId", String.valueOf(customer.id()), "subject", "Same key", "body", "Different agents.",
                "channel", "PHONE", "team", String.valueOf(team.id()), "priority", "NORMAL", "submissionKey", "shared-key"};

        String one = WebSession.signedIn(port, first.email(), first.password()).post("/tickets", ticket).redirectPath();
        String two = WebSession.signedIn(port, second.email(), second.password()).post("/tickets", ticket).redirectPath();

        assertThat(two).startsWith("/tickets/").isNotEqualTo(one);
    }

    @Test
    void aFailedNewTicketNamesItsFormsPageAndItsAddressLeadsBackToTheForm() {
        TeamView team = data.team("new-failed");
        TestAgent agent = data.agent(Role.AGENT, team);
        WebSession session = WebSession.signedIn(port, agent.email(), agent.password());

        var failed = session.header("Referer", "http://127.0.0.1:" + port + "/tickets/new?customerId=&_csrf=leaked")
                .post("/tickets", "newCustomerEmail", "", "subject", "Kept", "body", "Kept too.", "channel", "PHONE",
                        "team", String.valueOf(team.id()), "submissionKey", "failed-1");
        session.header("Referer", null);

        assertThat(failed.status()).isEqualTo(400);
        assertThat(failed.body()).contains("data-page-url=\"/tickets/new?customerId=\"", "value=\"Kept\"", "Kept too.")
                .doesNotContain("_csrf=");
        assertThat(session.get("/tickets").redirectPath()).isEqualTo("/tickets/new");
    }

    @Test
    void aCustomerCanBePreselectedAndFoundBySearch() {
        TeamView team = data.team("new-preselect");
        TestAgent agent = data.agent(Role.AGENT, team);
        String name = TestData.unique("Preselected");
        var customer = data.customer(name);
        WebSession session = WebSession.signedIn(port, agent.email(), agent.password());

        String page = session.get("/tickets/new?customerId=" + customer.id()).body();
        assertThat(page).contains("id=\"chosen-customer\"", name, "name=\"customerId\" value=\"" + customer.id() + "\"");
        assertThat(page).containsPattern("<option value=\"PHONE\" selected");
        assertThat(page).containsPattern("<option value=\"" + team.id() + "\" selected");

        var suggestions = session.htmxGet("/tickets/new/customers?q=" + name.substring(name.indexOf('-') + 1));
        assertThat(suggestions.body()).doesNotContain("<html").contains("id=\"suggestion-" + customer.id() + "\"", name);
        var noScriptSearch = session.get("/tickets/new?q=" + name.substring(name.indexOf('-') + 1));
        assertThat(noScriptSearch.body()).contains("href=\"/tickets/new?customerId=" + customer.id() + "\"");
        var chosen = session.htmxGet("/tickets/new/customer?customerId=" + customer.id());
        assertThat(chosen.body()).doesNotContain("<html").contains("name=\"customerId\" value=\"" + customer.id() + "\"");
    }

    @Test
    void missingFieldsComeBackWithFieldErrorsAndWhatWasTyped() {
        TeamView team = data.team("new-invalid");
        TestAgent agent = data.agent(Role.AGENT, team);
        WebSession session = WebSession.signedIn(port, agent.email(), agent.password());

        var posted = session.post("/tickets", "newCustomerEmail", "", "newCustomerName", "Hans Müller",
                "subject", " ", "body", "Das Paket ist nicht angekommen.", "channel", "VISIT", "team", String.valueOf(team.id()),
                "priority", "LOW", "submissionKey", "invalid");

        assertThat(posted.status()).isEqualTo(400);
        assertThat(posted.body()).contains("id=\"newCustomerEmail-error\"", "id=\"subject-error\"", "Enter a subject.")
                .doesNotContain("id=\"body-error\"");
        assertThat(posted.body()).contains("value=\"Hans Müller\"", "Das Paket ist nicht angekommen.");
        assertThat(posted.body()).containsPattern("<option value=\"VISIT\" selected").containsPattern("<option value=\"LOW\" selected");
    }

    @Test
    void anAgentCanOnlyOpenTicketsForTheirOwnTeams() {
        TeamView team = data.team("new-own");
        TeamView other = data.team("new-foreign");
        TestAgent agent = data.agent(Role.AGENT, team);
        var customer = data.customer("Foreign Team");
        WebSession session = WebSession.signedIn(port, agent.email(), agent.password());

        var posted = session.post("/tickets", "customerId", String.valueOf(customer.id()), "subject", "Elsewhere",
                "body", "For another team.", "channel", "PHONE", "team", String.valueOf(other.id()), "submissionKey", "foreign");

        assertThat(posted.status()).isEqualTo(400);
        assertThat(posted.body()).contains("id=\"team-error\"");
        assertThat(queries.list(new TicketQueries.ListQuery(TicketQueries.View.ALL, null, null, null, null, customer.id(), null,
                null, 10), data.principal(agent.email())).rows()).isEmpty();
    }

    @Test
    void theNewTicketPageSpeaksFrench() {
        TestAgent agent = data.agent(Role.AGENT, data.team("new-fr"));

        String page = WebSession.signedIn(port, agent.email(), agent.password(), "fr").get("/tickets/new").body();

        assertThat(page).contains("lang=\"fr\"", "Nouveau ticket", "Téléphone");
    }

    @Test
    void aLoggedCallIsTheOpenersByDefaultAndCanGoToAColleagueWithACategory() {
        TeamView team = data.team("new-assign");
        TestAgent agent = data.agent(Role.AGENT, team);
        TestAgent colleague = data.named(TestData.unique("Colleague"), Role.AGENT, "en", team);
        var category = categories.ensure(TestData.unique("Billing"));
        var customer = data.customer("Assigned Caller");
        WebSession session = WebSession.signedIn(port, agent.email(), agent.password());

        String page = session.get("/tickets/new?customerId=" + customer.id()).body();
        assertThat(page).as("the opener takes a logged call by default")
                .containsPattern("<option value=\"" + agent.id() + "\" selected")
                .contains("<option value=\"" + colleague.id() + "\"");
        var options = session.htmxGet("/tickets/new/assignees?team=" + team.id());
        assertThat(options.body()).doesNotContain("<html").contains("value=\"" + colleague.id() + "\"");

        long mine = Long.parseLong(session.post("/tickets", "customerId", String.valueOf(customer.id()), "subject", "Mine",
                "body", "Called.", "channel", "PHONE", "team", String.valueOf(team.id()), "priority", "NORMAL",
                "assignee", String.valueOf(agent.id()), "category", "", "submissionKey", TestData.unique("mine"))
                .redirectPath().replace("/tickets/", ""));
        assertThat(queries.detail(mine, agent.principal()).summary().assigneeId()).isEqualTo(agent.id());

        var toColleague = session.post("/tickets", "customerId", String.valueOf(customer.id()), "subject", "For a colleague",
                "body", "Called for Anna.", "channel", "PHONE", "team", String.valueOf(team.id()), "priority", "NORMAL",
                "assignee", String.valueOf(colleague.id()), "category", String.valueOf(category.id()),
                "submissionKey", TestData.unique("colleague"));
        long theirs = Long.parseLong(toColleague.redirectPath().replace("/tickets/", ""));
        var detail = queries.detail(theirs, agent.principal());
        assertThat(detail.summary().assigneeId()).isEqualTo(colleague.id());
        assertThat(detail.categoryId()).isEqualTo(category.id());
        assertThat(detail.changes()).anySatisfy(c -> assertThat(c.field()).isEqualTo("assignee"));

        long nobodys = Long.parseLong(session.post("/tickets", "customerId", String.valueOf(customer.id()), "subject", "Nobody's",
                "body", "Called.", "channel", "PHONE", "team", String.valueOf(team.id()), "priority", "NORMAL",
                "assignee", "", "submissionKey", TestData.unique("nobody")).redirectPath().replace("/tickets/", ""));
        assertThat(queries.detail(nobodys, agent.principal()).summary().assigneeId()).isNull();
    }

    @Test
    void aColleagueOfAnotherTeamCannotBeGivenTheTicket() {
        TeamView team = data.team("new-assign-own");
        TeamView other = data.team("new-assign-other");
        TestAgent agent = data.agent(Role.AGENT, team);
        TestAgent outsider = data.agent(Role.AGENT, other);
        var customer = data.customer("Refused Assignee");
        WebSession session = WebSession.signedIn(port, agent.email(), agent.password());
        String subject = TestData.unique("Not theirs");

        var posted = session.post("/tickets", "customerId", String.valueOf(customer.id()), "subject", subject,
                "body", "Called.", "channel", "PHONE", "team", String.valueOf(team.id()), "priority", "NORMAL",
                "assignee", String.valueOf(outsider.id()), "submissionKey", TestData.unique("outsider"));

        assertThat(posted.status()).isEqualTo(400);
        assertThat(posted.body()).contains("id=\"assignee-error\"", "Choose someone in the ticket’s team, or nobody.", subject);
        assertThat(session.htmxGet("/tickets/new/assignees?team=" + other.id()).status()).isEqualTo(403);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> tickets.open(new org.regard.tickets.TicketCommands.OpenTicket(
                        customer.id(), "Direct", "Called.", Channel.PHONE, team.id(), Priority.NORMAL, null, null)
                        .assignedTo(outsider.id()), agent.principal()))
                .isInstanceOf(org.regard.tickets.InvalidInput.class).hasMessageContaining("assignee");
    }
}
