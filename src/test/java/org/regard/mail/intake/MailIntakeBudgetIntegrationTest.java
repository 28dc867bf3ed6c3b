package org.regard.mail.intake;

import org.junit.jupiter.api.Test;
import org.regard.accounts.TeamView;
import org.regard.mail.mailboxes.Mailbox;
import org.regard.mail.mailboxes.Mailboxes;
import org.regard.support.Eventually;
import org.regard.support.IntegrationTest;
import org.regard.support.StatementLedger;
import org.regard.support.StatementLedger.Tally;
import org.regard.support.TestData;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The budget of taking in one mail, from raw bytes to a committed ticket: storing it (the reader's transaction) and
 * processing it (the pool's), with every listener. See {@code budget.WriteBudgetIntegrationTest} for the rule.
 */
@IntegrationTest
class MailIntakeBudgetIntegrationTest {
    @Autowired
    InboundStore store;
    @Autowired
    InboundProcessor processor;
    @Autowired
    Mailboxes mailboxes;
    @Autowired
    TestData data;
    @Autowired
    JdbcClient jdbc;

    @Test
    void takingInOneMailThatOpensATicketStaysWithinItsBudget() throws Exception {
        TeamView team = data.team("intake-budget");
        Mailbox mailbox = mailboxes.create(new Mailboxes.MailboxForm(TestData.unique("support") + "@desk.test", "Support", team.id(),
                null, null, Mailbox.ClosedReply.REOPEN, false, true), Mailbox.Source.ADMIN);
        String raw = "From: Anna Berger <" + TestData.unique("anna") + "@example.test>\r\nTo: support@desk.test\r\n"
                + "Subject: Drucker druckt nicht\r\nMessage-ID: <" + TestData.unique("m") + "@client.test>\r\n"
                + "MIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n"
                + "Guten Tag, seit gestern kommt nur leeres Papier aus dem Drucker.\r\n";
        long[] id = new long[1];
        Tally tally = StatementLedger.count(() -> {
            id[0] = store.store(mailbox.id(), raw.getBytes(StandardCharsets.UTF_8)).id();
            processor.process(id[0]);
            return null;
        });
        Eventually.until(() -> !tally.busy(), "the intake's asynchronous listeners");
        assertThat(jdbc.sql("select state from mail_inbound where id = ?").param(id[0]).query(String.class).single())
                .isEqualTo("PROCESSED");
        System.out.println("BUDGET take in one mail: " + tally);
        assertThat(tally.statements()).as("statements (budget %d)%n%s", BUDGET_STATEMENTS, tally).isLessThanOrEqualTo(BUDGET_STATEMENTS);
        assertThat(tally.transactions()).as("transactions (budget %d)%n%s", BUDGET_TRANSACTIONS, tally).isLessThanOrEqualTo(BUDGET_TRANSACTIONS);
    }

    // 39: +4 in the ledger's own transaction for the guardrail reports' facts of the new ticket (its report row and its
    // opening day's row: created on the day's first ticket, then counted), as for opening a ticket through the API
    private static final int BUDGET_STATEMENTS = 39;
    private static final int BUDGET_TRANSACTIONS = 6;
}
