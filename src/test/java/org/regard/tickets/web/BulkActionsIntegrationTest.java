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
import org.regard.tickets.Priority;
import org.regard.tickets.TicketCommands.OpenTicket;
import org.regard.tickets.TicketCommands.UpdateTicket;
import org.regard.tickets.TicketQueries;
import org.regard.tickets.TicketQueries.TicketDetail;
import org.regard.tickets.TicketStatus;
import org.regard.tickets.Tickets;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

@IntegrationTest
class BulkActionsIntegrationTest {
    @LocalServerPort
    int port;
    @Autowired
    Tickets tickets;
    @Autowired
    TicketQueries queries;
    @Autowired
    TestData data;

    @Test
    void aBulkChangeAppliesToEachTicketItMayAndReportsTheRefusedOnesWithTheirReasons() {
        TeamView team = data.team("bulk-page");
        TeamView other = data.team("bulk-page-other");
        TestAgent lead = data.agent(Role.LEAD, team);
        TestAgent outsider = data.agent(Role.AGENT, other);
        long first = open(lead, team, "Bulk first", Priority.NORMAL);
        long second = open(lead, team, "Bulk second", Priority.NORMAL);
        long resolved = open(lead, team, "Bulk resolved", Priority.NORMAL);
        tickets.update(resolved, new UpdateTicket(TicketStatus.RESOLVED, null, null, null, null, null, null), lead.principal());
        long theirs = open(outsider, other, "Bulk theirs", Priority.NORMAL);
        WebSession session = WebSession.signedIn(port, lead.email(), lead.password());
        String key = TestData.unique("bulk");

        var posted = session.post("/inbox/bulk", "ticket", String.valueOf(first), "ticket", String.valueOf(second),
                "ticket", String.valueOf(resolved), "ticket", String.valueOf(theirs), "scope", "selected",
                "filter", "view=TEAMS&team=" + team.id(), "assignee", String.valueOf(lead.id()), "status", "WAITING",
                "priority", "", "team", "", "category", "", "note", "Handled in one go.", "submissionKey", key);

        assertThat(posted.status()).isEqualTo(302);
        assertThat(posted.redirectPath()).isEqualTo("/inbox");
        assertThat(posted.location()).contains("team=" + team.id());
        for (long id : new long[]{first, second}) {
            TicketDetail t = queries.detail(id, lead.principal());
            assertThat(t.summary().status()).isEqualTo(TicketStatus.WAITING);
            assertThat(t.summary().assigneeId()).isEqualTo(lead.id());
            assertThat(t.changes()).extracting(TicketQueries.ChangeView::field).contains("status", "assignee");
            assertThat(t.messages()).filteredOn(m -> m.kind() == MessageKind.NOTE).extracting(TicketQueries.MessageView::body)
                    .containsExactly("Handled in one go.");
        }
        // all or nothing per ticket: the assignee and the note did not land where the status could not
        TicketDetail refused = queries.detail(resolved, lead.principal());
        assertThat(refused.summary().status()).isEqualTo(TicketStatus.RESOLVED);
        assertThat(refused.summary().assigneeId()).isNull();
        assertThat(refused.messages()).noneMatch(m -> m.kind() == MessageKind.NOTE);
        TicketDetail untouched = queries.detail(theirs, outsider.principal());
        assertThat(untouched.summary().assigneeId()).isNull();
        assertThat(untouched.summary().status()).isEqualTo(TicketStatus.NEW);

        String report = session.get(posted.location()).body();
        assertThat(report).contains("id=\"bulk-report\"", "2 tickets were changed.", "2 tickets were left as they were:",
                "id=\"refused-" + resolved + "\"", "a ticket that is Resolved cannot become Waiting",
                "id=\"refused-" + theirs + "\"", "it belongs to a team you are not part of");
        assertThat(report).doesNotContain("Bulk theirs");

        // the same submission again (a double click) adds no second note
        session.post("/inbox/bulk", "ticket", String.valueOf(first), "scope", "selected", "filter", "", "assignee", "",
                "note", "Handled in one go.", "submissionKey", key);
        assertThat(queries.detail(first, lead.principal()).messages()).filteredOn(m -> m.kind() == MessageKind.NOTE).hasSize(1);
    }

    @Test
    void everyTicketMatchingTheFilterCanBeChangedAtOnceAndNoOther() {
        TeamView team = data.team("bulk-all");
        TestAgent lead = data.agent(Role.LEAD, team);
        long lowOne = open(lead, team, "Low one", Priority.LOW);
        long lowTwo = open(lead, team, "Low two", Priority.LOW);
        long high = open(lead, team, "High one", Priority.HIGH);
        WebSession session = WebSession.signedIn(port, lead.email(), lead.password());

        var posted = session.post("/inbox/bulk", "scope", "all", "filter", "view=TEAMS&priority=LOW&team=" + team.id(),
                "priority", "URGENT", "assignee", "", "submissionKey", TestData.unique("bulk"));

        assertThat(posted.status()).isEqualTo(302);
        assertThat(queries.detail(lowOne, lead.principal()).summary().priority()).isEqualTo(Priority.URGENT);
        assertThat(queries.detail(lowTwo, lead.principal()).summary().priority()).isEqualTo(Priority.URGENT);
        assertThat(queries.detail(high, lead.principal()).summary().priority()).isEqualTo(Priority.HIGH);
        assertThat(session.get(posted.location()).body()).contains("2 tickets were changed.");
    }

    @Test
    void aBulkActionWithNothingToDoOrNoTicketSaysSoAndChangesNothing() {
        TeamView team = data.team("bulk-empty");
        TestAgent lead = data.agent(Role.LEAD, team);
        long id = open(lead, team, "Stays", Priority.NORMAL);
        WebSession session = WebSession.signedIn(port, lead.email(), lead.password());

        var nothing = session.post("/inbox/bulk", "ticket", String.valueOf(id), "scope", "selected", "assignee", "", "note", " ");
        assertThat(session.get(nothing.location()).body()).contains("id=\"bulk-problem\"", "Choose a change or write a note.");
        var noTicket = session.post("/inbox/bulk", "scope", "selected", "priority", "HIGH", "assignee", "");
        assertThat(session.get(noTicket.location()).body()).contains("Tick at least one ticket");
        assertThat(queries.detail(id, lead.principal()).summary().priority()).isEqualTo(Priority.NORMAL);
    }

    @Test
    void theInboxOffersTheBulkFormWithABoxOnEveryRow() {
        TeamView team = data.team("bulk-form");
        TestAgent lead = data.agent(Role.LEAD, team);
        long id = open(lead, team, "Tickable", Priority.NORMAL);

        String page = WebSession.signedIn(port, lead.email(), lead.password()).get("/inbox?team=" + team.id()).body();

        assertThat(page).contains("id=\"bulk-form\"", "id=\"select-" + id + "\"", "form=\"bulk-form\"", "id=\"select-page\"",
                "name=\"submissionKey\"", "name=\"filter\" form=\"bulk-form\"");
    }

    private long open(TestAgent agent, TeamView team, String subject, Priority priority) {
        var customer = data.customer("Customer of " + subject);
        return tickets.open(new OpenTicket(customer.id(), subject, "Please help.", Channel.WEB, team.id(), priority, null, null),
                agent.principal()).ticketId();
    }
}
