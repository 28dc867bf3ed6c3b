package org.regard.tickets.web;

import org.junit.jupiter.api.Test;
import org.regard.accounts.Role;
import org.regard.accounts.TeamView;
import org.regard.support.IntegrationTest;
import org.regard.support.TestData;
import org.regard.support.TestData.TestAgent;
import org.regard.support.WebSession;
import org.regard.tickets.Channel;
import org.regard.tickets.MessageKind;
import org.regard.tickets.TicketCommands.OpenTicket;
import org.regard.tickets.TicketQueries;
import org.regard.tickets.TicketQueries.MessageView;
import org.regard.tickets.TicketStatus;
import org.regard.tickets.Tickets;
import org.regard.tickets.TouchDirection;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

@IntegrationTest
class ComposerIntegrationTest {
    @LocalServerPort
    int port;
    @Autowired
    Tickets tickets;
    @Autowired
    TicketQueries queries;
    @Autowired
    TestData data;

    @Test
    void aReplyIsWrittenOnceAndTheAgentIsSentBackToTheTicketWithAMessage() {
        TestAgent agent = agent();
        long id = open(agent);
        WebSession session = WebSession.signedIn(port, agent.email(), agent.password());

        var posted = session.post("/tickets/" + id + "/replies",
                "body", "We sent a new one.", "nextStatus", "WAITING", "submissionKey", "reply-1", "mode", "reply");

        assertThat(posted.status()).isEqualTo(302);
        assertThat(posted.redirectPath()).isEqualTo("/tickets/" + id);
        var detail = queries.detail(id, agent.principal());
        assertThat(detail.messages()).extracting(MessageView::kind).containsExactly(MessageKind.CUSTOMER, MessageKind.REPLY);
        assertThat(detail.messages().getLast().authorAgentId()).isEqualTo(agent.id());
        assertThat(detail.summary().status()).isEqualTo(TicketStatus.WAITING);
        assertThat(detail.summary().touchesOut()).as("no mailbox: recorded only, not a touch").isZero();
        String page = session.get("/tickets/" + id).body();
        assertThat(page).contains("id=\"flash\"", "Your reply was recorded on the ticket only", "We sent a new one.")
                .doesNotContain("Your reply was sent");
        assertThat(session.get("/tickets/" + id).body()).doesNotContain("Your reply was recorded on the ticket only");
    }

    @Test
    void theSameSubmissionKeyPostedTwiceWritesOneReply() {
        TestAgent agent = agent();
        long id = open(agent);
        WebSession session = WebSession.signedIn(port, agent.email(), agent.password());
        String[] reply = {"body", "Only once, please.", "nextStatus", "WAITING", "submissionKey", "double-click"};

        var first = session.post("/tickets/" + id + "/replies", reply);
        assertThat(session.get(first.redirectPath()).body()).contains("Your reply was recorded on the ticket only");
        var second = session.post("/tickets/" + id + "/replies", reply);

        assertThat(second.status()).isEqualTo(302);
        assertThat(session.get(second.redirectPath()).body()).contains("This was already saved");
        assertThat(queries.detail(id, agent.principal()).messages()).filteredOn(m -> m.kind() == MessageKind.REPLY).hasSize(1);
    }

    @Test
    void aPostWithoutTheCsrfTokenIsRejectedAndWritesNothing() {
        TestAgent agent = agent();
        long id = open(agent);
        WebSession session = WebSession.signedIn(port, agent.email(), agent.password());

        var posted = session.postAsIs("/tickets/" + id + "/replies", "body", "Forged.", "submissionKey", "forged");

        assertThat(posted.status()).isEqualTo(403);
        assertThat(queries.detail(id, agent.principal()).messages()).hasSize(1);
    }

    @Test
    void anEmptyMessageComesBackWithAFieldErrorInTheSameModeAndWritesNothing() {
        TestAgent agent = agent();
        long id = open(agent);
        WebSession session = WebSession.signedIn(port, agent.email(), agent.password());

        var posted = session.post("/tickets/" + id + "/notes", "body", "   ", "submissionKey", "empty-note", "mode", "note");

        assertThat(posted.status()).isEqualTo(400);
        assertThat(posted.body()).contains("id=\"composer-body-error\"", "the message is empty", "aria-invalid=\"true\"");
        assertThat(posted.body()).containsPattern("id=\"composer-mode-note\"[^>]*checked");
        // the token travels in the form's body (Tomcat reads it from a multipart body too), never in an address
        assertThat(posted.body()).contains("action=\"/tickets/" + id + "/notes\"").doesNotContain("_csrf=");
        assertThat(queries.detail(id, agent.principal()).messages()).hasSize(1);
    }

    @Test
    void aTooLongReplyComesBackWithWhatTheAgentTyped() {
        TestAgent agent = agent();
        long id = open(agent);
        WebSession session = WebSession.signedIn(port, agent.email(), agent.password());
        String typed = "Dear customer, " + "x".repeat(Tickets.MAX_BODY);

        var posted = session.post("/tickets/" + id + "/replies", "body", typed, "nextStatus", "RESOLVED", "submissionKey", "long");

        assertThat(posted.status()).isEqualTo(400);
        assertThat(posted.body()).contains("The message is too long", typed);
        assertThat(posted.body()).containsPattern("<option value=\"RESOLVED\" selected");
        assertThat(queries.detail(id, agent.principal()).messages()).hasSize(1);
    }

    @Test
    void anInternalNoteIsNotATouch() {
        TestAgent agent = agent();
        long id = open(agent);
        WebSession session = WebSession.signedIn(port, agent.email(), agent.password());

        var posted = session.post("/tickets/" + id + "/notes", "body", "Ask the warehouse.", "submissionKey", "note-1");

        assertThat(posted.redirectPath()).isEqualTo("/tickets/" + id);
        var detail = queries.detail(id, agent.principal());
        assertThat(detail.messages().getLast().kind()).isEqualTo(MessageKind.NOTE);
        assertThat(detail.touches()).isEqualTo(1);
        assertThat(session.get("/tickets/" + id).body()).contains("message kind-note", "Ask the warehouse.");
    }

    @Test
    void aLoggedVisitCountsAsATouchInItsDirection() {
        TestAgent agent = agent();
        long id = open(agent);
        WebSession session = WebSession.signedIn(port, agent.email(), agent.password());

        var posted = session.post("/tickets/" + id + "/contacts",
                "body", "Came by the shop with the receipt.", "channel", "VISIT", "direction", "INBOUND", "submissionKey", "visit-1");

        assertThat(posted.redirectPath()).isEqualTo("/tickets/" + id);
        var detail = queries.detail(id, agent.principal());
        MessageView logged = detail.messages().getLast();
        assertThat(logged.kind()).isEqualTo(MessageKind.CONTACT);
        assertThat(logged.channel()).isEqualTo(Channel.VISIT);
        assertThat(logged.touch()).isEqualTo(TouchDirection.INBOUND);
        assertThat(detail.summary().touchesIn()).isEqualTo(2);
    }

    @Test
    void onlyCallsAndVisitsCanBeLogged() {
        TestAgent agent = agent();
        long id = open(agent);
        WebSession session = WebSession.signedIn(port, agent.email(), agent.password());

        var posted = session.post("/tickets/" + id + "/contacts",
                "body", "Sent a fax.", "channel", "EMAIL", "direction", "OUTBOUND", "submissionKey", "fax");

        assertThat(posted.status()).isEqualTo(400);
        assertThat(posted.body()).contains("Choose phone call or visit.", "Sent a fax.");
        assertThat(queries.detail(id, agent.principal()).messages()).hasSize(1);
    }

    @Test
    void anAgentCannotWriteOnAnotherTeamsTicket() {
        TestAgent agent = agent();
        TestAgent outsider = agent();
        long id = open(agent);
        WebSession session = WebSession.signedIn(port, outsider.email(), outsider.password());

        assertThat(session.post("/tickets/" + id + "/replies", "body", "Hello", "submissionKey", "x").status()).isEqualTo(403);
        assertThat(session.post("/tickets/" + id + "/notes", "body", "", "submissionKey", "y").status()).isEqualTo(403);
        assertThat(queries.detail(id, agent.principal()).messages()).hasSize(1);
    }

    private TestAgent agent() {
        TeamView team = data.team("composer");
        return data.agent(Role.AGENT, team);
    }

    private long open(TestAgent agent) {
        var customer = data.customer("Jonas Weber");
        long teamId = data.accounts().teamIdsOf(agent.id()).iterator().next();
        return tickets.open(new OpenTicket(customer.id(), "Invoice missing", "Where is my invoice?", Channel.WEB, teamId,
                null, null, null), agent.principal()).ticketId();
    }
}
