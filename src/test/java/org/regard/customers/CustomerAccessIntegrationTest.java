package org.regard.customers;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.regard.accounts.Actor;
import org.regard.accounts.Role;
import org.regard.accounts.TeamView;
import org.regard.api.ApiClient;
import org.regard.audit.AuditAction;
import org.regard.audit.AuditEntry;
import org.regard.audit.AuditLog;
import org.regard.support.IntegrationTest;
import org.regard.support.TestData;
import org.regard.support.TestData.TestAgent;
import org.regard.support.WebSession;
import org.regard.tickets.TicketQueries;
import org.regard.tickets.Tickets;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.regard.api.ApiClient.bearer;
import static org.regard.support.TicketFixtures.aNewTicket;

/**
 * Who may change, merge and make promises to which customer, on the pages and over the API alike: an agent of a team
 * the customer has a ticket in, or an administrator; never an agent of another team. Every row of the matrix is one
 * role (agent or team lead of the customer's team, agent or team lead of another team, administrator) against one
 * aggregate, page and API.
 */
@IntegrationTest
class CustomerAccessIntegrationTest {
    @LocalServerPort
    int port;
    @Autowired
    TestData data;
    @Autowired
    Customers customers;
    @Autowired
    Merges merges;
    @Autowired
    Promises promises;
    @Autowired
    Tickets tickets;
    @Autowired
    TicketQueries queries;
    @Autowired
    AuditLog audit;

    TeamView support;
    TeamView technical;
    /** The roles of the matrix: an agent and a lead of Support, an agent and a lead of Technical, an administrator. */
    Who own;
    Who other;
    Who admin;
    Who ownLead;
    Who otherLead;
    ApiClient api;

    /** One role of the matrix, signed in on the pages and holding an API token. */
    record Who(String role, TestAgent agent, WebSession page, String token, boolean allowed) {
    }

    @BeforeEach
    void setUp() {
        support = data.team("support");
        technical = data.team("technical");
        api = new ApiClient(port);
        own = who("agent of the customer's team", data.agent(Role.AGENT, support), true);
        other = who("agent of another team", data.agent(Role.AGENT, technical), false);
        admin = who("administrator", data.agent(Role.ADMIN), true);
        ownLead = who("lead of the customer's team", data.agent(Role.LEAD, support), true);
        otherLead = who("lead of another team", data.agent(Role.LEAD, technical), false);
    }

    private Who who(String role, TestAgent agent, boolean allowed) {
        return new Who(role, agent, WebSession.signedIn(port, agent.email(), agent.password()), data.apiToken(agent), allowed);
    }

    private List<Who> everyone() {
        return List.of(own, other, admin, ownLead, otherLead);
    }

    /** A customer with a ticket in Support only. */
    private Customers.CustomerView supportCustomer(String name) {
        var customer = data.customer(name);
        ticketOf(customer, support);
        return customers.customer(customer.id()).orElseThrow();
    }

    private long ticketOf(Customers.CustomerView customer, TeamView team) {
        return tickets.open(aNewTicket().forCustomer(customer.id()).inTeam(team.id()).command(), Actor.SYSTEM).ticketId();
    }

    @Test
    void onlyAnAgentOfTheCustomersTeamOrAnAdminChangesACustomerOnThePage() {
        for (Who who : everyone()) {
            var customer = supportCustomer("Paul Martin");

            var answer = who.page().post("/customers/" + customer.id(), "version", String.valueOf(customer.version()),
                    "name", "Paul Martin-" + who.role(), "emails", customer.emails().getFirst(), "language", "fr",
                    "organization", "", "tier", customer.tier(), "preferences", "");

            var now = customers.customer(customer.id()).orElseThrow();
            if (who.allowed()) {
                assertThat(answer.status()).as(who.role()).isEqualTo(302);
                assertThat(now.name()).as(who.role()).isEqualTo("Paul Martin-" + who.role());
            } else {
                assertThat(answer.status()).as(who.role()).isEqualTo(403);
                assertThat(now.name()).as(who.role()).isEqualTo("Paul Martin");
                assertThat(now.version()).isEqualTo(customer.version());
            }
        }
    }

    @Test
    void onlyAnAgentOfTheCustomersTeamOrAnAdminChangesACustomerOverTheApi() {
        for (Who who : everyone()) {
            var customer = supportCustomer("Lena Schäfer");

            var answer = api.patch("/api/v1/customers/" + customer.id()).auth(bearer(who.token()))
                    .json(Map.of("name", "Lena " + who.role())).send();

            if (who.allowed()) {
                assertThat(answer.status()).as(who.role() + ": " + answer).isEqualTo(200);
            } else {
                assertThat(answer.status()).as(who.role() + ": " + answer).isEqualTo(403);
                assertThat(answer.contentType()).startsWith("application/problem+json");
                assertThat(answer.json().get("status").asInt()).isEqualTo(403);
                assertThat(customers.customer(customer.id()).orElseThrow().name()).isEqualTo("Lena Schäfer");
            }
        }
    }

    @Test
    void anAgentOfAnotherTeamCannotRedirectACustomersMailButTheirOwnTeamCanAndTheChangeIsRecorded() {
        for (Who who : everyone()) {
            var customer = supportCustomer("Jonas Weber");
            String before = customer.emails().getFirst();
            String wanted = TestData.unique("attacker") + "@example.test";

            var page = who.page().post("/customers/" + customer.id(), "version", String.valueOf(customer.version()),
                    "name", customer.name(), "emails", wanted, "language", "", "organization", "",
                    "tier", customer.tier(), "preferences", "");
            var viaApi = api.patch("/api/v1/customers/" + customer.id()).auth(bearer(who.token()))
                    .json(Map.of("emails", List.of(TestData.unique("api") + "@example.test"))).send();

            var now = customers.customer(customer.id()).orElseThrow();
            if (!who.allowed()) {
                assertThat(List.of(page.status(), viaApi.status())).as(who.role()).containsOnly(403);
                assertThat(now.emails()).as(who.role()).containsExactly(before);
                assertThat(customers.addressChangesOf(customer.id())).isEmpty();
                continue;
            }
            assertThat(page.status()).as(who.role()).isEqualTo(302);
            assertThat(viaApi.status()).as(who.role() + ": " + viaApi).isEqualTo(200);
            var changes = customers.addressChangesOf(customer.id());
            assertThat(changes).hasSize(2);
            var first = changes.getLast();
            assertThat(first.before()).containsExactly(before);
            assertThat(first.after()).containsExactly(wanted);
            assertThat(first.agentId()).isEqualTo(who.agent().id());
            assertThat(first.agentName()).isEqualTo(who.agent().principal().displayName());
            String shown = who.page().get("/customers/" + customer.id()).body();
            assertThat(shown).contains("id=\"address-change-" + first.id() + "\"", before, wanted,
                    who.agent().principal().displayName());
            assertThat(shown).as("the person card shows the newest change")
                    .contains("id=\"card-address-change-" + changes.getFirst().id() + "\"");
            assertThat(audit.newest(null, 200)).filteredOn(e -> e.action() == AuditAction.CUSTOMER_ADDRESS_CHANGED
                            && String.valueOf(customer.id()).equals(e.targetId()))
                    .hasSize(2)
                    .extracting(AuditEntry::actorId).containsOnly(who.agent().id());
        }
    }

    @Test
    void mergingNeedsTheActorToServeBothCustomersOnThePage() {
        for (Who who : everyone()) {
            var survivor = supportCustomer("Anna Roux");
            var duplicate = supportCustomer("Anna Roux");
            long duplicateTicket = queries.list(new TicketQueries.ListQuery(TicketQueries.View.ALL,
                    java.util.EnumSet.allOf(org.regard.tickets.TicketStatus.class), null, null, null, duplicate.id(),
                    TicketQueries.Sort.CREATED_DESC, null, 10), data.admin()).rows().getFirst().id();

            var confirm = who.page().get("/customers/" + survivor.id() + "/merge?duplicateId=" + duplicate.id());
            var answer = who.page().post("/customers/" + survivor.id() + "/merge", "duplicateId", String.valueOf(duplicate.id()));

            assertThat(confirm.status()).as(who.role()).isEqualTo(who.allowed() ? 200 : 403);
            if (who.allowed()) {
                assertThat(answer.status()).as(who.role()).isEqualTo(302);
                assertThat(customers.customer(duplicate.id())).isEmpty();
                assertThat(queries.facts(duplicateTicket).orElseThrow().customerId()).isEqualTo(survivor.id());
            } else {
                assertThat(answer.status()).as(who.role()).isEqualTo(403);
                assertThat(customers.customer(duplicate.id())).isPresent();
                assertThat(queries.facts(duplicateTicket).orElseThrow().customerId()).isEqualTo(duplicate.id());
            }
        }
    }

    @Test
    void anAgentCannotMergeAnotherTeamsCustomerIntoOneTheyServeOverTheApiNorTheOtherWayRound() {
        var theirs = supportCustomer("Minh Trần");
        var mine = data.customer("Minh Tran");
        ticketOf(mine, technical);

        var into = api.post("/api/v1/customers/" + mine.id() + "/merge").auth(bearer(other.token()))
                .json(Map.of("duplicateId", theirs.id())).send();
        var from = api.post("/api/v1/customers/" + theirs.id() + "/merge").auth(bearer(other.token()))
                .json(Map.of("duplicateId", mine.id())).send();

        assertThat(List.of(into.status(), from.status())).containsOnly(403);
        assertThat(into.contentType()).startsWith("application/problem+json");
        assertThat(customers.customer(theirs.id())).isPresent();
        assertThat(customers.customer(mine.id())).isPresent();
        assertThat(merges.mergesInto(mine.id())).isEmpty();

        var byAdmin = api.post("/api/v1/customers/" + mine.id() + "/merge").auth(bearer(admin.token()))
                .json(Map.of("duplicateId", theirs.id())).send();
        assertThat(byAdmin.status()).as(byAdmin.toString()).isEqualTo(200);
        assertThat(audit.newest(null, 200)).filteredOn(e -> e.action() == AuditAction.CUSTOMER_MERGED
                        && String.valueOf(mine.id()).equals(e.targetId()))
                .singleElement().satisfies(e -> {
                    assertThat(e.actorId()).isEqualTo(admin.agent().id());
                    assertThat(e.details()).contains(String.valueOf(theirs.id()));
                });
    }

    @Test
    void aPromiseOnATicketNeedsAccessToItsTeamOnThePageAndOverTheApi() {
        for (Who who : everyone()) {
            var customer = data.customer("Chloé Bernard");
            long ticket = ticketOf(customer, support);

            var page = who.page().post("/customers/" + customer.id() + "/promises", "body", "Call back on Tuesday",
                    "due", "2030-01-07T10:00", "ticketId", String.valueOf(ticket), "teamId", String.valueOf(support.id()),
                    "returnTo", "/tickets/" + ticket);
            var viaApi = api.post("/api/v1/customers/" + customer.id() + "/promises").auth(bearer(who.token()))
                    .json(Map.of("body", "Send the invoice", "dueAt", "2030-01-07T10:00:00+01:00", "ticketId", ticket,
                            "teamId", support.id())).send();

            if (who.allowed()) {
                assertThat(page.status()).as(who.role()).isEqualTo(302);
                assertThat(viaApi.status()).as(who.role() + ": " + viaApi).isEqualTo(201);
                assertThat(promises.allOf(customer.id())).hasSize(2);
            } else {
                assertThat(List.of(page.status(), viaApi.status())).as(who.role()).containsOnly(403);
                assertThat(viaApi.contentType()).startsWith("application/problem+json");
                assertThat(promises.allOf(customer.id())).isEmpty();
            }
        }
    }

    @Test
    void aPromiseOnATicketOrTeamThatDoesNotExistOrOnAnotherCustomersTicketIsABadRequest() {
        var customer = supportCustomer("Hans Müller");
        var someoneElse = data.customer("Someone Else");
        long theirTicket = ticketOf(someoneElse, support);
        String path = "/api/v1/customers/" + customer.id() + "/promises";

        var noTicket = api.post(path).auth(bearer(own.token())).json(Map.of("body", "Call back",
                "dueAt", "2030-01-07T10:00:00Z", "ticketId", 987654321L)).send();
        var noTeam = api.post(path).auth(bearer(own.token())).json(Map.of("body", "Call back",
                "dueAt", "2030-01-07T10:00:00Z", "teamId", 987654321L)).send();
        var wrongCustomer = api.post(path).auth(bearer(own.token())).json(Map.of("body", "Call back",
                "dueAt", "2030-01-07T10:00:00Z", "ticketId", theirTicket)).send();

        assertThat(noTicket.status()).as(noTicket.toString()).isEqualTo(400);
        assertThat(noTicket.contentType()).startsWith("application/problem+json");
        assertThat(noTicket.json().get("errors").get(0).get("field").asString()).isEqualTo("ticketId");
        assertThat(noTeam.status()).as(noTeam.toString()).isEqualTo(400);
        assertThat(noTeam.json().get("errors").get(0).get("field").asString()).isEqualTo("teamId");
        assertThat(wrongCustomer.status()).as(wrongCustomer.toString()).isEqualTo(400);
        assertThat(wrongCustomer.json().get("errors").get(0).get("field").asString()).isEqualTo("ticketId");
        var page = own.page().post("/customers/" + customer.id() + "/promises", "body", "Call back",
                "due", "2030-01-07T10:00", "ticketId", "987654321");
        assertThat(page.status()).isEqualTo(302);
        assertThat(own.page().get(page.redirectPath()).body()).contains("That ticket does not exist or is not this customer’s.");
        assertThat(promises.allOf(customer.id())).isEmpty();
    }

    @Test
    void aPromiseIsKeptOrCancelledOnlyByWhoServesItOnThePageAndOverTheApi() {
        for (Who who : everyone()) {
            var customer = data.customer("Élodie Martin");
            long ticket = ticketOf(customer, support);
            var first = promises.promise(customer.id(), new Promises.NewPromise("Send the keys",
                    Instant.now().plus(1, ChronoUnit.DAYS), ticket, own.agent().id(), support.id()), Actor.SYSTEM);
            var second = promises.promise(customer.id(), new Promises.NewPromise("Call back",
                    Instant.now().plus(1, ChronoUnit.DAYS), ticket, own.agent().id(), support.id()), Actor.SYSTEM);

            var page = who.page().post("/customers/" + customer.id() + "/promises/" + first.id() + "/keep");
            var viaApi = api.patch("/api/v1/customers/" + customer.id() + "/promises/" + second.id())
                    .auth(bearer(who.token())).json(Map.of("status", "cancelled")).send();

            if (who.allowed()) {
                assertThat(page.status()).as(who.role()).isEqualTo(302);
                assertThat(viaApi.status()).as(who.role() + ": " + viaApi).isEqualTo(200);
                assertThat(promises.find(first.id()).orElseThrow().status()).isEqualTo(Promises.Status.KEPT);
                assertThat(promises.find(second.id()).orElseThrow().status()).isEqualTo(Promises.Status.CANCELLED);
            } else {
                assertThat(List.of(page.status(), viaApi.status())).as(who.role()).containsOnly(403);
                assertThat(promises.openOf(customer.id())).hasSize(2);
            }
        }
    }

    @Test
    void everyAgentStillReadsAndCreatesCustomers() {
        var customer = supportCustomer("Nguyễn Văn An");

        for (Who who : everyone()) {
            assertThat(who.page().get("/customers/" + customer.id()).status()).as(who.role()).isEqualTo(200);
            assertThat(api.get("/api/v1/customers/" + customer.id()).auth(bearer(who.token())).send().status())
                    .as(who.role()).isEqualTo(200);
            var created = api.post("/api/v1/customers").auth(bearer(who.token()))
                    .json(Map.of("name", "New " + who.role(), "emails", List.of(TestData.unique("new") + "@example.test")))
                    .send();
            assertThat(created.status()).as(who.role()).isEqualTo(201);
        }
        assertThat(other.page().get("/customers/" + customer.id()).body())
                .as("the forms are not offered to whom they would refuse")
                .doesNotContain("id=\"customer-edit\"", "id=\"customer-promise-form\"")
                .contains("id=\"customer-read-only\"");
        assertThat(own.page().get("/customers/" + customer.id()).body())
                .contains("id=\"customer-edit\"", "id=\"customer-promise-form\"")
                .doesNotContain("id=\"customer-read-only\"");
    }
}
