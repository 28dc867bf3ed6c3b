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
    TestData data;

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
}
