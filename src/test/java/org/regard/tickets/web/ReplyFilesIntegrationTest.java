package org.regard.tickets.web;

import org.junit.jupiter.api.Test;
import org.regard.accounts.Role;
import org.regard.accounts.TeamView;
import org.regard.support.IntegrationTest;
import org.regard.support.TestData;
import org.regard.support.TestData.TestAgent;
import org.regard.support.WebSession;
import org.regard.support.WebSession.FilePart;
import org.regard.tickets.AttachmentView;
import org.regard.tickets.Channel;
import org.regard.tickets.MessageKind;
import org.regard.tickets.TicketCommands.OpenTicket;
import org.regard.tickets.TicketQueries;
import org.regard.tickets.Tickets;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.ui.ExtendedModelMap;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Files on replies: chosen in the composer, stored with the reply, refused clearly when too large. */
@IntegrationTest
class ReplyFilesIntegrationTest {
    @LocalServerPort
    int port;
    @Autowired
    Tickets tickets;
    @Autowired
    TicketQueries queries;
    @Autowired
    TestData data;
    @Autowired
    TicketPageModel page;

    TestAgent agent() {
        TeamView team = data.team("files");
        return data.agent(Role.AGENT, team);
    }

    long open(TestAgent agent) {
        return tickets.open(new OpenTicket(data.customer("Bo").id(), "Invoice", "Please send the invoice.", Channel.EMAIL,
                null, null, null, UUID.randomUUID().toString()), agent.principal()).ticketId();
    }

    /** Where the composer's reply button posts, as the page wrote it (it carries the CSRF token for uploads). */
    static String replyAction(WebSession.Page page) {
        return page.find("id=\"send-reply\"[^>]*formaction=\"([^\"]+)\"").orElseThrow().replace("&amp;", "&");
    }

    @Test
    void theComposerSendsFilesWithTheReply() {
        TestAgent agent = agent();
        long id = open(agent);
        WebSession session = WebSession.signedIn(port, agent.email(), agent.password());
        WebSession.Page ticketPage = session.get("/tickets/" + id);
        assertThat(ticketPage.body()).contains("enctype=\"multipart/form-data\"", "type=\"file\"", "name=\"files\"",
                "data-max-file-size=\"26214400\"", "data-max-request-size=\"31457280\"", "Up to 25 MB per file, 30 MB in all.");

        byte[] content = "total: 42 EUR".getBytes(StandardCharsets.UTF_8);
        var posted = session.postMultipart(replyAction(ticketPage),
                new String[]{"body", "Here is the invoice.", "nextStatus", "WAITING", "submissionKey", "files-1", "mode", "reply"},
                new FilePart("files", "invoice.txt", "text/plain", content),
                new FilePart("files", "", "application/octet-stream", new byte[0]));

        assertThat(posted.status()).isEqualTo(302);
        var reply = queries.detail(id, agent.principal()).messages().getLast();
        assertThat(reply.kind()).isEqualTo(MessageKind.REPLY);
        assertThat(reply.body()).isEqualTo("Here is the invoice.");
        assertThat(reply.attachments()).extracting(AttachmentView::fileName).containsExactly("invoice.txt");
        assertThat(reply.attachments().getFirst().size()).isEqualTo(content.length);
        assertThat(queries.file(reply.attachments().getFirst().id(), agent.principal()).orElseThrow().data()).isEqualTo(content);
        String shown = session.get("/tickets/" + id).body();
        assertThat(shown).contains("href=\"/tickets/attachments/" + reply.attachments().getFirst().id() + "\"", "invoice.txt");
    }

    @Test
    void aFileOverTheLimitIsRefusedWithTheLimitExplainedAndNothingIsWritten() {
        TestAgent agent = agent();
        long id = open(agent);
        WebSession session = WebSession.signedIn(port, agent.email(), agent.password());
        String action = replyAction(session.get("/tickets/" + id));

        var refused = session.postMultipart(action,
                new String[]{"body", "The big one.", "nextStatus", "WAITING", "submissionKey", "files-big"},
                new FilePart("files", "huge.bin", "application/octet-stream", new byte[25 * 1024 * 1024 + 1]));

        assertThat(refused.status()).isEqualTo(413);
        assertThat(refused.body()).contains("id=\"composer-error\"",
                "The files are too large: at most 25 MB per file and 30 MB in all. Nothing was sent");
        assertThat(queries.detail(id, agent.principal()).messages()).hasSize(1);
    }

    @Test
    void aReplyTakenBackComesBackIntoTheComposer() {
        TestAgent agent = agent();
        long id = open(agent);
        ExtendedModelMap model = new ExtendedModelMap();
        model.addAttribute("restoredReply", "Dear Bo, the invoice is attached.");

        page.fill(model, id, agent.principal());

        ComposerForm composer = (ComposerForm) model.getAttribute("composer");
        assertThat(composer.getBody()).isEqualTo("Dear Bo, the invoice is attached.");
        assertThat(composer.getMode()).isEqualTo(ComposerMode.REPLY.value());
        ExtendedModelMap plain = new ExtendedModelMap();
        page.fill(plain, id, agent.principal());
        assertThat(((ComposerForm) plain.getAttribute("composer")).getBody()).isNull();
    }
}
