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
import org.regard.tickets.MessageKind;
import org.regard.tickets.TicketCommands.OpenTicket;
import org.regard.tickets.TicketCommands.UpdateTicket;
import org.regard.tickets.TicketQueries;
import org.regard.tickets.TicketQueries.MessageView;
import org.regard.tickets.TicketStatus;
import org.regard.tickets.Tickets;
import org.regard.tickets.TouchDirection;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.regard.api.ApiClient.bearer;

/**
 * A reply that nothing carries to the customer says so before and after it is written, and is no touch unless the agent
 * gave the answer another way; the composer offers an unassigned ticket to the agent who replies; a reply refused because
 * a colleague resolved the ticket names the colleague. No mailbox serves these teams.
 */
@IntegrationTest
class RecordedRepliesIntegrationTest {
    @LocalServerPort
    int port;
    @Autowired
    Tickets tickets;
    @Autowired
    TicketQueries queries;
    @Autowired
    TestData data;

    @Test
    void aReplyWithNoMailboxIsRecordedInTheApiAndIsNoTouch() {
        TeamView team = data.team("recorded");
        TestAgent agent = data.agent(Role.AGENT, team);
        long id = phoneTicket(agent, team);
        ApiClient api = new ApiClient(port);
        String token = data.apiToken(agent);

        var reply = api.post("/api/v1/tickets/" + id + "/messages").auth(bearer(token))
                .json(Map.of("kind", "reply", "body", "We will look into it.")).send();

        assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
        assertThat(reply.json().get("delivery").get("state").asString()).isEqualTo("recorded");
        assertThat(reply.json().get("sender").isNull()).as("nothing travelled by email").isTrue();
        var ticket = api.get("/api/v1/tickets/" + id).auth(bearer(token)).send().json();
        assertThat(ticket.get("touches").get("out").asInt()).isZero();
        assertThat(ticket.get("messages").get(1).get("delivery").get("state").asString()).isEqualTo("recorded");
        var note = api.post("/api/v1/tickets/" + id + "/messages").auth(bearer(token))
                .json(Map.of("kind", "note", "body", "Noted.", "toldBy", "phone")).send();
        assertThat(note.status()).as("toldBy is for replies only").isEqualTo(400);
        var bad = api.post("/api/v1/tickets/" + id + "/messages").auth(bearer(token))
                .json(Map.of("kind", "reply", "body", "By carrier pigeon.", "toldBy", "email")).send();
        assertThat(bad.status()).as(bad.toString()).isEqualTo(400);
        assertThat(bad.body()).contains("toldBy");
    }

    @Test
    void theComposerSaysRecordedOnlyBeforeAndAfterAndARecordedReplyWithACallIsATouch() {
        TeamView team = data.team("recorded");
        TestAgent agent = data.agent(Role.AGENT, team);
        long id = phoneTicket(agent, team);
        WebSession session = WebSession.signedIn(port, agent.email(), agent.password());

        String before = session.get("/tickets/" + id).body();
        assertThat(before).contains("id=\"composer-destination\"", "data-destination=\"RECORDED\"",
                "Will be recorded only: no mailbox serves this team", "id=\"composer-told-by\"");

        var recorded = session.post("/tickets/" + id + "/replies", "body", "Recorded, not said.", "nextStatus", "OPEN",
                "submissionKey", TestData.unique("k"), "mode", "reply", "toldBy", "");
        assertThat(recorded.status()).isEqualTo(302);
        String after = session.get("/tickets/" + id).body();
        assertThat(after).contains("Your reply was recorded on the ticket only", "delivery-recorded", "Recorded only",
                "Not sent: nothing left Regard").doesNotContain("Your reply was sent");
        assertThat(queries.detail(id, agent.principal()).summary().touchesOut()).isZero();

        var told = session.post("/tickets/" + id + "/replies", "body", "I told her on the phone: it ships Monday.",
                "nextStatus", "WAITING", "submissionKey", TestData.unique("k"), "mode", "reply", "toldBy", "PHONE");
        assertThat(told.status()).isEqualTo(302);
        assertThat(session.get("/tickets/" + id).body()).contains("with the answer you gave the customer yourself",
                "Not sent: the answer was given by phone.");
        var detail = queries.detail(id, agent.principal());
        assertThat(detail.summary().touchesOut()).as("the call is the touch").isEqualTo(1);
        MessageView last = detail.messages().getLast();
        assertThat(last.kind()).isEqualTo(MessageKind.REPLY);
        assertThat(last.channel()).isEqualTo(Channel.PHONE);
        assertThat(last.touch()).isEqualTo(TouchDirection.OUTBOUND);
    }

    @Test
    void replyingToAnUnassignedTicketOffersToTakeItAndTheCheckedBoxAssignsInTheSameWrite() {
        TeamView team = data.team("take");
        TestAgent agent = data.agent(Role.AGENT, team);
        long id = phoneTicket(agent, team);
        WebSession session = WebSession.signedIn(port, agent.email(), agent.password());

        String page = session.get("/tickets/" + id).body();
        assertThat(page).containsPattern("<input type=\"checkbox\" id=\"composer-take-it\" name=\"takeIt\" value=\"true\" checked");

        var unchecked = session.post("/tickets/" + id + "/replies", "body", "Not mine yet.", "nextStatus", "OPEN",
                "submissionKey", TestData.unique("k"), "mode", "reply", "_takeIt", "on");
        assertThat(unchecked.status()).isEqualTo(302);
        assertThat(queries.detail(id, agent.principal()).summary().assigneeId()).as("an unchecked box takes nothing").isNull();

        var taken = session.post("/tickets/" + id + "/replies", "body", "I will handle this.", "nextStatus", "WAITING",
                "submissionKey", TestData.unique("k"), "mode", "reply", "takeIt", "true", "_takeIt", "on");
        assertThat(taken.status()).isEqualTo(302);
        var detail = queries.detail(id, agent.principal());
        assertThat(detail.summary().assigneeId()).isEqualTo(agent.id());
        assertThat(detail.changes()).filteredOn(c -> c.field().equals("assignee"))
                .extracting(TicketQueries.ChangeView::newValue).containsExactly(agent.principal().displayName());
        assertThat(session.get("/tickets/" + id).body()).as("an assigned ticket is not offered").doesNotContain("composer-take-it");

        TestAgent colleague = data.agent(Role.AGENT, team);
        tickets.reply(id, new org.regard.tickets.TicketCommands.Reply("Me too.", null, null, null, null, true), colleague.principal());
        assertThat(queries.detail(id, agent.principal()).summary().assigneeId()).as("a taken ticket stays with its assignee")
                .isEqualTo(agent.id());
    }

    @Test
    void aReplyRefusedBecauseAColleagueResolvedTheTicketSaysWhoAndWhen() {
        TeamView team = data.team("resolved");
        TestAgent agent = data.agent(Role.AGENT, team);
        TestAgent colleague = data.named("Marie Colleague", Role.AGENT, "en", team);
        long id = phoneTicket(agent, team);
        WebSession session = WebSession.signedIn(port, agent.email(), agent.password());
        session.get("/tickets/" + id);

        tickets.update(id, new UpdateTicket(TicketStatus.RESOLVED, null, null, null, null, null, null), colleague.principal());
        var refused = session.post("/tickets/" + id + "/replies", "body", "Here is what I found.", "nextStatus", "WAITING",
                "submissionKey", TestData.unique("k"), "mode", "reply");

        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.body()).contains("Marie Colleague resolved this ticket while you were writing",
                "Nothing was sent and your reply is kept below", "Here is what I found.");
        assertThat(queries.detail(id, agent.principal()).messages()).filteredOn(m -> m.kind() == MessageKind.REPLY).isEmpty();

        ApiClient api = new ApiClient(port);
        var viaApi = api.post("/api/v1/tickets/" + id + "/messages").auth(bearer(data.apiToken(agent)))
                .json(Map.of("kind", "reply", "body", "Here is what I found.", "status", "waiting")).send();
        assertThat(viaApi.status()).isEqualTo(409);
        assertThat(viaApi.json().get("detail").asString()).startsWith("Marie Colleague resolved this ticket at ");
    }

    private long phoneTicket(TestAgent agent, TeamView team) {
        var customer = data.customer("Pierre Martin");
        return tickets.open(new OpenTicket(customer.id(), "Broken kettle", "Called: the kettle leaks.", Channel.PHONE, team.id(),
                null, null, null), agent.principal()).ticketId();
    }
}
