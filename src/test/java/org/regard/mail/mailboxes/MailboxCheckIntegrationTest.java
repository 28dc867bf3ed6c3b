package org.regard.mail.mailboxes;

import org.junit.jupiter.api.Test;
import org.regard.accounts.TeamView;
import org.regard.mail.mailboxes.Mailbox.Protocol;
import org.regard.mail.mailboxes.Mailbox.Security;
import org.regard.mail.mailboxes.MailboxCheck.Report;
import org.regard.mail.mailboxes.MailboxCheck.Step;
import org.regard.mail.mailboxes.MailboxCheck.StepResult;
import org.regard.mail.mailboxes.Mailboxes.Connection;
import org.regard.support.IntegrationTest;
import org.regard.support.TestData;
import org.regard.support.TestMailServer;
import org.springframework.beans.factory.annotation.Autowired;

import java.net.ServerSocket;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The connection test against the real in-process IMAP and SMTP server, failing at each step in turn. */
@IntegrationTest
class MailboxCheckIntegrationTest {
    @Autowired
    MailboxCheck check;
    @Autowired
    Mailboxes mailboxes;
    @Autowired
    TestData data;

    String user(String password) {
        String address = TestData.unique("check") + "@regard.test";
        TestMailServer.user(address, password);
        return address;
    }

    static List<Step> steps(Report report) {
        return report.steps().stream().map(StepResult::step).toList();
    }

    @Test
    void imapPassesEveryStepAgainstAWorkingServer() {
        String address = user("imap-secret-1");

        Report report = check.check(new Connection("127.0.0.1", TestMailServer.imapPort(), Security.NONE, address, "imap-secret-1", "INBOX"), Protocol.IMAP);

        assertThat(report.ok()).as(report.toString()).isTrue();
        assertThat(steps(report)).containsExactly(Step.DNS, Step.CONNECT, Step.LOGIN, Step.FOLDER);
        assertThat(report.steps().getLast().message()).isEqualTo("Folder 'INBOX' found (0 messages).");
    }

    @Test
    void smtpPassesWithALoginAndWithoutOne() {
        String address = user("smtp-secret-1");

        Report withLogin = check.check(new Connection("127.0.0.1", TestMailServer.smtpPort(), Security.NONE, address, "smtp-secret-1", null), Protocol.SMTP);
        Report relay = check.check(new Connection("127.0.0.1", TestMailServer.smtpPort(), Security.NONE, null, null, null), Protocol.SMTP);

        assertThat(withLogin.ok()).as(withLogin.toString()).isTrue();
        assertThat(steps(withLogin)).containsExactly(Step.DNS, Step.CONNECT, Step.LOGIN);
        assertThat(withLogin.steps().getLast().message()).isEqualTo("Signed in as " + address + ".");
        assertThat(relay.ok()).as(relay.toString()).isTrue();
        assertThat(relay.steps().getLast().code()).isEqualTo("mailboxes.check.login.none");
    }

    @Test
    void anUnknownHostFailsAtTheLookUp() {
        Report report = check.check(new Connection("no-such-host.invalid", 993, Security.TLS, "u", "p", "INBOX"), Protocol.IMAP);

        assertThat(report.ok()).isFalse();
        assertThat(steps(report)).containsExactly(Step.DNS);
        assertThat(report.failure().orElseThrow().message()).isEqualTo("No host named no-such-host.invalid was found (DNS lookup failed).");
    }

    @Test
    void aClosedPortFailsAtTheConnection() throws Exception {
        int closed;
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closed = socket.getLocalPort();
        }

        Report report = check.check(new Connection("127.0.0.1", closed, Security.NONE, null, null, null), Protocol.SMTP);

        assertThat(steps(report)).containsExactly(Step.DNS, Step.CONNECT);
        assertThat(report.failure().orElseThrow().message()).isEqualTo("Connection refused on port " + closed + " of 127.0.0.1.");
    }

    @Test
    void tlsAgainstAPlainPortFailsAtTheTlsStep() {
        String address = user("tls-secret-1");

        Report imap = check.check(new Connection("127.0.0.1", TestMailServer.imapPort(), Security.TLS, address, "tls-secret-1", "INBOX"), Protocol.IMAP);
        Report smtp = check.check(new Connection("127.0.0.1", TestMailServer.smtpPort(), Security.TLS, address, "tls-secret-1", null), Protocol.SMTP);

        for (Report report : List.of(imap, smtp)) {
            assertThat(steps(report)).as(report.toString()).containsExactly(Step.DNS, Step.CONNECT, Step.TLS);
            assertThat(report.failure().orElseThrow().step()).isEqualTo(Step.TLS);
        }
        assertThat(imap.failure().orElseThrow().message()).contains("does not speak TLS on port " + TestMailServer.imapPort());
    }

    @Test
    void starttlsIsRefusedWhenTheServerDoesNotOfferIt() {
        Report smtp = check.check(new Connection("127.0.0.1", TestMailServer.smtpPort(), Security.STARTTLS, null, null, null), Protocol.SMTP);

        assertThat(steps(smtp)).containsExactly(Step.DNS, Step.CONNECT, Step.STARTTLS);
        assertThat(smtp.failure().orElseThrow().message()).isEqualTo("The server does not offer STARTTLS.");
    }

    @Test
    void aWrongPasswordFailsAtTheLoginAndIsNeverRepeated() {
        String address = user("right-password-1");

        Report report = check.check(new Connection("127.0.0.1", TestMailServer.imapPort(), Security.NONE, address, "wrong-password-77", "INBOX"), Protocol.IMAP);

        assertThat(steps(report)).containsExactly(Step.DNS, Step.CONNECT, Step.LOGIN);
        StepResult failure = report.failure().orElseThrow();
        assertThat(failure.message()).startsWith("Login refused by the server: ");
        assertThat(report.toString()).doesNotContain("wrong-password-77").doesNotContain("right-password-1");
    }

    @Test
    void aMissingFolderFailsAtTheFolderStep() {
        String address = user("folder-secret-1");

        Report report = check.check(new Connection("127.0.0.1", TestMailServer.imapPort(), Security.NONE, address, "folder-secret-1", "Support"), Protocol.IMAP);

        assertThat(steps(report)).containsExactly(Step.DNS, Step.CONNECT, Step.LOGIN, Step.FOLDER);
        assertThat(report.failure().orElseThrow().message()).isEqualTo("No folder 'Support' on the server.");
    }

    @Test
    void aSavedMailboxIsCheckedWithItsStoredPasswordsAndTheOutcomeIsRecorded() {
        String address = user("saved-secret-1");
        TeamView team = data.team("check");
        Mailbox saved = mailboxes.create(new Mailboxes.MailboxForm(address, "Check", team.id(),
                TestMailServer.imap(address, "saved-secret-1"), TestMailServer.smtp(address, "saved-secret-1"),
                null, false, true), Mailbox.Source.ADMIN);

        List<Report> passed = check.check(saved.id());
        Mailbox afterPass = mailboxes.find(saved.id()).orElseThrow();
        // the form with empty passwords means the stored ones; a changed folder is not what is saved, so not recorded
        List<Report> formCheck = check.check(saved.id(), new Mailboxes.ServerForm("127.0.0.1", TestMailServer.imapPort(), Security.NONE,
                address, "", "Elsewhere"), TestMailServer.smtp(address, ""));
        Mailbox afterForm = mailboxes.find(saved.id()).orElseThrow();

        assertThat(passed).extracting(Report::protocol).containsExactly(Protocol.IMAP, Protocol.SMTP);
        assertThat(passed).allMatch(Report::ok);
        assertThat(afterPass.lastCheckedAt()).isNotNull();
        assertThat(afterPass.lastError()).isNull();
        assertThat(formCheck.get(0).failure().orElseThrow().step()).isEqualTo(Step.FOLDER);
        assertThat(formCheck.get(1).ok()).isTrue();
        assertThat(afterForm.lastError()).isNull();

        // the saved values, tested from the form, are recorded
        check.check(saved.id(), new Mailboxes.ServerForm("127.0.0.1", TestMailServer.imapPort(), Security.NONE, address, "wrong-pw-99", "INBOX"), null);
        assertThat(mailboxes.find(saved.id()).orElseThrow().lastError()).isNull();
        mailboxes.update(saved.id(), new Mailboxes.MailboxForm(address, "Check", team.id(),
                TestMailServer.imap(address, "wrong-pw-99"), TestMailServer.smtp(address, ""), null, false, true), afterForm.version());
        check.check(saved.id());
        assertThat(mailboxes.find(saved.id()).orElseThrow().lastError()).startsWith("IMAP: Login refused by the server: ")
                .doesNotContain("wrong-pw-99");
    }
}
