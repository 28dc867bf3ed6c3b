package org.regard.audit;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.regard.accounts.AgentAdministration;
import org.regard.accounts.Role;
import org.regard.support.IntegrationTest;
import org.regard.support.TestData;
import org.regard.support.WebSession;
import org.regard.tickets.Categories;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import javax.sql.DataSource;
import java.sql.Connection;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The audit log: written with the change (and not without it), read by administrators only, exported as safe CSV. */
@IntegrationTest
class AuditLogIntegrationTest {
    @LocalServerPort
    int port;
    @Autowired
    TestData data;
    @Autowired
    AuditLog audit;
    @Autowired
    AgentAdministration administration;
    @Autowired
    Categories categories;
    @Autowired
    TransactionTemplate tx;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    DataSource dataSource;

    TestData.TestAgent admin;
    WebSession adminSession;

    @BeforeEach
    void signIn() {
        admin = data.agent(Role.ADMIN);
        adminSession = WebSession.signedIn(port, admin.email(), admin.password());
    }

    @Test
    void anEntryIsWrittenWithItsChangeAndNotWhenTheChangeRollsBack() {
        String kept = TestData.unique("Kept");
        String undone = TestData.unique("Undone");
        String email = TestData.unique("undone") + "@regard.test";

        tx.executeWithoutResult(status -> categories.create(kept));
        tx.executeWithoutResult(status -> {
            categories.create(undone);
            administration.create(new AgentAdministration.NewAgent(email, "Undone Agent", "long-enough-password",
                    Role.AGENT, null, List.of(), Set.of()));
            status.setRollbackOnly();
        });

        List<AuditEntry> recent = audit.newest(null, 200);
        assertThat(recent).extracting(AuditEntry::details).contains(kept)
                .noneMatch(d -> d != null && (d.contains(undone) || d.contains(email)));
        AuditEntry entry = recent.stream().filter(e -> kept.equals(e.details())).findFirst().orElseThrow();
        assertThat(entry.action()).isEqualTo(AuditAction.CATEGORY_CREATED);
        assertThat(entry.actorId()).as("outside a request Regard itself acts").isNull();
        assertThat(entry.actor()).isEqualTo("system");
        assertThat(categories.all()).extracting(Categories.CategoryView::name).contains(kept).doesNotContain(undone);
    }

    @Test
    void onPostgreSqlTheDatabaseRefusesToChangeOrDeleteAnEntry() throws Exception {
        try (Connection c = dataSource.getConnection()) {
            assumeTrue(c.getMetaData().getDatabaseProductName().equals("PostgreSQL"),
                    "the append-only trigger exists on PostgreSQL only; on H2 no code path changes an entry");
        }
        categories.create(TestData.unique("Guarded"));
        long id = audit.newest(null, 1).getFirst().id();

        assertThatThrownBy(() -> jdbc.sql("update audit_entry set details = 'rewritten' where id = ?").param(id).update())
                .hasMessageContaining("audit entries are never changed or deleted");
        assertThatThrownBy(() -> jdbc.sql("delete from audit_entry where id = ?").param(id).update())
                .hasMessageContaining("audit entries are never changed or deleted");
        assertThat(audit.newest(id + 1, 1).getFirst().details()).isNotEqualTo("rewritten");
    }

    @Test
    void agentsAndLeadsAreRefusedThePageAndTheExport() {
        var team = data.team("audit");
        for (var who : List.of(data.agent(Role.AGENT, team), data.agent(Role.LEAD, team))) {
            var session = WebSession.signedIn(port, who.email(), who.password());
            assertThat(session.get("/admin/audit").status()).as(who.email()).isEqualTo(403);
            assertThat(session.get("/admin/audit/export").status()).as(who.email()).isEqualTo(403);
            assertThat(session.get("/admin/audit/export?action=AGENT_CREATED").body()).doesNotContain(admin.email());
            assertThat(session.get("/inbox").body()).as("no link to the admin pages").doesNotContain("/admin/audit", "/admin/agents");
        }
        var anonymous = WebSession.anonymous(port).get("/admin/audit/export");
        assertThat(anonymous.status()).isEqualTo(302);
        assertThat(anonymous.location()).endsWith("/login");
    }

    @Test
    void anAdministratorReadsTheLogNewestFirstFilteredAndPaged() {
        String prefix = TestData.unique("Page");
        for (int i = 0; i < 55; i++) {
            adminSession.post("/admin/categories", "name", prefix + " " + i);
        }
        adminSession.post("/admin/teams", "name", prefix + " team");

        var page = adminSession.get("/admin/audit?action=CATEGORY_CREATED&actor=" + admin.id());
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("id=\"tab-audit\"", "Category created", admin.email(), "127.0.0.1",
                prefix + " 54", "id=\"audit-older\"").doesNotContain(prefix + " team", prefix + " 4<");
        assertThat(page.body().indexOf(prefix + " 54")).as("newest first").isLessThan(page.body().indexOf(prefix + " 53"));
        String older = page.find("href=\"([^\"]*before=\\d+[^\"]*)\"").orElseThrow().replace("&amp;", "&");
        var second = adminSession.get(older);
        assertThat(second.status()).isEqualTo(200);
        assertThat(second.body()).contains(prefix + " 4<", prefix + " 0<", "id=\"audit-newest\"")
                .doesNotContain(prefix + " 54", "id=\"audit-older\"");

        var french = WebSession.signedIn(port, admin.email(), admin.password(), "fr").get("/admin/audit?action=TEAM_CREATED");
        assertThat(french.body()).contains("Journal d’audit", "Équipe créée", prefix + " team");
        assertThat(adminSession.get("/admin/agents").body()).contains("href=\"/admin/audit\"");
    }

    @Test
    void theExportQuotesCellsAndNeutralisesFormulas() {
        String name = "=HYPERLINK(\"http://evil.example\",\"" + TestData.unique("click") + "\")";
        String mark = TestData.unique("Comma");
        categories.create(name);
        adminSession.post("/admin/categories", "name", mark + ", \"quoted\"");

        var csv = adminSession.get("/admin/audit/export?action=CATEGORY_CREATED");

        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/csv");
        assertThat(csv.headers().firstValue("Content-Disposition").orElseThrow()).startsWith("attachment; filename=\"regard-audit-");
        String body = csv.body();
        assertThat(body).startsWith("time,action,action_label,actor,actor_id,target_type,target_id,details,client_address\r\n");
        assertThat(body).contains(",\"'" + name.replace("\"", "\"\"") + "\",");
        assertThat(body).contains(",CATEGORY_CREATED,Category created," + admin.email() + "," + admin.id() + ",category,");
        assertThat(body).contains(",\"" + mark + ", \"\"quoted\"\"\",127.0.0.1\r\n");
        assertThat(body).doesNotContain("TEAM_CREATED");
        assertThat(body.indexOf(mark)).as("newest first").isLessThan(body.indexOf("HYPERLINK"));

        String onlyMine = adminSession.get("/admin/audit/export?actor=" + admin.id() + "&from="
                + java.time.LocalDate.now() + "&to=" + java.time.LocalDate.now()).body();
        assertThat(onlyMine).contains(mark).doesNotContain("HYPERLINK").doesNotContain(",system,");
        assertThat(adminSession.get("/admin/audit/export?to=2000-01-01").body().split("\r\n")).hasSize(1);
    }
}
