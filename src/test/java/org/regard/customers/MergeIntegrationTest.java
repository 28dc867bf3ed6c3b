package org.regard.customers;

import org.regard.accounts.Actor;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;
import org.regard.search.Search;
import org.regard.search.SearchHit;
import org.regard.search.SearchKind;
import org.regard.search.SearchQuery;
import org.regard.accounts.Role;
import org.regard.api.ApiClient;
import org.regard.support.IntegrationTest;
import org.regard.support.TestData;
import org.regard.support.WebSession;
import org.regard.tickets.Channel;
import org.regard.tickets.TicketCommands;
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

@IntegrationTest
class MergeIntegrationTest {
    @org.springframework.beans.factory.annotation.Autowired
    org.regard.customers.CustomerNotes notes;
    @LocalServerPort
    int port;
    @Autowired
    TestData data;
    @Autowired
    Customers customers;
    @Autowired
    Merges merges;
    @Autowired
    Preferences preferences;
    @Autowired
    Promises promises;
    @Autowired
    Tickets tickets;
    @Autowired
    TicketQueries queries;
    @Autowired
    Search search;

    @Test
    void anAgentMergesADuplicateWithTheSameNameAndEverythingMovesIncludingTicketsAndTheMergeIsRecorded() {
        var team = data.team("merge");
        var agent = data.named("Camille Roux", Role.AGENT, "en", team);
        String mark = TestData.unique("lan");
        String name = "Nguyễn Thị Lan " + mark;
        var survivor = customers.create(new Customers.NewCustomer(name, List.of(mark + "@example.test"), "vi", null, null, null));
        data.serve(team, survivor.id());
        String org = TestData.unique("Lan Bakery");
        var duplicate = customers.create(new Customers.NewCustomer("NGUYEN THI LAN " + mark.toUpperCase(),
                List.of(mark + "-work@example.test"), null, org, null, "Calls after 18:00 only",
                new Customers.PersonFacts("chị Lan", "Asia/Ho_Chi_Minh", null)));
        assertThat(find(mark + "-work", agent)).extracting(SearchHit::type, SearchHit::id)
                .contains(Tuple.tuple(SearchKind.CUSTOMER, duplicate.id()));
        notes.add(duplicate.id(), "Prefers Zalo messages.", true, agent.id());
        var field = preferences.define(TestData.unique("floor"), "Floor", PreferenceType.NUMBER);
        preferences.change(duplicate.id(), Map.of(field.key(), "3"));
        var promise = promises.promise(duplicate.id(), new Promises.NewPromise("Send the keys",
                Instant.now().plus(1, ChronoUnit.DAYS), null, agent.id(), team.id()), Actor.SYSTEM);
        customers.markAddressFailing(mark + "-work@example.test", "550 mailbox full");
        long ticket = tickets.open(new TicketCommands.OpenTicket(duplicate.id(), "Keys", "Where are my keys?", Channel.WEB,
                team.id(), null, null, null), agent.principal()).ticketId();
        tickets.customerWrote(ticket, "Still waiting for the keys.", Channel.WEB, null);

        var session = WebSession.signedIn(port, agent.email(), agent.password());
        var page = session.get("/customers/" + survivor.id());
        assertThat(page.body()).contains("id=\"duplicate-" + duplicate.id() + "\"",
                "href=\"/customers/" + survivor.id() + "/merge?duplicateId=" + duplicate.id() + "\"");
        var confirm = session.get("/customers/" + survivor.id() + "/merge?duplicateId=" + duplicate.id());
        assertThat(confirm.status()).isEqualTo(200);
        assertThat(confirm.body()).contains("id=\"merge-confirm\"", "Prefers Zalo messages.", "id=\"merge-absorb\"",
                "where both have something, " + name + "&#39;s stays");

        var merged = session.post("/customers/" + survivor.id() + "/merge", "duplicateId", String.valueOf(duplicate.id()));

        assertThat(merged.status()).isEqualTo(302);
        assertThat(customers.customer(duplicate.id())).isEmpty();
        assertThat(customers.customer(survivor.id()).orElseThrow().emails())
                .containsExactly(mark + "@example.test", mark + "-work@example.test");
        assertThat(notes.of(survivor.id())).extracting(Customers.NoteView::body).contains("Prefers Zalo messages.");
        assertThat(preferences.valuesOf(survivor.id())).extracting(Preferences.Value::text).containsExactly("3");
        assertThat(promises.openOf(survivor.id())).extracting(Promises.PromiseView::id).containsExactly(promise.id());
        assertThat(queries.ticket(ticket).orElseThrow().customerId()).isEqualTo(survivor.id());
        assertThat(customers.card(survivor.id()).orElseThrow().failingAddresses()).extracting(Customers.FailingAddress::email)
                .containsExactly(mark + "-work@example.test");
        assertThat(merges.mergesInto(survivor.id())).singleElement().satisfies(m -> {
            assertThat(m.mergedId()).isEqualTo(duplicate.id());
            assertThat(m.mergedEmails()).containsExactly(mark + "-work@example.test");
            assertThat(m.agentId()).isEqualTo(agent.id());
            assertThat(m.addresses()).isEqualTo(1);
            assertThat(m.notes()).isEqualTo(1);
            assertThat(m.preferenceValues()).isEqualTo(1);
            assertThat(m.promises()).isEqualTo(1);
            assertThat(m.addressFailures()).isEqualTo(1);
        });
        var after = session.get("/customers/" + survivor.id());
        assertThat(after.body()).contains("was merged into this customer",
                "Merged from NGUYEN THI LAN " + mark.toUpperCase() + " (" + mark + "-work@example.test), by Camille Roux, on ");
        assertThat(session.get("/tickets/" + ticket).body()).contains(name);
        // what only the duplicate knew, the survivor now knows; its own language stays
        var kept = customers.customer(survivor.id()).orElseThrow();
        assertThat(kept.language()).isEqualTo("vi");
        assertThat(kept.organizationName()).isEqualTo(org);
        assertThat(kept.preferences()).isEqualTo("Calls after 18:00 only");
        assertThat(kept.facts().addressAs()).isEqualTo("chị Lan");
        assertThat(kept.facts().timeZone()).isEqualTo("Asia/Ho_Chi_Minh");
        // search finds the survivor by the duplicate's address and never the deleted duplicate
        assertThat(find(mark + "-work", agent)).extracting(SearchHit::type, SearchHit::id)
                .contains(Tuple.tuple(SearchKind.CUSTOMER, survivor.id()))
                .doesNotContain(Tuple.tuple(SearchKind.CUSTOMER, duplicate.id()));
    }

    private List<SearchHit> find(String text, TestData.TestAgent who) {
        return search.search(SearchQuery.of(text), who.principal());
    }

    @Test
    void peopleOfTheSameOrganizationWithASimilarAddressAreSuggestedButStrangersAreNot() {
        String org = TestData.unique("Bäckerei Schulz");
        String domain = TestData.unique("schulz") + ".test";
        var anna = customers.create(new Customers.NewCustomer("Anna Schulz", List.of("anna@" + domain), null, org, null, null));
        var sameDomain = customers.create(new Customers.NewCustomer("A. Schulz", List.of("a.schulz@" + domain), null, org, null, null));
        var otherOrg = customers.create(new Customers.NewCustomer("Anna Schulze", List.of("anna@" + TestData.unique("x") + ".test"),
                null, TestData.unique("Other"), null, null));

        assertThat(merges.duplicatesOf(anna.id())).extracting(Customers.CustomerView::id)
                .contains(sameDomain.id()).doesNotContain(otherOrg.id(), anna.id());
    }

    @Test
    void theApiSuggestsAndMergesAndRefusesToMergeACustomerIntoItself() {
        var team = data.team("merge-api");
        var someone = data.agent(Role.AGENT, team);
        String token = data.apiToken(someone);
        var api = new ApiClient(port);
        String mark = TestData.unique("jose");
        var survivor = customers.create(new Customers.NewCustomer("José Álvarez " + mark, List.of(mark + "@example.test"), null, null, null, null));
        var duplicate = customers.create(new Customers.NewCustomer("jose alvarez " + mark, List.of(mark + "@old.example.test"), null, null, null, null));
        data.serve(team, survivor.id());
        data.serve(team, duplicate.id());

        var suggested = api.get("/api/v1/customers/" + survivor.id() + "/duplicates").auth(bearer(token)).send();
        assertThat(suggested.status()).isEqualTo(200);
        assertThat(suggested.body()).contains("\"id\":" + duplicate.id());

        var self = api.post("/api/v1/customers/" + survivor.id() + "/merge").auth(bearer(token))
                .json(Map.of("duplicateId", survivor.id())).send();
        assertThat(self.status()).isEqualTo(400);
        assertThat(self.json().get("errors").get(0).get("field").asString()).isEqualTo("duplicateId");

        var merged = api.post("/api/v1/customers/" + survivor.id() + "/merge").auth(bearer(token))
                .json(Map.of("duplicateId", duplicate.id())).send();
        assertThat(merged.status()).isEqualTo(200);
        assertThat(merged.json().get("mergedId").asLong()).isEqualTo(duplicate.id());
        assertThat(merged.json().get("customer").get("emails").toString()).contains(mark + "@old.example.test");
        var moved = api.get("/api/v1/customers/" + duplicate.id()).auth(bearer(token)).send();
        assertThat(moved.status()).as("the merged customer's address names the survivor").isEqualTo(301);
        assertThat(moved.header("Location")).hasValue("/api/v1/customers/" + survivor.id());
        assertThat(api.get("/api/v1/customers/987654321").auth(bearer(token)).send().status()).isEqualTo(404);
    }

    @Test
    void aMergedCustomersOldPageLeadsToTheSurvivorEvenAfterTheSurvivorIsMergedInTurnWithItsOwnRules() {
        var team = data.team("merge-redirect");
        var agent = data.agent(Role.AGENT, team);
        String mark = TestData.unique("redirect");
        var first = customers.create(new Customers.NewCustomer("Ana " + mark, List.of(mark + "-a@example.test"), null, null, null, null));
        var second = customers.create(new Customers.NewCustomer("Ana " + mark, List.of(mark + "-b@example.test"), null, null, null, null));
        var third = customers.create(new Customers.NewCustomer("Ana " + mark, List.of(mark + "-c@example.test"), null, null, null, null));
        merges.merge(second.id(), first.id(), Actor.SYSTEM, null);
        merges.merge(third.id(), second.id(), Actor.SYSTEM, null);
        var session = WebSession.signedIn(port, agent.email(), agent.password());

        for (var gone : List.of(first, second)) {
            var page = session.get("/customers/" + gone.id());
            assertThat(page.status()).isEqualTo(302);
            assertThat(page.redirectPath()).isEqualTo("/customers/" + third.id());
        }
        var survivor = session.get("/customers/" + third.id());
        assertThat(survivor.body()).as("an agent who does not serve the survivor may only read it")
                .contains("id=\"customer-read-only\"").doesNotContain("id=\"customer-form\"");
        assertThat(session.get("/customers/987654321").status()).isEqualTo(404);
        assertThat(merges.mergesInto(third.id())).extracting(Merges.MergeView::mergedId)
                .containsExactlyInAnyOrder(first.id(), second.id());
    }

    @Test
    void anyAgentMaySeeAnyCustomerEvenWithoutATeam() {
        var loner = data.agent(Role.AGENT);
        var customer = data.customer("Open To All");
        var page = WebSession.signedIn(port, loner.email(), loner.password()).get("/customers/" + customer.id());
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("id=\"customer-duplicates\"", "id=\"customer-promises\"", "id=\"customer-preference-values\"");
    }
}
