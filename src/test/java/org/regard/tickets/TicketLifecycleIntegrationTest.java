package org.regard.tickets;

import org.junit.jupiter.api.Test;
import org.regard.accounts.Role;
import org.regard.accounts.TeamView;
import org.regard.support.IntegrationTest;
import org.regard.support.TestData;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.regard.support.TicketFixtures.aNewTicket;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@IntegrationTest
class TicketLifecycleIntegrationTest {
    @Autowired
    Tickets tickets;
    @Autowired
    TicketQueries queries;
    @Autowired
    TestData data;

    @Test
    void aPhoneTicketCountsTouchesInBothDirectionsAndRecordsEveryChange() {
        TeamView team = data.team("support");
        var agent = data.agent(Role.AGENT, team);
        var customer = data.customer("Élodie Martin");

        long id = tickets.open(new TicketCommands.OpenTicket(customer.id(), "Printer jams", "It jams on every page.",
                Channel.PHONE, team.id(), Priority.NORMAL, null, "k1"), agent.principal()).ticketId();
        tickets.reply(id, new TicketCommands.Reply("Please try the rear tray.", TicketStatus.WAITING, "k2", java.util.List.of(),
                Channel.PHONE, false), agent.principal());
        tickets.addNote(id, "Known issue with model X.", "k3", agent.principal());
        tickets.customerWrote(id, "Still jams.", Channel.EMAIL, null);
        tickets.update(id, new TicketCommands.UpdateTicket(TicketStatus.RESOLVED, Priority.HIGH, null,
                Optional.of(agent.id()), null, null, null), agent.principal());

        var detail = queries.detail(id, agent.principal());
        assertThat(detail.summary().touchesIn()).isEqualTo(2);
        assertThat(detail.summary().touchesOut()).isEqualTo(1);
        assertThat(detail.messages()).extracting(TicketQueries.MessageView::kind)
                .containsExactly(MessageKind.CUSTOMER, MessageKind.REPLY, MessageKind.NOTE, MessageKind.CUSTOMER);
        assertThat(detail.summary().status()).isEqualTo(TicketStatus.RESOLVED);
        assertThat(detail.changes()).extracting(TicketQueries.ChangeView::field)
                .contains("status", "priority", "assignee");
        assertThat(detail.changes()).filteredOn(c -> c.field().equals("assignee"))
                .extracting(TicketQueries.ChangeView::newValue).containsExactly(agent.principal().displayName());
    }

    @Test
    void theSameSubmissionTwiceWritesOneReply() {
        TeamView team = data.team("support");
        var agent = data.agent(Role.AGENT, team);
        var customer = data.customer("Jonas Weber");
        long id = tickets.open(aNewTicket().forCustomer(customer.id()).inTeam(team.id()).about("Invoice").saying("Where is my invoice?").command(), agent.principal()).ticketId();

        var first = tickets.reply(id, "Sent again.", null, "same-key", agent.principal());
        var second = tickets.reply(id, "Sent again.", null, "same-key", agent.principal());

        assertThat(second.duplicate()).isTrue();
        assertThat(second.messageId()).isEqualTo(first.messageId());
        assertThat(queries.detail(id, agent.principal()).messages()).hasSize(2);
    }

    @Test
    void aStaleVersionIsAConflictNotALostUpdate() {
        TeamView team = data.team("support");
        var agent = data.agent(Role.AGENT, team);
        var customer = data.customer("Nguyễn Văn An");
        long id = tickets.open(aNewTicket().forCustomer(customer.id()).inTeam(team.id()).about("Máy in không hoạt động").saying("Máy in bị kẹt giấy.").command(), agent.principal()).ticketId();
        int seen = queries.detail(id, agent.principal()).version();

        tickets.update(id, new TicketCommands.UpdateTicket(null, Priority.HIGH, null, null, null, null, seen), agent.principal());

        assertThatThrownBy(() -> tickets.update(id, new TicketCommands.UpdateTicket(null, Priority.LOW, null, null, null, null, seen),
                agent.principal())).isInstanceOf(TicketConflict.class);
        assertThat(queries.detail(id, agent.principal()).summary().priority()).isEqualTo(Priority.HIGH);
    }

    @Test
    void anAgentCannotSeeAnotherTeamsTicket() {
        TeamView mine = data.team("billing");
        TeamView theirs = data.team("delivery");
        var me = data.agent(Role.AGENT, mine);
        var them = data.agent(Role.AGENT, theirs);
        var customer = data.customer("Hans Müller");
        long id = tickets.open(aNewTicket().forCustomer(customer.id()).inTeam(theirs.id()).about("Parcel").saying("Where is it?").command(), them.principal()).ticketId();

        assertThatThrownBy(() -> queries.detail(id, me.principal())).isInstanceOf(TicketForbidden.class);
        assertThat(queries.list(new TicketQueries.ListQuery(TicketQueries.View.ALL, Set.of(), null, null, null,
                customer.id(), null, null, 50), me.principal()).rows()).isEmpty();
        assertThat(queries.list(new TicketQueries.ListQuery(TicketQueries.View.ALL, Set.of(), null, null, null,
                customer.id(), null, null, 50), them.principal()).rows()).extracting(TicketQueries.TicketRow::id).containsExactly(id);
    }

    @Test
    void listsPageByCursorWithoutGapsOrRepeats() {
        TeamView team = data.team("paging");
        var agent = data.agent(Role.AGENT, team);
        var customer = data.customer("Paging Person");
        for (int i = 0; i < 7; i++) {
            tickets.open(aNewTicket().forCustomer(customer.id()).inTeam(team.id()).about("Case " + i).saying("Body " + i).command(), agent.principal()).ticketId();
        }
        var seen = new java.util.ArrayList<Long>();
        String cursor = null;
        do {
            var page = queries.list(new TicketQueries.ListQuery(TicketQueries.View.TEAMS, Set.of(), null, team.id(), null,
                    null, TicketQueries.Sort.UPDATED_DESC, cursor, 3), agent.principal());
            page.rows().forEach(r -> seen.add(r.id()));
            cursor = page.nextCursor();
        } while (cursor != null);
        assertThat(seen).hasSize(7).doesNotHaveDuplicates();
    }

    @Test
    void concurrentTwinSubmissionsOpenOneTicketAndWriteOneReply() throws Exception {
        TeamView team = data.team("twins");
        var agent = data.agent(Role.AGENT, team);
        var customer = data.customer("Zoé Garnier");
        var open = new TicketCommands.OpenTicket(customer.id(), "Double clic", "Le formulaire est parti deux fois.",
                Channel.WEB, team.id(), null, null, TestData.unique("open"));
        java.util.List<Long> opened = inParallel(4, () -> tickets.open(open, agent.principal()).ticketId());
        assertThat(opened).containsOnly(opened.getFirst());

        long id = opened.getFirst();
        String replyKey = TestData.unique("reply");
        java.util.List<Long> replies = inParallel(4, () -> tickets.reply(id, new TicketCommands.Reply("Une seule réponse.", null, replyKey,
                java.util.List.of(), Channel.PHONE, false), agent.principal()).messageId());
        assertThat(replies).containsOnly(replies.getFirst());
        assertThat(queries.detail(id, agent.principal()).messages()).hasSize(2);
        assertThat(queries.detail(id, agent.principal()).summary().touchesOut()).isEqualTo(1);
    }

    private static <T> java.util.List<T> inParallel(int n, java.util.concurrent.Callable<T> work) throws Exception {
        var start = new java.util.concurrent.CountDownLatch(1);
        try (var pool = java.util.concurrent.Executors.newFixedThreadPool(n)) {
            var futures = new java.util.ArrayList<java.util.concurrent.Future<T>>();
            for (int i = 0; i < n; i++) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return work.call();
                }));
            }
            start.countDown();
            var results = new java.util.ArrayList<T>();
            for (var f : futures) {
                results.add(f.get(30, java.util.concurrent.TimeUnit.SECONDS));
            }
            return results;
        }
    }
}
