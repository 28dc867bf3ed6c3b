package org.regard.tickets.web;

import org.junit.jupiter.api.Test;
import org.regard.accounts.Role;
import org.regard.accounts.TeamView;
import org.regard.support.IntegrationTest;
import org.regard.support.TestData;
import org.regard.support.TestData.TestAgent;
import org.regard.support.WebSession;
import org.regard.support.WebSession.Page;
import org.regard.tickets.Categories;
import org.regard.tickets.Channel;
import org.regard.tickets.Priority;
import org.regard.tickets.TicketCommands.OpenTicket;
import org.regard.tickets.TicketCommands.UpdateTicket;
import org.regard.tickets.TicketQueries;
import org.regard.tickets.TicketQueries.ListQuery;
import org.regard.tickets.TicketQueries.View;
import org.regard.tickets.Tickets;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.regard.tickets.web.InboxIntegrationTest.rowIds;

@IntegrationTest
class SavedViewsIntegrationTest {
    @LocalServerPort
    int port;
    @Autowired
    Tickets tickets;
    @Autowired
    TicketQueries queries;
    @Autowired
    Categories categories;
    @Autowired
    TestData data;

    @Test
    void aPersonalViewIsATabForItsOwnerOnlyAndShowsItsFiltersWithACount() {
        TeamView team = data.team("views-personal");
        TestAgent me = data.agent(Role.AGENT, team);
        TestAgent colleague = data.agent(Role.AGENT, team);
        long urgent = open(me, team, "Urgent thing", Priority.URGENT, null);
        open(me, team, "Calm thing", Priority.LOW, null);
        WebSession session = WebSession.signedIn(port, me.email(), me.password());

        var saved = session.post("/inbox/views", "name", "My urgent ones", "share", "",
                "filter", "view=TEAMS&priority=URGENT&team=" + team.id());

        assertThat(saved.status()).isEqualTo(302);
        String tabUrl = saved.location();
        assertThat(tabUrl).contains("priority=URGENT", "saved=");
        Page view = session.get(tabUrl);
        assertThat(rowIds(view)).containsExactly(urgent);
        long id = Long.parseLong(tabUrl.replaceAll(".*saved=(\\d+).*", "$1"));
        assertThat(view.body()).contains("The view was saved.", "My urgent ones");
        assertThat(tab(view, "saved-" + id)).contains("aria-current=\"page\"");
        assertThat(view.body()).containsPattern("id=\"saved-" + id + "-count\"[^>]*>1<");

        Page colleagues = WebSession.signedIn(port, colleague.email(), colleague.password()).get("/inbox");
        assertThat(colleagues.body()).doesNotContain("My urgent ones", "id=\"saved-" + id + "\"");
        assertThat(WebSession.signedIn(port, colleague.email(), colleague.password()).get("/inbox?saved=" + id).status()).isEqualTo(403);
    }

    @Test
    void aViewSharedWithATeamIsSeenByItsMembersAndByNoOtherTeam() {
        TeamView team = data.team("views-shared");
        TeamView other = data.team("views-shared-other");
        TestAgent lead = data.agent(Role.LEAD, team);
        TestAgent member = data.agent(Role.AGENT, team);
        TestAgent outsider = data.agent(Role.AGENT, other);
        long unassigned = open(lead, team, "Waiting for someone", Priority.NORMAL, null);
        WebSession leads = WebSession.signedIn(port, lead.email(), lead.password());

        String tabUrl = leads.post("/inbox/views", "name", "Nobody's yet", "share", String.valueOf(team.id()),
                "filter", "view=UNASSIGNED&team=" + team.id()).location();
        long id = Long.parseLong(tabUrl.replaceAll(".*saved=(\\d+).*", "$1"));

        WebSession members = WebSession.signedIn(port, member.email(), member.password());
        Page memberInbox = members.get("/inbox");
        assertThat(memberInbox.body()).contains("id=\"saved-" + id + "\"", "Nobody&#39;s yet");
        assertThat(rowIds(members.get(tabUrl))).containsExactly(unassigned);
        assertThat(members.post("/inbox/views/" + id + "/delete").status()).as("only its owner deletes it").isEqualTo(403);

        WebSession outsiders = WebSession.signedIn(port, outsider.email(), outsider.password());
        assertThat(outsiders.get("/inbox").body()).doesNotContain("id=\"saved-" + id + "\"", "Nobody&#39;s yet");
        Page used = outsiders.get(tabUrl);
        assertThat(used.status()).isEqualTo(403);
        assertThat(used.body()).doesNotContain("Waiting for someone");
        assertThat(outsiders.post("/inbox/views/" + id + "/delete").status()).isEqualTo(403);

        // nobody shares with a team they are not in
        var foreign = outsiders.post("/inbox/views", "name", "Sneaky", "share", String.valueOf(team.id()), "filter", "view=ALL");
        assertThat(outsiders.get(foreign.location()).body()).contains("You can only share a view with a team you belong to.");
        assertThat(members.get("/inbox").body()).doesNotContain("Sneaky");

        assertThat(leads.post("/inbox/views/" + id + "/delete").status()).isEqualTo(302);
        assertThat(members.get("/inbox").body()).doesNotContain("id=\"saved-" + id + "\"");
        assertThat(members.get(tabUrl).status()).isEqualTo(404);
    }

    @Test
    void theInboxFiltersByAssigneeAndCategory() {
        TeamView team = data.team("views-filters");
        TestAgent me = data.agent(Role.AGENT, team);
        TestAgent colleague = data.agent(Role.AGENT, team);
        long billing = categories.ensure(TestData.unique("Billing")).id();
        long mineBilling = open(me, team, "Mine, billing", Priority.NORMAL, billing);
        long mineOther = open(me, team, "Mine, other", Priority.NORMAL, null);
        long theirsBilling = open(me, team, "Theirs, billing", Priority.NORMAL, billing);
        tickets.update(mineBilling, assign(me), me.principal());
        tickets.update(mineOther, assign(me), me.principal());
        tickets.update(theirsBilling, assign(colleague), me.principal());
        WebSession session = WebSession.signedIn(port, me.email(), me.password());
        String base = "/inbox?view=TEAMS&team=" + team.id();

        assertThat(rowIds(session.get(base + "&assignee=" + me.id()))).containsExactlyInAnyOrder(mineBilling, mineOther);
        assertThat(rowIds(session.get(base + "&category=" + billing))).containsExactlyInAnyOrder(mineBilling, theirsBilling);
        Page both = session.get(base + "&category=" + billing + "&assignee=" + colleague.id());
        assertThat(rowIds(both)).containsExactly(theirsBilling);
        assertThat(both.body()).contains("<option value=\"" + colleague.id() + "\" selected", "<option value=\"" + billing + "\" selected");
    }

    @Test
    void theNumberAndUpdatedColumnsSortTheListBothWays() {
        TeamView team = data.team("views-sort");
        TestAgent me = data.agent(Role.AGENT, team);
        long older = open(me, team, "Older", Priority.NORMAL, null);
        long newer = open(me, team, "Newer", Priority.NORMAL, null);
        tickets.update(older, new UpdateTicket(null, Priority.HIGH, null, null, null, null, null), me.principal());
        WebSession session = WebSession.signedIn(port, me.email(), me.password());

        Page byUpdate = session.get("/inbox?view=TEAMS&team=" + team.id());
        assertThat(rowIds(byUpdate)).containsExactly(older, newer);
        assertThat(byUpdate.body()).contains("aria-sort=\"descending\"");
        Page byNumber = session.get(href(byUpdate, "sort-created"));
        assertThat(rowIds(byNumber)).containsExactly(newer, older);
        Page byNumberAscending = session.get(href(byNumber, "sort-created"));
        assertThat(rowIds(byNumberAscending)).containsExactly(older, newer);
        assertThat(byNumberAscending.body()).contains("aria-sort=\"ascending\"");
        assertThat(href(byNumberAscending, "sort-created")).contains("sort=CREATED_DESC", "team=" + team.id());
        assertThat(rowIds(session.get(href(byUpdate, "sort-updated")))).containsExactly(newer, older);
    }

    @Test
    void tabCountsAreCappedSoThatNoTabCountsEverything() {
        TeamView team = data.team("views-count");
        TestAgent me = data.agent(Role.AGENT, team);
        for (int i = 0; i < 3; i++) {
            open(me, team, "Counted " + i, Priority.NORMAL, null);
        }
        ListQuery teams = new ListQuery(View.TEAMS, null, null, team.id(), null, null, null, null, 1);
        ListQuery mine = new ListQuery(View.MINE, null, null, team.id(), null, null, null, null, 1);

        assertThat(queries.cappedCounts(List.of(teams, mine), 100, me.principal())).containsExactly(3, 0);
        assertThat(queries.cappedCounts(List.of(teams, mine), 2, me.principal())).containsExactly(2, 0);

        Page inbox = WebSession.signedIn(port, me.email(), me.password()).get("/inbox");
        assertThat(inbox.body()).containsPattern("id=\"view-teams-count\"[^>]*>3<").containsPattern("id=\"view-mine-count\"[^>]*>0<");
    }

    private static UpdateTicket assign(TestAgent agent) {
        return new UpdateTicket(null, null, null, Optional.of(agent.id()), null, null, null);
    }

    private long open(TestAgent agent, TeamView team, String subject, Priority priority, Long category) {
        var customer = data.customer("Customer of " + subject);
        return tickets.open(new OpenTicket(customer.id(), subject, "Please help.", Channel.WEB, team.id(), priority, category, null),
                agent.principal()).ticketId();
    }

    private static String tab(Page page, String id) {
        Matcher m = Pattern.compile("<a id=\"" + id + "\"[^>]*>").matcher(page.body());
        assertThat(m.find()).as("tab " + id).isTrue();
        return m.group();
    }

    private static String href(Page page, String id) {
        Matcher m = Pattern.compile("id=\"" + id + "\"[^>]*href=\"([^\"]+)\"").matcher(page.body());
        assertThat(m.find()).as("link #" + id).isTrue();
        return m.group(1).replace("&amp;", "&");
    }
}
