package org.regard.mail.web;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.regard.accounts.Role;
import org.regard.accounts.TeamView;
import org.regard.mail.mailboxes.Mailbox;
import org.regard.mail.mailboxes.Mailboxes;
import org.regard.support.IntegrationTest;
import org.regard.support.TestData;
import org.regard.support.TestMailServer;
import org.regard.support.WebSession;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The admin pages for mailboxes, through real HTTP, against the real IMAP/SMTP test server. */
@IntegrationTest
class MailboxAdminPagesIntegrationTest {
    @LocalServerPort
    int port;
    @Autowired
    TestData data;
    @Autowired
    Mailboxes mailboxes;
    @Autowired
    JdbcClient jdbc;

    WebSession admin;
    TeamView team;

    @BeforeEach
    void signInAsAdmin() {
        var someone = data.agent(Role.ADMIN);
        admin = WebSession.signedIn(port, someone.email(), someone.password());
        team = data.team("mail");
    }

    /** A complete form for the test server, with these passwords; extra name/value pairs replace or add fields. */
    String[] form(String address, String imapPassword, String smtpPassword, String... extra) {
        List<String> fields = new ArrayList<>(List.of("address", address, "displayName", "Support", "teamId", String.valueOf(team.id()),
                "imapHost", "127.0.0.1", "imapPort", String.valueOf(TestMailServer.imapPort()), "imapSecurity", "none",
                "imapUsername", address, "imapPassword", imapPassword, "imapFolder", "INBOX",
                "smtpHost", "127.0.0.1", "smtpPort", String.valueOf(TestMailServer.smtpPort()), "smtpSecurity", "none",
                "smtpUsername", address, "smtpPassword", smtpPassword, "closedReply", "REOPEN"));
        for (int i = 0; i < extra.length; i += 2) {
            int at = fields.indexOf(extra[i]);
            if (at >= 0 && at % 2 == 0) {
                fields.set(at + 1, extra[i + 1]);
            } else {
                fields.add(extra[i]);
                fields.add(extra[i + 1]);
            }
        }
        return fields.toArray(String[]::new);
    }

    String column(long id, String column) {
        return jdbc.sql("select " + column + " from mailbox where id = ?").param(id).query(String.class).single();
    }

    @Test
    void anAdminMakesAMailboxWhosePasswordsAreStoredEncryptedAndNeverShown() {
        String address = TestData.unique("support") + "@regard.test";
        TestMailServer.user(address, "imap-pass-4711");

        var newPage = admin.get("/admin/mailboxes/new");
        String formKey = newPage.valueOf("formKey");
        var created = admin.post("/admin/mailboxes", form(address, "imap-pass-4711", "smtp-pass-4711", "formKey", formKey));
        var twice = admin.post("/admin/mailboxes", form(address, "imap-pass-4711", "smtp-pass-4711", "formKey", formKey));
        Mailbox m = mailboxes.byAddress(address).orElseThrow();
        var list = admin.get("/admin/mailboxes");
        var edit = admin.get("/admin/mailboxes/" + m.id());

        assertThat(newPage.status()).isEqualTo(200);
        assertThat(newPage.body()).contains("id=\"tab-mailboxes\"", "aria-current=\"page\"");
        assertThat(created.status()).isEqualTo(302);
        assertThat(created.redirectPath()).isEqualTo("/admin/mailboxes");
        assertThat(twice.status()).as("the same form sent twice makes one mailbox").isEqualTo(302);
        assertThat(m.source()).isEqualTo(Mailbox.Source.ADMIN);
        assertThat(column(m.id(), "imap_password")).startsWith("v1:").doesNotContain("imap-pass-4711");
        assertThat(column(m.id(), "smtp_password")).startsWith("v1:").doesNotContain("smtp-pass-4711");
        assertThat(list.body()).contains("id=\"mailbox-row-" + m.id() + "\"", address, "Mailbox " + address + " created.");
        assertThat(edit.status()).isEqualTo(200);
        assertThat(edit.body()).contains("id=\"mailbox-imap-password-stored\"", "id=\"mailbox-smtp-password-stored\"",
                        "Leave empty to keep the stored password.")
                .doesNotContain("imap-pass-4711").doesNotContain("smtp-pass-4711");
        assertThat(edit.valueOf("mailbox-imap-password")).isEmpty();
    }

    @Test
    void anEditWithoutPasswordsKeepsThemAndAStaleEditIsRefused() {
        String address = TestData.unique("edit") + "@regard.test";
        Mailbox m = mailboxes.create(new Mailboxes.MailboxForm(address, "Before", team.id(),
                TestMailServer.imap(address, "kept-imap-1"), TestMailServer.smtp(address, "kept-smtp-1"), null, false, true), Mailbox.Source.ADMIN);
        String sealed = column(m.id(), "imap_password");

        var saved = admin.post("/admin/mailboxes/" + m.id(), form(address, "", "", "displayName", "After",
                "version", String.valueOf(m.version())));
        var stale = admin.post("/admin/mailboxes/" + m.id(), form(address, "", "", "displayName", "Stale change",
                "version", String.valueOf(m.version())));
        var doubleClick = admin.post("/admin/mailboxes/" + m.id(), form(address, "", "", "displayName", "After",
                "version", String.valueOf(m.version())));

        assertThat(saved.status()).isEqualTo(302);
        assertThat(column(m.id(), "imap_password")).isEqualTo(sealed);
        assertThat(mailboxes.connection(m.id(), Mailbox.Protocol.SMTP).orElseThrow().password()).isEqualTo("kept-smtp-1");
        assertThat(stale.status()).isEqualTo(409);
        assertThat(stale.body()).contains("id=\"mailbox-error\"", "Someone else changed this mailbox", "value=\"Stale change\"");
        assertThat(doubleClick.status()).as("the same edit again is no conflict").isEqualTo(302);
        assertThat(mailboxes.find(m.id()).orElseThrow().displayName()).isEqualTo("After");
    }

    @Test
    void eachBadFieldIsMarkedAndNothingIsSaved() {
        var taken = mailboxes.create(new Mailboxes.MailboxForm(TestData.unique("taken") + "@regard.test", "Taken", team.id(),
                null, null, null, false, true), Mailbox.Source.ADMIN);

        var bad = admin.post("/admin/mailboxes", form("not an address", "secret-typed-1", "", "displayName", " ",
                "imapPort", "99999", "imapUsername", "", "smtpPort", "abc", "teamId", "-5"));
        var duplicate = admin.post("/admin/mailboxes", form(taken.address(), "secret-typed-1", "secret-typed-2"));
        var noPassword = admin.post("/admin/mailboxes", form(TestData.unique("nopw") + "@regard.test", "", ""));

        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.body()).contains("id=\"mailbox-form-errors\"", "id=\"mailbox-address-error\"", "id=\"mailbox-name-error\"",
                "id=\"mailbox-team-error\"", "id=\"mailbox-imap-port-error\"", "id=\"mailbox-imap-username-error\"",
                "id=\"mailbox-smtp-port-error\"", "This is not an e-mail address", "A port is a number from 1 to 65535.")
                .doesNotContain("secret-typed-1");
        assertThat(duplicate.status()).isEqualTo(400);
        assertThat(duplicate.body()).contains("id=\"mailbox-address-error\"", "A mailbox with this address exists already.")
                .doesNotContain("secret-typed-1").doesNotContain("secret-typed-2");
        assertThat(noPassword.status()).isEqualTo(400);
        assertThat(noPassword.body()).contains("id=\"mailbox-imap-password-error\"", "id=\"mailbox-smtp-password-error\"");
        assertThat(mailboxes.all()).extracting(Mailbox::address).doesNotContain("not an address");
    }

    @Test
    void theConnectionTestShowsEachStepAsAFragmentOrAsThePage() {
        String address = TestData.unique("test") + "@regard.test";
        TestMailServer.user(address, "test-pass-9");
        admin.get("/admin/mailboxes/new");

        var fragment = admin.htmxPost("/admin/mailboxes/check", form(address, "test-pass-9", "test-pass-9"));
        var failing = admin.htmxPost("/admin/mailboxes/check", form(address, "not-the-pass-9", "test-pass-9", "imapFolder", "Support"));
        var page = admin.post("/admin/mailboxes/check", form(address, "test-pass-9", "test-pass-9", "imapFolder", "Missing"));

        assertThat(fragment.status()).isEqualTo(200);
        assertThat(fragment.body()).doesNotContain("<html").contains("id=\"check-imap\"", "id=\"check-smtp\"",
                "data-outcome=\"passed\"", "data-step=\"FOLDER\"", "Signed in as " + address).doesNotContain("data-outcome=\"failed\"")
                .doesNotContain("test-pass-9");
        assertThat(fragment.count("data-ok=\"true\"")).isEqualTo(7);
        assertThat(failing.body()).contains("data-outcome=\"failed\"", "Login refused by the server:").doesNotContain("not-the-pass-9");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("<html", "id=\"mailbox-form\"", "No folder &#39;Missing&#39; on the server.")
                .doesNotContain("test-pass-9");
    }

    @Test
    void aSavedMailboxIsTestedWithItsStoredPasswordAndTheListShowsTheOutcome() {
        String address = TestData.unique("saved") + "@regard.test";
        TestMailServer.user(address, "stored-pass-3");
        Mailbox m = mailboxes.create(new Mailboxes.MailboxForm(address, "Saved", team.id(),
                TestMailServer.imap(address, "stored-pass-3"), TestMailServer.smtp(address, "stored-pass-3"), null, false, true), Mailbox.Source.ADMIN);
        admin.get("/admin/mailboxes/" + m.id());

        var tested = admin.htmxPost("/admin/mailboxes/" + m.id() + "/check", form(address, "", "", "version", String.valueOf(m.version())));
        var list = admin.get("/admin/mailboxes");

        assertThat(tested.body()).contains("data-outcome=\"passed\"").doesNotContain("data-outcome=\"failed\"");
        assertThat(mailboxes.find(m.id()).orElseThrow().lastCheckedAt()).isNotNull();
        assertThat(list.body()).contains("id=\"mailbox-check-" + m.id() + "\"");
        assertThat(list.find("id=\"mailbox-check-" + m.id() + "\">\\s*<span class=\"badge status-resolved\">([^<]+)<")).contains("Works");
    }

    @Test
    void aMailboxIsDeactivatedAndReactivated() {
        Mailbox m = mailboxes.create(new Mailboxes.MailboxForm(TestData.unique("onoff") + "@regard.test", "On off", team.id(),
                null, null, null, false, true), Mailbox.Source.ADMIN);
        admin.get("/admin/mailboxes/" + m.id());

        assertThat(admin.post("/admin/mailboxes/" + m.id() + "/deactivate").status()).isEqualTo(302);
        assertThat(mailboxes.find(m.id()).orElseThrow().active()).isFalse();
        assertThat(admin.get("/admin/mailboxes/" + m.id()).body()).contains("id=\"mailbox-activate\"");
        assertThat(admin.post("/admin/mailboxes/" + m.id() + "/activate").status()).isEqualTo(302);
        assertThat(mailboxes.find(m.id()).orElseThrow().active()).isTrue();
    }

    @Test
    void aMailboxFromTheConfigurationIsShownReadOnly() {
        Mailbox m = mailboxes.create(new Mailboxes.MailboxForm(TestData.unique("config") + "@regard.test", "Configured", team.id(),
                null, new Mailboxes.ServerForm("127.0.0.1", TestMailServer.smtpPort(), Mailbox.Security.NONE, null, null, null),
                null, false, true), Mailbox.Source.CONFIG);

        var page = admin.get("/admin/mailboxes/" + m.id());
        var edit = admin.post("/admin/mailboxes/" + m.id(), "address", m.address(), "displayName", "Changed", "teamId",
                String.valueOf(team.id()), "version", String.valueOf(m.version()));
        var deactivate = admin.post("/admin/mailboxes/" + m.id() + "/deactivate");
        var test = admin.post("/admin/mailboxes/" + m.id() + "/test");

        assertThat(page.body()).contains("id=\"mailbox-configured\"", "id=\"mailbox-test\"").doesNotContain("id=\"mailbox-form\"");
        assertThat(edit.status()).isEqualTo(400);
        assertThat(edit.body()).contains("can only be changed there");
        assertThat(deactivate.status()).isEqualTo(400);
        assertThat(mailboxes.find(m.id()).orElseThrow()).satisfies(now -> {
            assertThat(now.displayName()).isEqualTo("Configured");
            assertThat(now.active()).isTrue();
        });
        assertThat(test.status()).isEqualTo(200);
        assertThat(test.body()).contains("id=\"check-smtp\"", "data-outcome=\"passed\"");
    }

    @Test
    void onlyAdminsReachTheMailboxPages() {
        var agent = data.agent(Role.AGENT, team);
        WebSession someone = WebSession.signedIn(port, agent.email(), agent.password());

        assertThat(someone.get("/admin/mailboxes").status()).isEqualTo(403);
        assertThat(someone.get("/admin/mailboxes/new").status()).isEqualTo(403);
        assertThat(someone.post("/admin/mailboxes", form(TestData.unique("x") + "@regard.test", "p", "p")).status()).isEqualTo(403);
        assertThat(someone.post("/admin/mailboxes/check", form("x@regard.test", "p", "p")).status()).isEqualTo(403);
        assertThat(WebSession.anonymous(port).get("/admin/mailboxes").status()).isEqualTo(302);
    }
}
