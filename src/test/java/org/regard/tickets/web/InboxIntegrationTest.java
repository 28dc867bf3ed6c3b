package org.regard.tickets.web;

import org.junit.jupiter.api.Test;
import org.regard.accounts.Role;
import org.regard.accounts.TeamView;
import org.regard.support.IntegrationTest;
import org.regard.support.TestData;
import org.regard.support.TestData.TestAgent;
import org.regard.support.WebSession;
import org.regard.support.WebSession.Page;
import org.regard.tickets.Channel;
import org.regard.tickets.Priority;
import org.regard.tickets.TicketCommands.OpenTicket;
import org.regard.tickets.TicketCommands.UpdateTicket;
import org.regard.tickets.TicketStatus;
import org.regard.tickets.Tickets;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

@IntegrationTest
class InboxIntegrationTest {
    @LocalServerPort
    int port;
    @Autowired
    Tickets tickets;
    @Autowired
    TestData data;

    @Test
    void theInboxShowsOnlyTheTicketsOfTheAgentsTeams() {
        TeamView mine = data.team("inbox-mine");
        TeamView theirs = data.team("inbox-theirs");
        TestAgent me = data.agent(Role.AGENT, mine);
        TestAgent them = data.agent(Role.AGENT, theirs);
        long myTicket = open(me, mine, "Visible case", Priority.NORMAL);
        long theirTicket = open(them, theirs, "Hidden case", Priority.NORMAL);
        WebSession session = WebSession.signedIn(port, me.email(), me.password());

        for (String view : List.of("ALL", "TEAMS", "UNASSIGNED")) {
            Page page = session.get("/inbox?view=" + view);
            assertThat(rowIds(page)).as(view).contains(myTicket).doesNotContain(theirTicket);
            assertThat(page.body()).doesNotContain("Hidden case", theirs.name());
        }
        assertThat(session.get("/inbox?view=ALL").body()).contains("<option value=\"" + mine.id() + "\"");
    }

    @Test
    void mineShowsOnlyTheTicketsAssignedToTheAgent() {
        TeamView team = data.team("inbox-mine-view");
        TestAgent me = data.agent(Role.AGENT, team);
        long assigned = open(me, team, "Mine to do", Priority.NORMAL);
        long unassigned = open(me, team, "Nobody's yet", Priority.NORMAL);
        tickets.update(assigned, new UpdateTicket(null, null, null, Optional.of(me.id()), null, null, null), me.principal());
        WebSession session = WebSession.signedIn(port, me.email(), me.password());

        assertThat(rowIds(session.get("/inbox?view=MINE"))).containsExactly(assigned);
        assertThat(rowIds(session.get("/inbox?view=UNASSIGNED&team=" + team.id()))).containsExactly(unassigned);
    }

    @Test
    void filtersNarrowTheListByPriorityAndStatus() {
        TeamView team = data.team("inbox-filter");
        TestAgent me = data.agent(Role.AGENT, team);
        long urgent = open(me, team, "Urgent one", Priority.URGENT);
        long low = open(me, team, "Low one", Priority.LOW);
        long resolved = open(me, team, "Done one", Priority.URGENT);
        tickets.update(resolved, new UpdateTicket(TicketStatus.RESOLVED, null, null, null, null, null, null), me.principal());
        WebSession session = WebSession.signedIn(port, me.email(), me.password());
        String teamFilter = "&team=" + team.id();

        assertThat(rowIds(session.get("/inbox?view=TEAMS" + teamFilter))).containsExactlyInAnyOrder(urgent, low);
        assertThat(rowIds(session.get("/inbox?view=TEAMS&priority=URGENT" + teamFilter))).containsExactly(urgent);
        assertThat(rowIds(session.get("/inbox?view=TEAMS&status=RESOLVED" + teamFilter))).containsExactly(resolved);
        Page page = session.get("/inbox?view=TEAMS&status=RESOLVED&status=NEW" + teamFilter);
        assertThat(rowIds(page)).containsExactlyInAnyOrder(urgent, low, resolved);
        assertThat(page.body()).contains("id=\"status-RESOLVED\" value=\"RESOLVED\" checked", "id=\"status-NEW\" value=\"NEW\" checked")
                .doesNotContain("id=\"status-OPEN\" value=\"OPEN\" checked");
    }

    @Test
    void theNextPageLinkCarriesTheCursorAndTheFiltersAndPagesWithoutGapsOrRepeats() {
        TeamView team = data.team("inbox-paging");
        TestAgent me = data.agent(Role.AGENT, team);
        List<Long> opened = new ArrayList<>();
        for (int i = 0; i < InboxController.PAGE_SIZE + 3; i++) {
            opened.add(open(me, team, "Paged " + i, Priority.HIGH));
        }
        WebSession session = WebSession.signedIn(port, me.email(), me.password());

        Page first = session.get("/inbox?view=TEAMS&priority=HIGH&sort=CREATED_ASC&team=" + team.id());
        assertThat(rowIds(first)).hasSize(InboxController.PAGE_SIZE).containsExactlyElementsOf(opened.subList(0, InboxController.PAGE_SIZE));
        assertThat(first.body()).doesNotContain("id=\"first-page\"");
        String next = href(first, "next-page");
        assertThat(next).contains("cursor=", "priority=HIGH", "sort=CREATED_ASC", "team=" + team.id(), "view=TEAMS");

        Page second = session.get(next);
        assertThat(rowIds(second)).containsExactlyElementsOf(opened.subList(InboxController.PAGE_SIZE, opened.size()));
        assertThat(second.body()).doesNotContain("id=\"next-page\"");
        assertThat(href(second, "first-page")).doesNotContain("cursor=").contains("team=" + team.id());
    }

    @Test
    void htmxGetsTheListAndTheTabsButNotTheWholePage() {
        TeamView team = data.team("inbox-htmx");
        TestAgent me = data.agent(Role.AGENT, team);
        long id = open(me, team, "Swapped in", Priority.NORMAL);
        WebSession session = WebSession.signedIn(port, me.email(), me.password());

        var fragment = session.htmxGet("/inbox?view=TEAMS&team=" + team.id());

        assertThat(fragment.status()).isEqualTo(200);
        assertThat(fragment.body()).doesNotContain("<html", "id=\"inbox-filters\"")
                .contains("id=\"ticket-list\"", "hx-swap-oob=\"true\"", "team=" + team.id());
        assertThat(rowIds(fragment)).containsExactly(id);
        assertThat(fragment.headers().allValues("Vary")).anyMatch(v -> v.contains("HX-Request"));
        assertThat(session.get("/inbox?view=TEAMS").body()).contains("<html", "id=\"inbox-filters\"", "hx-push-url=\"true\"");
    }

    @Test
    void aCursorTheServerNeverHandedOutIsABadRequest() {
        TestAgent me = data.agent(Role.AGENT, data.team("inbox-cursor"));

        var page = WebSession.signedIn(port, me.email(), me.password()).get("/inbox?cursor=not-a-cursor");

        assertThat(page.status()).isEqualTo(400);
    }

    @Test
    void theInboxSpeaksFrench() {
        TeamView team = data.team("inbox-fr");
        TestAgent me = data.agent(Role.AGENT, team);
        open(me, team, "Facture", Priority.NORMAL);

        String page = WebSession.signedIn(port, me.email(), me.password(), "fr").get("/inbox").body();

        assertThat(page).contains("lang=\"fr\"", "Boîte de réception", "Mes équipes");
    }

    private long open(TestAgent agent, TeamView team, String subject, Priority priority) {
        var customer = data.customer("Customer of " + subject);
        return tickets.open(new OpenTicket(customer.id(), subject, "Please help.", Channel.WEB, team.id(), priority, null, null),
                agent.principal()).ticketId();
    }

    static List<Long> rowIds(Page page) {
        return page.idsStartingWith("ticket-row-").stream().map(Long::valueOf).toList();
    }

    private static String href(Page page, String id) {
        Matcher m = Pattern.compile("id=\"" + id + "\"[^>]*href=\"([^\"]+)\"").matcher(page.body());
        assertThat(m.find()).as("link #" + id).isTrue();
        return m.group(1).replace("&amp;", "&");
    }
}
