package org.regard.audit;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.regard.accounts.Role;
import org.regard.accounts.TeamView;
import org.regard.mail.mailboxes.Mailboxes;
import org.regard.support.IntegrationTest;
import org.regard.support.TestData;
import org.regard.support.TestMailServer;
import org.regard.support.WebSession;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** API tokens, mailboxes and team settings changed on the pages leave an entry naming who, what and from where. */
@IntegrationTest
class AdministrativeChangesAuditIntegrationTest {
    @LocalServerPort
    int port;
    @Autowired
    TestData data;
    @Autowired
    AuditLog audit;
    @Autowired
    Mailboxes mailboxes;

    TestData.TestAgent admin;
    WebSession session;

    @BeforeEach
    void signIn() {
        admin = data.agent(Role.ADMIN);
        session = WebSession.signedIn(port, admin.email(), admin.password());
    }

    @Test
    void creatingAndRevokingAnApiTokenIsRecordedWithoutItsSecret() {
        var created = session.post("/profile/tokens", "name", "Nightly export");
        String secret = created.find("value=\"(rgd_[A-Za-z0-9_-]+)\"").orElseThrow();
        long id = Long.parseLong(mine(AuditAction.TOKEN_CREATED).getFirst().targetId());

        session.post("/profile/tokens/" + id + "/revoke");

        AuditEntry made = mine(AuditAction.TOKEN_CREATED).getFirst();
        AuditEntry revoked = mine(AuditAction.TOKEN_REVOKED).getFirst();
        assertThat(made.details()).contains("Nightly export", secret.substring(0, 10)).doesNotContain(secret);
        assertThat(revoked.targetType()).isEqualTo("token");
        assertThat(revoked.targetId()).isEqualTo(String.valueOf(id));
        assertThat(revoked.clientAddress()).isEqualTo("127.0.0.1");
    }

    @Test
    void teamRoutingIsASettingsChange() {
        TeamView team = data.team("routing");

        session.post("/admin/teams/" + team.id() + "/routing", "assignByLanguage", "true");
        session.post("/admin/teams/" + team.id() + "/routing", "assignByLanguage", "true");

        assertThat(mine(AuditAction.SETTINGS_CHANGED)).as("a setting saved unchanged is no change").singleElement()
                .satisfies(e -> {
                    assertThat(e.targetType()).isEqualTo("team");
                    assertThat(e.targetId()).isEqualTo(String.valueOf(team.id()));
                    assertThat(e.details()).startsWith(team.name() + ": ").endsWith(": on");
                });
    }

    @Test
    void definingAndRetiringAPreferenceFieldAreSettingsChanges() {
        String key = "drink-" + TestData.unique("p").replaceAll("[^a-z0-9]", "");
        assertThat(session.post("/admin/preferences", "key", key, "label", "Favourite drink", "type", "TEXT").status())
                .isEqualTo(302);
        long id = Long.parseLong(mine(AuditAction.SETTINGS_CHANGED).getFirst().targetId());

        session.post("/admin/preferences/" + id, "label", "Drink", "active", "false");

        assertThat(mine(AuditAction.SETTINGS_CHANGED)).hasSize(2).allSatisfy(e -> {
            assertThat(e.targetType()).isEqualTo("preference-field");
            assertThat(e.targetId()).isEqualTo(String.valueOf(id));
        });
        assertThat(mine(AuditAction.SETTINGS_CHANGED).getFirst().details())
                .contains(key, "Favourite drink → Drink", "retired");
    }

    @Test
    void aMailboxMadeChangedAndDeactivatedIsRecordedWithoutItsPasswords() {
        TeamView team = data.team("mailbox");
        String address = TestData.unique("help") + "@regard.test";
        var created = session.post("/admin/mailboxes", "address", address, "displayName", "Help", "teamId", String.valueOf(team.id()),
                "imapHost", "127.0.0.1", "imapPort", String.valueOf(TestMailServer.imapPort()), "imapSecurity", "none",
                "imapUsername", address, "imapPassword", "imap-secret-815", "imapFolder", "INBOX",
                "smtpHost", "127.0.0.1", "smtpPort", String.valueOf(TestMailServer.smtpPort()), "smtpSecurity", "none",
                "smtpUsername", address, "smtpPassword", "smtp-secret-815", "closedReply", "REOPEN");
        assertThat(created.status()).as(created.body()).isEqualTo(302);
        long id = mailboxes.byAddress(address).orElseThrow().id();

        session.post("/admin/mailboxes/" + id + "/deactivate");

        List<AuditEntry> entries = mine(AuditAction.MAILBOX_CHANGED);
        assertThat(entries).extracting(AuditEntry::details).containsExactly(address + ": deactivated", address + ": created");
        assertThat(entries).allSatisfy(e -> {
            assertThat(e.targetId()).isEqualTo(String.valueOf(id));
            assertThat(e.actor()).isEqualTo(admin.email());
        });
        assertThat(audit.newest(null, 50)).extracting(AuditEntry::details)
                .noneMatch(d -> d != null && (d.contains("imap-secret-815") || d.contains("smtp-secret-815")));
    }

    private List<AuditEntry> mine(AuditAction action) {
        return audit.newest(new AuditFilter(action, admin.id(), null, null), null, 10);
    }
}
