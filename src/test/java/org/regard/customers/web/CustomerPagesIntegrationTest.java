package org.regard.customers.web;

import org.regard.accounts.Actor;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.regard.accounts.Role;
import org.regard.customers.Customers;
import org.regard.support.IntegrationTest;
import org.regard.support.TestData;
import org.regard.support.WebSession;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

@IntegrationTest
class CustomerPagesIntegrationTest {
    @org.springframework.beans.factory.annotation.Autowired
    org.regard.customers.CustomerNotes notes;
    @org.springframework.beans.factory.annotation.Autowired
    org.regard.customers.Organizations organizations;
    @LocalServerPort
    int port;
    @Autowired
    TestData data;
    @Autowired
    Customers customers;

    WebSession agent;
    org.regard.accounts.TeamView team;

    @BeforeEach
    void signIn() {
        team = data.team("customer-pages");
        var someone = data.agent(Role.AGENT, team);
        agent = WebSession.signedIn(port, someone.email(), someone.password());
    }

    @Test
    void anAgentCreatesACustomerWithSeveralAddressesAnOrganizationAndAPinnedFirstNote() {
        String mark = TestData.unique("amelie");
        String organization = TestData.unique("Café des Deux Moulins");

        var created = agent.post("/customers",
                "name", "Amélie Poulain",
                "emails", mark + "@example.test, " + mark + "-work@example.test\n" + mark + "-old@example.test",
                "language", "fr",
                "organization", organization,
                "tier", "priority",
                "preferences", "Prefers a call in the morning.",
                "note", "Collects garden gnomes.",
                "pinNote", "true");

        assertThat(created.status()).isEqualTo(302);
        long id = Long.parseLong(created.location().replaceAll(".*/customers/", ""));
        var customer = customers.customer(id).orElseThrow();
        assertThat(customer.name()).isEqualTo("Amélie Poulain");
        assertThat(customer.emails()).containsExactly(mark + "@example.test", mark + "-work@example.test", mark + "-old@example.test");
        assertThat(customer.language()).isEqualTo("fr");
        assertThat(customer.organizationName()).isEqualTo(organization);
        assertThat(customer.tier()).isEqualTo("priority");
        assertThat(customers.card(id).orElseThrow().pinnedNotes()).extracting(Customers.NoteView::body)
                .containsExactly("Collects garden gnomes.");

        var page = agent.get("/customers/" + id);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("id=\"customer-created\"", "Amélie Poulain", "Collects garden gnomes.",
                "hx-get=\"/customers/" + id + "/tickets\"", "href=\"/tickets/new?customerId=" + id + "\"");
    }

    @Test
    void aCustomerWithAMissingNameOrABadAddressIsNotCreated() {
        String mark = TestData.unique("nobody");

        var refused = agent.post("/customers", "name", " ", "emails", mark + "@example.test, not-an-address",
                "language", "", "tier", "standard");

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body()).contains("id=\"customer-name-error\"", "Enter the customer’s name.",
                "id=\"customer-emails-error\"", "“not-an-address” is not an email address.");
        assertThat(refused.body()).contains(mark + "@example.test, not-an-address");
        assertThat(customers.customerByEmail(mark + "@example.test")).isEmpty();
    }

    @Test
    void editingACustomerSavesEveryField() {
        var customer = data.customerOf(team, "Jonas Weber");
        String mark = TestData.unique("jonas");

        var saved = agent.post("/customers/" + customer.id(),
                "version", String.valueOf(customer.version()),
                "name", "Jonas Weber-Schmidt",
                "emails", customer.emails().getFirst() + "\n" + mark + "@example.test",
                "language", "other", "otherLanguage", "es",
                "organization", "",
                "tier", "key-account",
                "preferences", "Writes in Spanish.");

        assertThat(saved.status()).isEqualTo(302);
        assertThat(saved.location()).endsWith("/customers/" + customer.id());
        var now = customers.customer(customer.id()).orElseThrow();
        assertThat(now.name()).isEqualTo("Jonas Weber-Schmidt");
        assertThat(now.emails()).containsExactly(customer.emails().getFirst(), mark + "@example.test");
        assertThat(now.language()).isEqualTo("es");
        assertThat(now.tier()).isEqualTo("key-account");
        assertThat(now.preferences()).isEqualTo("Writes in Spanish.");
        assertThat(agent.get("/customers/" + customer.id()).body()).contains("id=\"customer-saved\"", "Jonas Weber-Schmidt");
    }

    @Test
    void anEditAgainstAStaleVersionShowsTheConflictAndOverwritesNothing() {
        var customer = data.customerOf(team, "Hans Mueller");
        int seen = customer.version();
        customers.update(customer.id(), new Customers.CustomerChanges("Hans Mueller (Berlin)", customer.emails(), "de",
                null, "standard", null, seen), Actor.SYSTEM);

        var stale = agent.post("/customers/" + customer.id(),
                "version", String.valueOf(seen),
                "name", "Hans Müller", "emails", customer.emails().getFirst(), "language", "en",
                "organization", "", "tier", "standard", "preferences", "");

        assertThat(stale.status()).isEqualTo(409);
        assertThat(stale.body()).contains("id=\"customer-conflict\"",
                "Someone else changed this customer while you were editing, so nothing was saved.");
        assertThat(stale.body()).as("the form holds the current data and version")
                .contains("value=\"Hans Mueller (Berlin)\"")
                .contains("name=\"version\" value=\"" + (seen + 1) + "\"");
        assertThat(stale.body()).as("the editor's own values are listed").contains("<dd>Hans Müller</dd>");
        var now = customers.customer(customer.id()).orElseThrow();
        assertThat(now.name()).isEqualTo("Hans Mueller (Berlin)");
        assertThat(now.language()).isEqualTo("de");
    }

    @Test
    void anAddressOfAnotherCustomerIsAFieldErrorAndNothingChanges() {
        var owner = data.customer("Élodie Martin");
        var other = data.customerOf(team, "Nguyễn Văn An");
        String taken = owner.emails().getFirst();

        var refused = agent.post("/customers/" + other.id(),
                "version", String.valueOf(other.version()),
                "name", "Nguyễn Văn An", "emails", other.emails().getFirst() + ", " + taken,
                "language", "vi", "organization", "", "tier", "standard", "preferences", "");

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body()).contains("id=\"customer-emails-error\"", taken + " already belongs to another customer.",
                "href=\"/customers/" + owner.id() + "\"");
        assertThat(refused.body()).as("the input is kept").contains(other.emails().getFirst() + ", " + taken);
        assertThat(customers.customer(other.id()).orElseThrow().emails()).containsExactly(other.emails().getFirst());
    }

    @Test
    void aNoteAddedAndThenPinnedAppearsOnThePersonCard() {
        var customer = data.customer("Jean Dupont");

        var added = agent.post("/customers/" + customer.id() + "/notes", "body", "Hard of hearing: speak slowly.");
        assertThat(added.status()).isEqualTo(302);
        var note = notes.of(customer.id()).getFirst();
        assertThat(customers.card(customer.id()).orElseThrow().pinnedNotes()).isEmpty();

        var pinned = agent.htmxPost("/customers/" + customer.id() + "/notes/" + note.id() + "/pin");

        assertThat(pinned.status()).isEqualTo(200);
        assertThat(pinned.body()).doesNotContain("<html").contains("id=\"notes\"", "hx-swap-oob=\"true\"",
                "id=\"note-unpin-" + note.id() + "\"");
        assertThat(pinned.body().substring(pinned.body().indexOf("id=\"person-card\"")))
                .as("the refreshed person card shows the pinned note").contains("Hard of hearing: speak slowly.");
        assertThat(customers.card(customer.id()).orElseThrow().pinnedNotes()).extracting(Customers.NoteView::id)
                .containsExactly(note.id());
        assertThat(agent.get("/customers/" + customer.id()).body()).contains("class=\"pinned\"");
    }

    @Test
    void aNoteCanBePinnedWhenAddedAndUnpinnedLater() {
        var customer = data.customer("Lena Fischer");

        agent.htmxPost("/customers/" + customer.id() + "/notes", "body", "VIP since 2019.", "pinned", "true");
        var note = notes.of(customer.id()).getFirst();
        assertThat(note.pinned()).isTrue();

        var unpinned = agent.post("/customers/" + customer.id() + "/notes/" + note.id() + "/unpin");

        assertThat(unpinned.status()).isEqualTo(302);
        assertThat(customers.card(customer.id()).orElseThrow().pinnedNotes()).isEmpty();
    }

    @Test
    void anEmptyNoteIsRefusedAndAnotherCustomersNoteCannotBePinned() {
        var customer = data.customer("Marie Curie");
        var stranger = data.customer("Pierre Curie");
        var theirs = notes.add(stranger.id(), "Not yours.", false, null);

        var empty = agent.post("/customers/" + customer.id() + "/notes", "body", "   ");
        var wrongCustomer = agent.post("/customers/" + customer.id() + "/notes/" + theirs.id() + "/pin");

        assertThat(empty.status()).isEqualTo(400);
        assertThat(empty.body()).contains("id=\"note-body-error\"", "Write something before adding the note.");
        assertThat(notes.of(customer.id())).isEmpty();
        assertThat(wrongCustomer.status()).isEqualTo(404);
        assertThat(notes.of(stranger.id()).getFirst().pinned()).isFalse();
    }

    @Test
    void theListFindsCustomersByNameOrAddressAndPagesByCursor() {
        String mark = TestData.unique("paging").toLowerCase();
        for (int i = 0; i < CustomerController.PAGE_SIZE + 2; i++) {
            customers.create(new Customers.NewCustomer("Person " + mark + " " + i, List.of(), null, null, null, null));
        }
        var byAddress = data.customer("Somebody Else");

        var first = agent.get("/customers?q=" + mark);
        assertThat(first.status()).isEqualTo(200);
        assertThat(first.count("id=\"customer-row-")).isEqualTo(CustomerController.PAGE_SIZE);
        String next = first.find("id=\"customers-next\"[^>]*href=\"([^\"]+)\"")
                .or(() -> first.find("href=\"([^\"]+)\"[^>]*id=\"customers-next\"")).orElseThrow().replace("&amp;", "&");
        var second = agent.get(next);
        assertThat(second.count("id=\"customer-row-")).isEqualTo(2);
        assertThat(second.body()).doesNotContain("id=\"customers-next\"");

        var live = agent.htmxGet("/customers?q=" + byAddress.emails().getFirst());
        assertThat(live.body()).doesNotContain("<html").contains("id=\"customer-row-" + byAddress.id() + "\"");
        assertThat(live.count("id=\"customer-row-")).isEqualTo(1);
    }

    @Test
    void anUnknownCustomerIsNotFound() {
        assertThat(agent.get("/customers/987654321").status()).isEqualTo(404);
        assertThat(agent.post("/customers/987654321", "name", "X", "tier", "standard", "version", "0").status()).isEqualTo(404);
    }

    @Test
    void aVisitorWhoHasNotSignedInIsSentToTheSignInPage() {
        var visitor = WebSession.anonymous(port);

        var answer = visitor.get("/customers");

        assertThat(answer.status()).isEqualTo(302);
        assertThat(answer.location()).endsWith("/login");
    }

    @Test
    void anOrganizationIsRenamedAndPlacedInAnotherTierButNotGivenAnotherOrganizationsName() {
        var acme = organizations.ensure(TestData.unique("Acme"), null);
        var globex = organizations.ensure(TestData.unique("Globex"), null);
        var member = customers.create(new Customers.NewCustomer("Wile E. Coyote", List.of(), null, acme.name(), null, null));
        String newName = TestData.unique("Acme Corporation");

        var page = agent.get("/organizations/" + acme.id());
        assertThat(page.body()).contains("id=\"member-" + member.id() + "\"");
        var saved = agent.post("/organizations/" + acme.id(), "name", newName, "tier", "key-account");
        var duplicate = agent.post("/organizations/" + acme.id(), "name", globex.name(), "tier", "standard");

        assertThat(saved.status()).isEqualTo(302);
        assertThat(duplicate.status()).isEqualTo(400);
        assertThat(duplicate.body()).contains("id=\"organization-name-error\"", "Another organization already has this name.");
        assertThat(organizations.organization(acme.id()).orElseThrow())
                .isEqualTo(new Customers.OrganizationView(acme.id(), newName, "key-account"));
        assertThat(agent.get("/organizations").body()).contains(newName);
    }
}
