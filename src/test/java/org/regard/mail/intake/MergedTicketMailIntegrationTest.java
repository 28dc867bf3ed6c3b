package org.regard.mail.intake;

import org.junit.jupiter.api.Test;
import org.regard.accounts.Role;
import org.regard.accounts.TeamView;
import org.regard.mail.mailboxes.Mailbox;
import org.regard.mail.mailboxes.Mailboxes;
import org.regard.support.IntegrationTest;
import org.regard.support.TestData;
import org.regard.tickets.TicketQueries;
import org.regard.tickets.TicketStatus;
import org.regard.tickets.Tickets;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.regard.mail.intake.InboundProcessingIntegrationTest.id;
import static org.regard.mail.intake.InboundProcessingIntegrationTest.mail;

/** Mail to a ticket merged into another threads into the survivor, by its Message-ID and by its number in the subject. */
@IntegrationTest
class MergedTicketMailIntegrationTest {
    @Autowired
    InboundStore store;
    @Autowired
    InboundProcessor processor;
    @Autowired
    Mailboxes mailboxes;
    @Autowired
    TicketQueries queries;
    @Autowired
    Tickets tickets;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TestData data;

    private long receive(Mailbox into, String raw) {
        InboundStore.Stored stored = store.store(into.id(), raw.getBytes(StandardCharsets.UTF_8));
        processor.process(stored.id());
        return jdbc.sql("select ticket_id from mail_inbound where id = ?").param(stored.id()).query(Long.class).single();
    }

    @Test
    void mailToAMergedTicketThreadsIntoTheSurvivor() {
        TeamView team = data.team("mergemail");
        var agent = data.agent(Role.AGENT, team);
        Mailbox mailbox = mailboxes.create(new Mailboxes.MailboxForm(TestData.unique("support") + "@desk.test", "Support", team.id(),
                null, null, Mailbox.ClosedReply.FOLLOW_UP, false, true), Mailbox.Source.ADMIN);
        String customer = TestData.unique("anna") + "@example.test";
        String firstId = id();
        long duplicate = receive(mailbox, mail(customer, "Order 7 missing", firstId, "", "Where is order 7?"));
        long survivor = receive(mailbox, mail(customer, "Order 7 still missing", id(), "", "Again: order 7?"));
        assertThat(duplicate).isNotEqualTo(survivor);

        assertThat(tickets.merge(duplicate, survivor, agent.principal())).isTrue();

        long byReference = receive(mailbox, mail(customer, "Re: Order 7 missing", id(),
                "In-Reply-To: <" + firstId + ">\r\nReferences: <" + firstId + ">\r\n", "Any news?"));
        assertThat(byReference).isEqualTo(survivor);
        long byNumber = receive(mailbox, mail(customer, "Re: Order 7 missing [#" + duplicate + "]", id(), "", "Hello?"));
        assertThat(byNumber).isEqualTo(survivor);

        // the merged ticket stays closed and empty (no follow-up ticket was opened for its closed state)
        var merged = queries.detail(duplicate, data.admin());
        assertThat(merged.summary().status()).isEqualTo(TicketStatus.CLOSED);
        assertThat(merged.messages()).isEmpty();
        assertThat(queries.detail(survivor, data.admin()).messages()).hasSize(4);
        assertThat(queries.detail(survivor, data.admin()).summary().touchesIn()).isEqualTo(4);
    }
}
