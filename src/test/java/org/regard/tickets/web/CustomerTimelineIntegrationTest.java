package org.regard.tickets.web;

import org.junit.jupiter.api.Test;
import org.regard.accounts.Role;
import org.regard.support.IntegrationTest;
import org.regard.support.TestData;
import org.regard.support.WebSession;
import org.regard.tickets.Channel;
import org.regard.tickets.TicketCommands;
import org.regard.tickets.TicketQueries;
import org.regard.tickets.Tickets;
import org.regard.tickets.TouchDirection;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

@IntegrationTest
class CustomerTimelineIntegrationTest {
    @LocalServerPort
    int port;
    @Autowired
    TestData data;
    @Autowired
    Tickets tickets;
    @Autowired
    TicketQueries queries;

    @Test
    void theCustomerPageLoadsEveryInteractionAcrossTicketsAndChannelsNewestFirstAndPaged() {
        var team = data.team("timeline");
        var agent = data.agent(Role.AGENT, team);
        var customer = data.customer("Marie Dubois");
        long first = tickets.open(new TicketCommands.OpenTicket(customer.id(), "Broken heater", "The heater is broken.",
                Channel.WEB, team.id(), null, null, null), agent.principal()).ticketId();
        tickets.logContact(first, Channel.PHONE, TouchDirection.OUTBOUND, "Called to book a visit.", null, agent.principal());
        long second = tickets.open(new TicketCommands.OpenTicket(customer.id(), "Invoice", "The invoice is wrong.",
                Channel.PHONE, team.id(), null, null, null), agent.principal()).ticketId();
        tickets.customerWrote(second, "Any news about the invoice?", Channel.WEB, null);
        var otherCustomer = data.customer("Somebody Else");
        tickets.open(new TicketCommands.OpenTicket(otherCustomer.id(), "Not hers", "Unrelated.", Channel.WEB, team.id(),
                null, null, null), agent.principal()).ticketId();

        var session = WebSession.signedIn(port, agent.email(), agent.password());
        assertThat(session.get("/customers/" + customer.id()).body()).contains("hx-get=\"/customers/" + customer.id() + "/timeline\"");
        var fragment = session.htmxGet("/customers/" + customer.id() + "/timeline");
        assertThat(fragment.status()).isEqualTo(200);
        String body = fragment.body();
        assertThat(body).doesNotContain("<html", "Unrelated.");
        int news = body.indexOf("Any news about the invoice?");
        int invoice = body.indexOf("The invoice is wrong.");
        int call = body.indexOf("Called to book a visit.");
        int heater = body.indexOf("The heater is broken.");
        assertThat(List.of(news, invoice, call, heater)).allMatch(i -> i >= 0);
        assertThat(news).isLessThan(invoice);
        assertThat(invoice).isLessThan(call);
        assertThat(call).isLessThan(heater);
        assertThat(body).contains("href=\"/tickets/" + first + "\"", "href=\"/tickets/" + second + "\"", "Call or visit", "Phone");

        var page1 = queries.timelineOf(customer.id(), null, null, 2, agent.principal());
        assertThat(page1).extracting(TicketQueries.TimelineEntry::excerpt)
                .containsExactly("Any news about the invoice?", "The invoice is wrong.");
        var last = page1.getLast();
        var page2 = queries.timelineOf(customer.id(), last.at(), last.messageId(), 2, agent.principal());
        assertThat(page2).extracting(TicketQueries.TimelineEntry::excerpt)
                .containsExactly("Called to book a visit.", "The heater is broken.");
        var older = session.htmxGet("/customers/" + customer.id() + "/timeline?before=" + last.at() + "&beforeId=" + last.messageId());
        assertThat(older.body()).contains("Called to book a visit.").doesNotContain("Any news about the invoice?");

        var outsider = data.agent(Role.AGENT, data.team("other"));
        assertThat(queries.timelineOf(customer.id(), null, null, 20, outsider.principal())).isEmpty();
        assertThat(WebSession.signedIn(port, outsider.email(), outsider.password()).get("/customers/" + customer.id() + "/timeline")
                .body()).contains("id=\"timeline-empty\"");
    }
}
