package org.regard.accounts.web;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.regard.accounts.Accounts;
import org.regard.accounts.Role;
import org.regard.support.IntegrationTest;
import org.regard.support.TestData;
import org.regard.support.WebSession;
import org.regard.tickets.Categories;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/** The admin pages for teams and ticket categories (the latter live in the tickets module, under /admin). */
@IntegrationTest
class TeamAndCategoryAdminPagesIntegrationTest {
    @LocalServerPort
    int port;
    @Autowired
    TestData data;
    @Autowired
    Accounts accounts;
    @Autowired
    Categories categories;

    WebSession admin;

    @BeforeEach
    void signInAsAdmin() {
        var someone = data.agent(Role.ADMIN);
        admin = WebSession.signedIn(port, someone.email(), someone.password());
    }

    @Test
    void anAdminCreatesAndRenamesTeamsButNeverToAUsedName() {
        String name = TestData.unique("Retours");
        String renamed = TestData.unique("Rücksendungen");
        var existing = data.team("taken");

        var created = admin.post("/admin/teams", "name", name);
        var duplicate = admin.post("/admin/teams", "name", existing.name());
        long id = accounts.teamByName(name).orElseThrow().id();
        var renaming = admin.post("/admin/teams/" + id, "name", renamed);
        var clash = admin.post("/admin/teams/" + id, "name", existing.name());

        assertThat(created.status()).isEqualTo(302);
        assertThat(duplicate.status()).isEqualTo(400);
        assertThat(duplicate.body()).contains("id=\"team-create-error\"", "This name is already used.",
                "value=\"" + existing.name() + "\"");
        assertThat(renaming.status()).isEqualTo(302);
        assertThat(clash.status()).isEqualTo(400);
        assertThat(clash.body()).contains("id=\"team-rename-error\"");
        assertThat(accounts.team(id).orElseThrow().name()).isEqualTo(renamed);
        assertThat(admin.get("/admin/teams").body()).contains("id=\"team-row-" + id + "\"", "id=\"tab-categories\"");
    }

    @Test
    void anAdminCreatesRenamesRetiresAndReinstatesACategory() {
        String name = TestData.unique("Facturation");
        String renamed = TestData.unique("Billing");

        assertThat(admin.post("/admin/categories", "name", name).status()).isEqualTo(302);
        long id = categories.all().stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow().id();
        assertThat(admin.post("/admin/categories/" + id, "name", renamed).status()).isEqualTo(302);
        assertThat(admin.post("/admin/categories/" + id + "/retire").status()).isEqualTo(302);

        assertThat(categories.category(id).orElseThrow()).isEqualTo(new Categories.CategoryView(id, renamed, false));
        assertThat(categories.active()).extracting(Categories.CategoryView::id).doesNotContain(id);
        assertThat(admin.get("/admin/categories").body()).contains("id=\"category-reinstate-" + id + "\"");

        assertThat(admin.post("/admin/categories/" + id + "/reinstate").status()).isEqualTo(302);
        assertThat(categories.active()).extracting(Categories.CategoryView::id).contains(id);
    }

    @Test
    void aCategoryNameMustBeGivenAndUnused() {
        var existing = categories.create(TestData.unique("Livraison"));

        var empty = admin.post("/admin/categories", "name", "  ");
        var duplicate = admin.post("/admin/categories", "name", existing.name());
        var unknown = admin.post("/admin/categories/987654321/retire");

        assertThat(empty.status()).isEqualTo(400);
        assertThat(empty.body()).contains("id=\"category-create-error\"", "Enter a name.");
        assertThat(duplicate.status()).isEqualTo(400);
        assertThat(duplicate.body()).contains("This name is already used.");
        assertThat(unknown.status()).isEqualTo(404);
    }

    @Test
    void aPlainAgentIsRefusedTeamsAndCategories() {
        var plain = data.agent(Role.AGENT);
        var session = WebSession.signedIn(port, plain.email(), plain.password());
        String team = TestData.unique("sneaky");
        String category = TestData.unique("sneaky");

        assertThat(session.get("/admin/teams").status()).isEqualTo(403);
        assertThat(session.get("/admin/categories").status()).isEqualTo(403);
        assertThat(session.post("/admin/teams", "name", team).status()).isEqualTo(403);
        assertThat(session.post("/admin/categories", "name", category).status()).isEqualTo(403);

        assertThat(accounts.teamByName(team)).isEmpty();
        assertThat(categories.all()).extracting(Categories.CategoryView::name).doesNotContain(category);
    }
}
