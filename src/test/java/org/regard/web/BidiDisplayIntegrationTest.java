package org.regard.web;

import org.junit.jupiter.api.Test;
import org.regard.accounts.Role;
import org.regard.accounts.TeamView;
import org.regard.customers.Customers;
import org.regard.support.IntegrationTest;
import org.regard.support.TestData;
import org.regard.support.WebSession;
import org.regard.tickets.Channel;
import org.regard.tickets.NewAttachment;
import org.regard.tickets.Priority;
import org.regard.tickets.TicketCommands.OpenTicket;
import org.regard.tickets.Tickets;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.net.URLDecoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Names and file names carrying characters that turn text around (a right-to-left override makes
 * "invoice" + U+202E + "fdp.exe" look like "invoiceexe.pdf") are shown and offered without them, isolated in the page.
 */
@IntegrationTest
class BidiDisplayIntegrationTest {
    private static final String OVERRIDE = "\u202E";

    @LocalServerPort
    int port;
    @Autowired
    TestData data;
    @Autowired
    Customers customers;
    @Autowired
    Tickets tickets;

    @Test
    void theTicketPageAndTheDownloadShowNoDirectionOverrides() {
        TeamView team = data.team("bidi");
        TestData.TestAgent agent = data.named("Agent \u2066Mallory\u2069" + OVERRIDE + "nimda", Role.AGENT, null, team);
        Customers.CustomerView customer = data.customer("Eve" + OVERRIDE + "gnp.exe");
        long id = tickets.open(new OpenTicket(customer.id(), "Invoice", "See the file", Channel.WEB, team.id(), Priority.NORMAL,
                null, null, List.of(new NewAttachment("invoice" + OVERRIDE + "fdp.exe", "application/octet-stream", null, false,
                        new byte[]{1, 2, 3})), false, null), agent.principal()).ticketId();

        WebSession page = WebSession.signedIn(port, agent.email(), agent.password());
        WebSession.Page ticket = page.get("/tickets/" + id);

        assertThat(ticket.status()).isEqualTo(200);
        assertThat(ticket.body()).doesNotContain(OVERRIDE, "\u2066", "\u2069", "&#x202e;", "&#8238;");
        assertThat(ticket.body()).contains(">invoicefdp.exe</a>", "Evegnp.exe", "Agent Mallorynimda");
        assertThat(ticket.body()).containsPattern("<strong class=\"author\" dir=\"auto\">Evegnp.exe</strong>");
        assertThat(ticket.body()).containsPattern("dir=\"auto\">invoicefdp.exe</a>");

        String attachment = ticket.find("href=\"(/tickets/attachments/\\d+)\"").orElseThrow();
        HttpResponse<byte[]> download = page.download(attachment);
        String disposition = download.headers().firstValue("Content-Disposition").orElseThrow();
        assertThat(URLDecoder.decode(disposition, StandardCharsets.UTF_8)).doesNotContain(OVERRIDE).contains("invoicefdp.exe");

        WebSession.Page list = page.get("/customers?q=Eve");
        assertThat(list.body()).doesNotContain(OVERRIDE).containsPattern("dir=\"auto\"[^>]*>Evegnp.exe</a>")
                .contains("title=\"Evegnp.exe\"");
    }
}
