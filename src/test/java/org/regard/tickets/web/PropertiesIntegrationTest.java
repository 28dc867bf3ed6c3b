package org.regard.tickets.web;

import org.junit.jupiter.api.Test;
import org.regard.accounts.Role;
import org.regard.accounts.TeamView;
import org.regard.support.IntegrationTest;
import org.regard.support.TestData;
import org.regard.support.TestData.TestAgent;
import org.regard.support.WebSession;
import org.regard.tickets.Channel;
import org.regard.tickets.Priority;
import org.regard.tickets.TicketCommands.OpenTicket;
import org.regard.tickets.TicketCommands.UpdateTicket;
import org.regard.tickets.TicketQueries;
import org.regard.tickets.TicketStatus;
import org.regard.tickets.Tickets;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

@IntegrationTest
class PropertiesIntegrationTest {
    @LocalServerPort
    int port;
    @Autowired
    Tickets tickets;
    @Autowired
    TicketQueries queries;
    @Autowired
    TestData data;

    @Test
    void theAgentChangesStatusPriorityAndAssigneeAgainstTheVersionTheySaw() {
        TeamView team = data.team("props");
        TestAgent agent = data.agent(Role.AGENT, team);
        long id = open(agent, team);
        WebSession session = WebSession.signedIn(port, agent.email(), agent.password());
        String version = session.get("/tickets/" + id).valueOf("ticket-version");

        var posted = session.post("/tickets/" + id, "version", version, "status", "OPEN", "priority", "URGENT",
                "team", String.valueOf(team.id()), "assignee", String.valueOf(agent.id()), "category", "");

        assertThat(posted.redirectPath()).isEqualTo("/tickets/" + id);
        var summary = queries.detail(id, agent.principal()).summary();
        assertThat(summary.status()).isEqualTo(TicketStatus.OPEN);
        assertThat(summary.priority()).isEqualTo(Priority.URGENT);
        assertThat(summary.assigneeId()).isEqualTo(agent.id());
        assertThat(session.get("/tickets/" + id).body()).contains("The ticket was updated.", "id=\"history\"", "Urgent");
    }

    @Test
    void aStaleVersionShowsTheConflictAndChangesNothing() {
        TeamView team = data.team("props-stale");
        TestAgent agent = data.agent(Role.AGENT, team);
        TestAgent colleague = data.agent(Role.AGENT, team);
        long id = open(agent, team);
        WebSession session = WebSession.signedIn(port, agent.email(), agent.password());
        String seen = session.get("/tickets/" + id).valueOf("ticket-version");
        tickets.update(id, new UpdateTicket(null, Priority.HIGH, null, null, null, null, null), colleague.principal());

        var posted = session.post("/tickets/" + id, "version", seen, "status", "NEW", "priority", "LOW",
                "team", String.valueOf(team.id()), "assignee", "");

        assertThat(posted.status()).isEqualTo(409);
        assertThat(posted.body()).contains("id=\"conflict\"", "Someone else changed this ticket", "Your change was not saved",
                "Priority: Low");
        assertThat(posted.body()).containsPattern("<option value=\"HIGH\" selected");
        assertThat(posted.valueOf("ticket-version")).isNotEqualTo(seen);
        assertThat(queries.detail(id, agent.principal()).summary().priority()).isEqualTo(Priority.HIGH);
    }

    @Test
    void aRefusedChangeNamesOnlyTheFieldsThisAgentChangedNotWhatAColleagueChanged() {
        TeamView team = data.team("props-mine");
        TestAgent agent = data.agent(Role.AGENT, team);
        TestAgent colleague = data.agent(Role.AGENT, team);
        long id = open(agent, team);
        WebSession session = WebSession.signedIn(port, agent.email(), agent.password());
        var page = session.get("/tickets/" + id);
        String seen = page.valueOf("ticket-version");
        // the colleague changes status, priority and assignee; this agent changes the priority only
        tickets.update(id, new UpdateTicket(TicketStatus.OPEN, Priority.HIGH, null, java.util.Optional.of(colleague.id()),
                null, null, null), colleague.principal());

        var posted = session.post("/tickets/" + id, "version", seen, "status", "NEW", "priority", "LOW",
                "team", String.valueOf(team.id()), "assignee", "",
                "seenStatus", "NEW", "seenPriority", "NORMAL", "seenTeam", String.valueOf(team.id()), "seenAssignee", "");

        assertThat(posted.status()).isEqualTo(409);
        String conflict = posted.find("(?s)(<div id=\"conflict\".*?</div>)").orElseThrow();
        assertThat(conflict).contains("Priority: Low").doesNotContain("Status:").doesNotContain("Assignee:");
        assertThat(queries.detail(id, agent.principal()).summary().priority()).isEqualTo(Priority.HIGH);
    }

    @Test
    void theFormCarriesWhatTheAgentSaw() {
        TeamView team = data.team("props-seen");
        TestAgent agent = data.agent(Role.AGENT, team);
        long id = open(agent, team);

        var page = WebSession.signedIn(port, agent.email(), agent.password()).get("/tickets/" + id);

        assertThat(page.body()).contains("name=\"seenStatus\" value=\"NEW\"", "name=\"seenPriority\" value=\"NORMAL\"",
                "name=\"seenTeam\" value=\"" + team.id() + "\"", "name=\"seenAssignee\"");
    }

    @Test
    void aStatusTheLifecycleDoesNotAllowIsExplainedAndChangesNothing() {
        TeamView team = data.team("props-illegal");
        TestAgent agent = data.agent(Role.AGENT, team);
        long id = open(agent, team);
        WebSession session = WebSession.signedIn(port, agent.email(), agent.password());
        String version = session.get("/tickets/" + id).valueOf("ticket-version");

        var posted = session.post("/tickets/" + id, "version", version, "status", "CLOSED");

        assertThat(posted.status()).isEqualTo(409);
        assertThat(posted.body()).contains("id=\"properties-error\"", "The status cannot change from New to Closed.");
        assertThat(queries.detail(id, agent.principal()).summary().status()).isEqualTo(TicketStatus.NEW);
    }

    @Test
    void theResolveButtonResolvesAndReopenOpensAgain() {
        TeamView team = data.team("props-quick");
        TestAgent agent = data.agent(Role.AGENT, team);
        long id = open(agent, team);
        WebSession session = WebSession.signedIn(port, agent.email(), agent.password());

        var resolved = session.post("/tickets/" + id, "version", version(session, id), "status", "RESOLVED");
        assertThat(resolved.redirectPath()).isEqualTo("/tickets/" + id);
        assertThat(queries.detail(id, agent.principal()).summary().status()).isEqualTo(TicketStatus.RESOLVED);
        assertThat(session.get("/tickets/" + id).body()).contains("The ticket is resolved.");

        session.post("/tickets/" + id, "version", version(session, id), "status", "OPEN");
        assertThat(queries.detail(id, agent.principal()).summary().status()).isEqualTo(TicketStatus.OPEN);
    }

    @Test
    void anAssigneeOutsideTheTeamIsRefused() {
        TeamView team = data.team("props-member");
        TeamView other = data.team("props-other");
        TestAgent agent = data.agent(Role.AGENT, team);
        TestAgent stranger = data.agent(Role.AGENT, other);
        long id = open(agent, team);
        WebSession session = WebSession.signedIn(port, agent.email(), agent.password());

        var posted = session.post("/tickets/" + id, "version", version(session, id), "assignee", String.valueOf(stranger.id()));

        assertThat(posted.status()).isEqualTo(400);
        assertThat(posted.body()).contains("id=\"properties-error\"");
        assertThat(queries.detail(id, agent.principal()).summary().assigneeId()).isNull();
    }

    @Test
    void movingTheTicketToATeamTheAgentIsNotInLeadsBackToTheInbox() {
        TeamView team = data.team("props-from");
        TeamView target = data.team("props-to");
        TestAgent agent = data.agent(Role.AGENT, team);
        long id = open(agent, team);
        WebSession session = WebSession.signedIn(port, agent.email(), agent.password());

        var posted = session.post("/tickets/" + id, "version", version(session, id), "team", String.valueOf(target.id()),
                "assignee", "");

        assertThat(posted.redirectPath()).isEqualTo("/inbox");
        assertThat(session.get("/inbox").body()).contains("#" + id + " now belongs to a team you are not part of");
        assertThat(session.get("/tickets/" + id).status()).isEqualTo(403);
    }

    @Test
    void theAssigneeListFollowsTheTeamChosenInTheFormForTeamsTheAgentWorksIn() {
        TeamView team = data.team("props-list");
        TeamView second = data.team("props-list-second");
        TestAgent agent = data.agent(Role.AGENT, team, second);
        TestAgent colleague = data.agent(Role.AGENT, second);
        long id = open(agent, team);
        WebSession session = WebSession.signedIn(port, agent.email(), agent.password());

        var options = session.htmxGet("/tickets/" + id + "/assignees?team=" + second.id());

        assertThat(options.status()).isEqualTo(200);
        assertThat(options.body()).doesNotContain("<html", "<select")
                .contains("<option value=\"" + colleague.id() + "\"", colleague.principal().displayName());
        TestAgent admin = data.agent(Role.ADMIN);
        assertThat(WebSession.signedIn(port, admin.email(), admin.password())
                .htmxGet("/tickets/" + id + "/assignees?team=" + second.id()).body())
                .contains("<option value=\"" + colleague.id() + "\"");
    }

    @Test
    void theMembersOfATeamTheAgentDoesNotWorkInAreNotListed() {
        TeamView team = data.team("props-members");
        TeamView other = data.team("props-members-other");
        TestAgent agent = data.agent(Role.AGENT, team);
        TestAgent stranger = data.agent(Role.AGENT, other);
        long id = open(agent, team);

        var refused = WebSession.signedIn(port, agent.email(), agent.password())
                .htmxGet("/tickets/" + id + "/assignees?team=" + other.id());

        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.body()).doesNotContain(stranger.principal().displayName(), "value=\"" + stranger.id() + "\"");
        TestAgent outsider = data.agent(Role.AGENT, other);
        assertThat(WebSession.signedIn(port, outsider.email(), outsider.password())
                .htmxGet("/tickets/" + id + "/assignees?team=" + other.id()).status())
                .as("nor for a ticket the agent may not see").isEqualTo(403);
    }

    @Test
    void anotherTeamsTicketCannotBeChangedAndAFormWithoutVersionIsABadRequest() {
        TeamView team = data.team("props-deny");
        TestAgent agent = data.agent(Role.AGENT, team);
        TestAgent outsider = data.agent(Role.AGENT, data.team("props-outsider"));
        long id = open(agent, team);

        var denied = WebSession.signedIn(port, outsider.email(), outsider.password())
                .post("/tickets/" + id, "version", "0", "status", "RESOLVED");
        var noVersion = WebSession.signedIn(port, agent.email(), agent.password()).post("/tickets/" + id, "status", "RESOLVED");

        assertThat(denied.status()).isEqualTo(403);
        assertThat(noVersion.status()).isEqualTo(400);
        assertThat(queries.detail(id, agent.principal()).summary().status()).isEqualTo(TicketStatus.NEW);
    }

    private static String version(WebSession session, long id) {
        return session.get("/tickets/" + id).valueOf("ticket-version");
    }

    private long open(TestAgent agent, TeamView team) {
        var customer = data.customer("Hans Müller");
        return tickets.open(new OpenTicket(customer.id(), "Parcel late", "Where is it?", Channel.WEB, team.id(), null, null, null),
                agent.principal()).ticketId();
    }
}
