package org.regard.mail.mailboxes;

import org.regard.mail.MailSettings;

import org.junit.jupiter.api.Test;
import org.regard.accounts.Accounts;
import org.regard.mail.MailSettings.DeclaredMailbox;
import org.regard.mail.MailSettings.DeclaredServer;
import org.regard.support.IntegrationTest;
import org.regard.support.TestData;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.util.unit.DataSize;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Mailboxes declared in regard.mail.mailboxes[n], brought into the database as the application starts. */
@IntegrationTest
class DeclaredMailboxesIntegrationTest {
    @Autowired
    DeclaredMailboxes declared;
    @Autowired
    Mailboxes mailboxes;
    @Autowired
    Accounts accounts;
    @Autowired
    JdbcClient jdbc;

    static MailSettings settings(DeclaredMailbox... boxes) {
        return new MailSettings("ignored here", Duration.ofSeconds(10), Duration.ofSeconds(10), DataSize.ofMegabytes(50), 8, true, List.of(boxes));
    }

    static DeclaredMailbox box(String address, String team, String imapPassword, String smtpHost) {
        return new DeclaredMailbox(address, "Support desk", team,
                new DeclaredServer("127.0.0.1", null, "tls", "support", imapPassword, "INBOX"),
                new DeclaredServer(smtpHost, 587, "starttls", null, null, null),
                Mailbox.ClosedReply.FOLLOW_UP, true);
    }

    String stored(long id, String column) {
        return jdbc.sql("select " + column + " from mailbox where id = ?").param(id).query(String.class).single();
    }

    @Test
    void aDeclaredMailboxIsMadeThenFollowsTheConfigurationAndStopsWhenRemoved() {
        String address = TestData.unique("declared") + "@regard.test";
        String team = TestData.unique("Declared team");

        DeclaredMailboxes.Outcome first = declared.sync(settings(box(address.toUpperCase(), team, "first-secret", "127.0.0.2")));
        Mailbox made = mailboxes.byAddress(address).orElseThrow();
        DeclaredMailboxes.Outcome again = declared.sync(settings(box(address, team, "first-secret", "127.0.0.2")));
        Mailbox unchanged = mailboxes.byAddress(address).orElseThrow();
        String sealedBefore = stored(made.id(), "imap_password");
        declared.sync(settings(box(address, team, "second-secret", "127.0.0.3")));
        Mailbox changed = mailboxes.byAddress(address).orElseThrow();

        assertThat(first.refused()).isEmpty();
        assertThat(made.source()).isEqualTo(Mailbox.Source.CONFIG);
        assertThat(made.active()).isTrue();
        assertThat(made.teamId()).isEqualTo(accounts.teamByName(team).orElseThrow().id());
        assertThat(made.imap()).isEqualTo(new Mailbox.Server("127.0.0.1", 993, Mailbox.Security.TLS, "support", true, "INBOX"));
        assertThat(made.smtp()).isEqualTo(new Mailbox.Server("127.0.0.2", 587, Mailbox.Security.STARTTLS, null, false, null));
        assertThat(made.closedReply()).isEqualTo(Mailbox.ClosedReply.FOLLOW_UP);
        assertThat(made.acknowledge()).isTrue();
        assertThat(sealedBefore).startsWith("v1:").doesNotContain("first-secret");
        assertThat(again.saved()).hasSize(1);
        assertThat(unchanged.version()).as("nothing changed, nothing written").isEqualTo(made.version());
        assertThat(changed.version()).isGreaterThan(made.version());
        assertThat(changed.smtp().host()).isEqualTo("127.0.0.3");
        assertThat(stored(made.id(), "imap_password")).isNotEqualTo(sealedBefore).startsWith("v1:");
        assertThat(mailboxes.connection(made.id(), Mailbox.Protocol.IMAP).orElseThrow().password()).isEqualTo("second-secret");

        DeclaredMailboxes.Outcome removed = declared.sync(settings());
        assertThat(removed.deactivated()).contains(address);
        assertThat(mailboxes.byAddress(address).orElseThrow().active()).isFalse();
        declared.sync(settings(box(address, team, "second-secret", "127.0.0.3")));
        assertThat(mailboxes.byAddress(address).orElseThrow().active()).as("declared again: back").isTrue();
    }

    @Test
    void aFaultyDeclarationIsRefusedNamingThePropertyAndTheOthersStillLoad() {
        String good = TestData.unique("good") + "@regard.test";
        String bad = TestData.unique("bad") + "@regard.test";
        DeclaredMailbox noUsername = new DeclaredMailbox(bad, "Bad", TestData.unique("team"),
                new DeclaredServer("127.0.0.1", 70000, "tls", null, "pw", "INBOX"), null, Mailbox.ClosedReply.REOPEN, false);
        DeclaredMailbox badSecurity = new DeclaredMailbox(TestData.unique("odd") + "@regard.test", "Odd", TestData.unique("team"),
                new DeclaredServer("127.0.0.1", null, "ssl", "u", "pw", "INBOX"), null, Mailbox.ClosedReply.REOPEN, false);

        DeclaredMailboxes.Outcome outcome = declared.sync(settings(noUsername, box(good, TestData.unique("team"), "pw", "127.0.0.2"), badSecurity));

        assertThat(outcome.saved()).extracting(Mailbox::address).containsExactly(good);
        assertThat(outcome.refused()).hasSize(2);
        assertThat(outcome.refused().get(0)).contains("regard.mail.mailboxes[0]", "imap.port", "imap.username")
                .doesNotContain("pw");
        assertThat(outcome.refused().get(1)).contains("regard.mail.mailboxes[2]", "none, starttls or tls");
        assertThat(mailboxes.byAddress(bad)).isEmpty();
    }

    @Test
    void aDeclaredMailboxCannotBeChangedOrStoppedFromThePagesService() {
        String address = TestData.unique("readonly") + "@regard.test";
        declared.sync(settings(box(address, TestData.unique("team"), "pw-1", "127.0.0.2")));
        Mailbox m = mailboxes.byAddress(address).orElseThrow();

        assertThatThrownBy(() -> mailboxes.update(m.id(), new Mailboxes.MailboxForm(address, "Renamed", m.teamId(), null, null,
                null, false, true), m.version()))
                .isInstanceOfSatisfying(InvalidMailbox.class, e -> assertThat(e.field()).isEqualTo("source"));
        assertThatThrownBy(() -> mailboxes.setActive(m.id(), false)).isInstanceOf(InvalidMailbox.class);
        assertThat(mailboxes.find(m.id()).orElseThrow().displayName()).isEqualTo("Support desk");
    }
}
