package org.regard.mail.intake;

import org.regard.mail.mailboxes.Mailbox;
import org.regard.mail.mailboxes.Mailboxes;

import org.junit.jupiter.api.Test;
import org.regard.accounts.TeamView;
import org.regard.customers.Customers;
import org.regard.support.IntegrationTest;
import org.regard.support.TestData;
import org.regard.tickets.TicketQueries;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** Mail from a new customer: its language is detected, becomes theirs, and the acknowledgement is written in it. */
@IntegrationTest
class MailLanguageIntegrationTest {
    @Autowired
    InboundStore store;
    @Autowired
    InboundProcessor processor;
    @Autowired
    Mailboxes mailboxes;
    @Autowired
    TicketQueries queries;
    @Autowired
    Customers customers;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TestData data;

    @Test
    void aNewCustomersMailSetsTheirLanguageAndTheAcknowledgementFollowsIt() {
        TeamView team = data.team("mail-lang");
        Mailbox acking = mailboxes.create(new Mailboxes.MailboxForm(TestData.unique("support") + "@desk.test", "Support",
                team.id(), null, null, Mailbox.ClosedReply.REOPEN, true, true), Mailbox.Source.ADMIN);
        String address = TestData.unique("an") + "@example.test";
        String raw = InboundProcessingIntegrationTest.mail("Nguyễn Văn An <" + address + ">", "Máy in",
                InboundProcessingIntegrationTest.id(), "", "Xin chào, máy in của tôi không hoạt động nữa. Bạn có thể giúp tôi không?");

        InboundStore.Stored stored = store.store(acking.id(), raw.getBytes(StandardCharsets.UTF_8));
        processor.process(stored.id());

        long ticketId = jdbc.sql("select ticket_id from mail_inbound where id = ?").param(stored.id()).query(Long.class).single();
        assertThat(queries.detail(ticketId, data.admin()).messages().getFirst().language()).isEqualTo("vi");
        assertThat(customers.customerByEmail(address).orElseThrow().language()).isEqualTo("vi");
        assertThat(jdbc.sql("select language from mail_outbox where ticket_id = ? and kind = 'ACKNOWLEDGEMENT'")
                .param(ticketId).query(String.class).single()).isEqualTo("vi");
    }
}
