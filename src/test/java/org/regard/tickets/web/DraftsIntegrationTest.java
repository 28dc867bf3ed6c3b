package org.regard.tickets.web;

import org.junit.jupiter.api.Test;
import org.regard.accounts.Role;
import org.regard.accounts.TeamView;
import org.regard.api.ApiClient;
import org.regard.support.IntegrationTest;
import org.regard.support.TestData;
import org.regard.support.TestData.TestAgent;
import org.regard.support.WebSession;
import org.regard.tickets.Channel;
import org.regard.tickets.Drafts;
import org.regard.tickets.TicketCommands.OpenTicket;
import org.regard.tickets.Tickets;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.regard.api.ApiClient.bearer;

/** What an agent types in the composer is kept on the server, for them alone, until it is sent or discarded. */
@IntegrationTest
class DraftsIntegrationTest {
    @LocalServerPort
    int port;
    @Autowired
    Tickets tickets;
    @Autowired
    Drafts drafts;
    @Autowired
    TestData data;

    @Test
    void aSavedDraftComesBackInTheComposerWithItsMode() {
        TeamView team = data.team("draft-back");
        TestAgent agent = data.agent(Role.AGENT, team);
        long id = open(agent, team);
        WebSession session = WebSession.signedIn(port, agent.email(), agent.password());

        var saved = session.post("/tickets/" + id + "/draft", "mode", "note", "body", "Check the toner <first> & then call", "submissionKey", "k1");

        assertThat(saved.status()).isEqualTo(204);
        assertThat(drafts.of(id, agent.principal())).hasValueSatisfying(d -> {
            assertThat(d.mode()).isEqualTo("note");
            assertThat(d.body()).isEqualTo("Check the toner <first> & then call");
        });
        // another device: a new session of the same agent
        var page = WebSession.signedIn(port, agent.email(), agent.password()).get("/tickets/" + id);
        assertThat(page.body()).contains("Check the toner &lt;first&gt; &amp; then call", "Your unsent draft from")
                .containsPattern("id=\"composer-mode-note\" value=\"note\"\\s+data-composer-mode data-action=\"[^\"]+\" checked")
                .containsPattern("id=\"discard-draft\"[^>]*>")
                .doesNotContainPattern("id=\"discard-draft\"[^>]*hidden")
                .contains("data-draft-stale=\"false\"");
    }

    @Test
    void aLaterSaveReplacesTheDraftAndEmptyTextRemovesIt() {
        TeamView team = data.team("draft-replace");
        TestAgent agent = data.agent(Role.AGENT, team);
        long id = open(agent, team);
        WebSession session = WebSession.signedIn(port, agent.email(), agent.password());

        session.post("/tickets/" + id + "/draft", "mode", "reply", "body", "Dear", "submissionKey", "k1");
        session.post("/tickets/" + id + "/draft", "mode", "reply", "body", "Dear Anna, your invoice", "submissionKey", "k1");
        assertThat(drafts.of(id, agent.principal())).map(Drafts.Draft::body).hasValue("Dear Anna, your invoice");

        assertThat(session.post("/tickets/" + id + "/draft", "mode", "reply", "body", "  ", "submissionKey", "k1").status()).isEqualTo(204);
        assertThat(drafts.of(id, agent.principal())).isEmpty();
        assertThat(session.get("/tickets/" + id).body()).doesNotContain("Your unsent draft from")
                .containsPattern("id=\"discard-draft\"[^>]*hidden");
    }

    @Test
    void aDraftIsItsAuthorsAlone() {
        TeamView team = data.team("draft-own");
        TestAgent author = data.agent(Role.AGENT, team);
        TestAgent colleague = data.agent(Role.AGENT, team);
        long id = open(author, team);
        WebSession session = WebSession.signedIn(port, author.email(), author.password());
        session.post("/tickets/" + id + "/draft", "mode", "reply", "body", "Only mine, half written", "submissionKey", "k1");

        var seen = WebSession.signedIn(port, colleague.email(), colleague.password()).get("/tickets/" + id);

        assertThat(seen.status()).isEqualTo(200);
        assertThat(seen.body()).doesNotContain("Only mine, half written", "Your unsent draft from");
        assertThat(drafts.of(id, colleague.principal())).isEmpty();
    }

    @Test
    void sendingTheReplyOrTheNoteDeletesTheDraftInItsOwnWrite() {
        TeamView team = data.team("draft-sent");
        TestAgent agent = data.agent(Role.AGENT, team);
        TestAgent colleague = data.agent(Role.AGENT, team);
        long id = open(agent, team);
        WebSession session = WebSession.signedIn(port, agent.email(), agent.password());
        WebSession other = WebSession.signedIn(port, colleague.email(), colleague.password());
        session.post("/tickets/" + id + "/draft", "mode", "reply", "body", "We sent a new one.", "submissionKey", "send-1");
        other.post("/tickets/" + id + "/draft", "mode", "note", "body", "My own note, not sent", "submissionKey", "other-1");

        var sent = session.post("/tickets/" + id + "/replies", "body", "We sent a new one.", "nextStatus", "WAITING",
                "submissionKey", "send-1", "mode", "reply");

        assertThat(sent.status()).isEqualTo(302);
        assertThat(drafts.of(id, agent.principal())).isEmpty();
        assertThat(drafts.of(id, colleague.principal())).as("another agent's draft stays").isPresent();
        assertThat(session.get("/tickets/" + id).body()).doesNotContain("Your unsent draft from");

        // a save that was on its way when the reply went is dropped, so the sent text does not come back
        var late = session.post("/tickets/" + id + "/draft", "mode", "reply", "body", "We sent a new one.", "submissionKey", "send-1");
        assertThat(late.status()).isEqualTo(409);
        assertThat(drafts.of(id, agent.principal())).isEmpty();

        other.post("/tickets/" + id + "/notes", "body", "My own note, not sent", "submissionKey", "other-2", "mode", "note");
        assertThat(drafts.of(id, colleague.principal())).isEmpty();
    }

    @Test
    void aReplyThroughTheApiAlsoDeletesTheAgentsDraft() {
        TeamView team = data.team("draft-api");
        TestAgent agent = data.agent(Role.AGENT, team);
        long id = open(agent, team);
        WebSession.signedIn(port, agent.email(), agent.password())
                .post("/tickets/" + id + "/draft", "mode", "reply", "body", "Typed in the browser", "submissionKey", "b-1");

        var answer = new ApiClient(port).post("/api/v1/tickets/" + id + "/messages").auth(bearer(data.apiToken(agent)))
                .json(Map.of("kind", "reply", "body", "Sent from a script instead")).send();

        assertThat(answer.status()).as(answer.toString()).isEqualTo(201);
        assertThat(drafts.of(id, agent.principal())).isEmpty();
    }

    @Test
    void draftsOfAnotherTeamsTicketAreRefused() {
        TeamView team = data.team("draft-mine");
        TeamView foreign = data.team("draft-foreign");
        TestAgent agent = data.agent(Role.AGENT, team);
        TestAgent stranger = data.agent(Role.AGENT, foreign);
        long id = open(agent, team);
        WebSession session = WebSession.signedIn(port, stranger.email(), stranger.password());

        var saved = session.post("/tickets/" + id + "/draft", "mode", "reply", "body", "Not my team's ticket", "submissionKey", "x");
        var discarded = session.post("/tickets/" + id + "/draft/discard");

        assertThat(saved.status()).isEqualTo(403);
        assertThat(discarded.status()).isEqualTo(403);
        assertThat(session.post("/tickets/999999999/draft", "mode", "reply", "body", "Nowhere", "submissionKey", "x").status())
                .isEqualTo(404);
        assertThat(drafts.of(id, agent.principal())).isEmpty();
    }

    @Test
    void aDraftWithAnUnknownModeOrTooLongIsRefusedAndNothingIsKept() {
        TeamView team = data.team("draft-bad");
        TestAgent agent = data.agent(Role.AGENT, team);
        long id = open(agent, team);
        WebSession session = WebSession.signedIn(port, agent.email(), agent.password());

        assertThat(session.post("/tickets/" + id + "/draft", "mode", "shout", "body", "Hello", "submissionKey", "x").status()).isEqualTo(400);
        assertThat(session.post("/tickets/" + id + "/draft", "mode", "reply", "body", "x".repeat(Tickets.MAX_BODY + 1),
                "submissionKey", "x").status()).isEqualTo(400);
        assertThat(drafts.of(id, agent.principal())).isEmpty();
    }

    @Test
    void discardingTheDraftEmptiesTheComposer() {
        TeamView team = data.team("draft-discard");
        TestAgent agent = data.agent(Role.AGENT, team);
        long id = open(agent, team);
        WebSession session = WebSession.signedIn(port, agent.email(), agent.password());
        session.post("/tickets/" + id + "/draft", "mode", "reply", "body", "Second thoughts", "submissionKey", "k");

        var discarded = session.postMultipart("/tickets/" + id + "/draft/discard", new String[]{"body", "Second thoughts", "mode", "reply"});

        assertThat(discarded.status()).isEqualTo(302);
        assertThat(discarded.redirectPath()).isEqualTo("/tickets/" + id);
        assertThat(drafts.of(id, agent.principal())).isEmpty();
        assertThat(session.get("/tickets/" + id).body()).contains("Your draft was discarded.").doesNotContain("Second thoughts");
    }

    @Test
    void aFailedReplyIsShownWithoutTokensInAnyAddressAndNamesItsPage() {
        TeamView team = data.team("draft-failed");
        TestAgent agent = data.agent(Role.AGENT, team);
        long id = open(agent, team);
        WebSession session = WebSession.signedIn(port, agent.email(), agent.password());
        String ticketPage = session.get("/tickets/" + id).body();
        assertThat(ticketPage).doesNotContain("_csrf=");

        var failed = session.header("Referer", "http://127.0.0.1:" + port + "/tickets/" + id)
                .postMultipart("/tickets/" + id + "/replies", new String[]{"body", " ", "nextStatus", "WAITING",
                        "submissionKey", "empty-1", "mode", "reply"});
        session.header("Referer", null);

        assertThat(failed.status()).isEqualTo(400);
        assertThat(failed.body()).contains("id=\"composer-body-error\"").doesNotContain("_csrf=")
                .contains("data-page-url=\"/tickets/" + id + "\"");
        // the address the form was posted to, loaded as a page, leads back to the ticket
        var reloaded = session.get("/tickets/" + id + "/replies");
        assertThat(reloaded.status()).isEqualTo(302);
        assertThat(reloaded.redirectPath()).isEqualTo("/tickets/" + id);
        assertThat(session.get("/tickets/" + id + "/replies?_csrf=stale").redirectPath()).isEqualTo("/tickets/" + id);
    }

    @Test
    void aFailedReplysTextIsMarkedForTheScriptToSaveAsTheDraft() {
        TeamView team = data.team("draft-stale");
        TestAgent agent = data.agent(Role.AGENT, team);
        long id = open(agent, team);
        WebSession session = WebSession.signedIn(port, agent.email(), agent.password());

        var failed = session.postMultipart("/tickets/" + id + "/replies", new String[]{"body", "x".repeat(Tickets.MAX_BODY + 1),
                "nextStatus", "WAITING", "submissionKey", "long-1", "mode", "reply"});

        assertThat(failed.status()).isEqualTo(400);
        assertThat(failed.body()).contains("data-draft-stale=\"true\"");
    }

    private long open(TestAgent agent, TeamView team) {
        var customer = data.customer("Anna " + TestData.unique("draft"));
        return tickets.open(new OpenTicket(customer.id(), "Toner", "The printer is out of toner.", Channel.WEB, team.id(),
                null, null, null), agent.principal()).ticketId();
    }
}
