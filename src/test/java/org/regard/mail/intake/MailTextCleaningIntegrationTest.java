package org.regard.mail.intake;

import org.junit.jupiter.api.Test;
import org.regard.accounts.TeamView;
import org.regard.mail.mailboxes.Mailbox;
import org.regard.mail.mailboxes.Mailboxes;
import org.regard.support.IntegrationTest;
import org.regard.support.TestData;
import org.regard.tickets.TicketQueries;
import org.regard.tickets.TicketQueries.TicketDetail;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;

/** A customer's mail is never refused for characters a database cannot keep: they are cleaned, on both databases. */
@IntegrationTest
class MailTextCleaningIntegrationTest {
    @Autowired
    InboundStore store;
    @Autowired
    InboundProcessor processor;
    @Autowired
    Mailboxes mailboxes;
    @Autowired
    TicketQueries queries;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TestData data;

    @Test
    void nulCharactersInTheSenderSubjectBodyAndFileNameAreRemovedAndTheMailBecomesATicket() {
        TeamView team = data.team("cleanmail");
        Mailbox mailbox = mailboxes.create(new Mailboxes.MailboxForm(TestData.unique("support") + "@desk.test", "Support",
                team.id(), null, null, Mailbox.ClosedReply.REOPEN, false, true), Mailbox.Source.ADMIN);
        String from = TestData.unique("nul") + "@example.test";
        ByteArrayOutputStream raw = new ByteArrayOutputStream();
        raw.writeBytes(("From: =?utf-8?Q?Ann=00a_Berg?= <" + from + ">\r\nTo: support@desk.test\r\n"
                + "Subject: =?utf-8?Q?Printer=00_on_fire?=\r\nMessage-ID: <" + TestData.unique("m") + "@client.test>\r\n"
                + "MIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=b\r\n\r\n--b\r\n"
                + "Content-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\nIt is").getBytes(StandardCharsets.UTF_8));
        raw.write(0);
        raw.writeBytes((" burning\r\n--b\r\nContent-Type: application/pdf\r\n"
                + "Content-Disposition: attachment; filename*=utf-8''bill%00.pdf\r\nContent-Transfer-Encoding: base64\r\n\r\n"
                + Base64.getEncoder().encodeToString(new byte[]{37, 80, 68, 70}) + "\r\n--b--\r\n").getBytes(StandardCharsets.UTF_8));

        InboundStore.Stored stored = store.store(mailbox.id(), raw.toByteArray());
        processor.process(stored.id());

        var row = jdbc.sql("select state, ticket_id from mail_inbound where id = ?").param(stored.id()).query().singleRow();
        assertThat(row.get("state")).isEqualTo("PROCESSED");
        TicketDetail ticket = queries.detail(((Number) row.get("ticket_id")).longValue(), data.admin());
        assertThat(ticket.summary().subject()).isEqualTo("Printer on fire");
        assertThat(ticket.summary().customerName()).isEqualTo("Anna Berg");
        assertThat(ticket.messages().getFirst().body()).isEqualTo("It is burning");
        assertThat(ticket.messages().getFirst().attachments()).singleElement()
                .satisfies(a -> assertThat(a.fileName()).doesNotContain("\u0000").startsWith("bill").endsWith(".pdf"));
    }
}
