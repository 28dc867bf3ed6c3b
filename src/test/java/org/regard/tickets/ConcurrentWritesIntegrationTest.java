package org.regard.tickets;

import org.junit.jupiter.api.Test;
import org.regard.accounts.Role;
import org.regard.accounts.TeamView;
import org.regard.api.ApiClient;
import org.regard.support.IntegrationTest;
import org.regard.support.TestData;
import org.regard.support.TestData.TestAgent;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.regard.support.TicketFixtures.aNewTicket;
import static org.regard.api.ApiClient.bearer;

/**
 * Many writers at once on one ticket and across tickets: replies, notes, logged calls, customer messages and status
 * changes. Adding a message conflicts with nobody, so none may fail, none may be lost, and the touch counts and
 * versions must match the rows afterwards, on H2 and on PostgreSQL.
 */
@IntegrationTest
class ConcurrentWritesIntegrationTest {
    private static final int ROUNDS = 6;
    private static final int WRITERS = 20;

    @Autowired
    Tickets tickets;
    @Autowired
    TestData data;
    @Autowired
    JdbcClient jdbc;
    @LocalServerPort
    int port;

    @Test
    void concurrentRepliesNotesAndStatusChangesOnOneTicketAllSucceedAndAddUp() throws Exception {
        TeamView team = data.team("race");
        TestAgent agent = data.agent(Role.AGENT, team);
        long id = open(team, agent, "One ticket, many hands");
        ConcurrentLinkedQueue<Throwable> failures = new ConcurrentLinkedQueue<>();
        int expectedMessages = 1;
        int statusChanges = 0;
        try (ExecutorService pool = Executors.newFixedThreadPool(WRITERS)) {
            for (int round = 0; round < ROUNDS; round++) {
                CountDownLatch start = new CountDownLatch(1);
                List<Future<?>> work = new ArrayList<>();
                for (int w = 0; w < WRITERS; w++) {
                    int kind = w % 5;
                    int writer = w;
                    String text = "round " + round + " writer " + w;
                    work.add(pool.submit(() -> {
                        start.await();
                        switch (kind) {
                            case 0, 1 -> tickets.reply(id, "Reply " + text, null, null, agent.principal());
                            case 2 -> tickets.addNote(id, "Note " + text, null, agent.principal());
                            case 3 -> tickets.customerWrote(id, "Customer " + text, Channel.EMAIL, null);
                            default -> tickets.update(id, new TicketCommands.UpdateTicket(null,
                                    writer % 2 == 0 ? Priority.HIGH : Priority.LOW, null, null, null, null, null), agent.principal());
                        }
                        return null;
                    }));
                    if (kind != 4) {
                        expectedMessages++;
                    }
                }
                start.countDown();
                for (Future<?> f : work) {
                    try {
                        f.get(60, TimeUnit.SECONDS);
                    } catch (java.util.concurrent.ExecutionException e) {
                        failures.add(e.getCause());
                    }
                }
                statusChanges++;
            }
        }
        assertThat(failures).as("writes that failed").isEmpty();
        assertLedgerMatchesRows(id, expectedMessages);
        // the ticket still takes every kind of write afterwards
        tickets.reply(id, "After the storm", TicketStatus.WAITING, null, agent.principal());
        assertLedgerMatchesRows(id, expectedMessages + 1);
        assertThat(statusChanges).isEqualTo(ROUNDS);
    }

    @Test
    void concurrentRepliesOverHttpWithoutIfMatchAreNeverRefused() throws Exception {
        TeamView team = data.team("race-api");
        TestAgent agent = data.agent(Role.AGENT, team);
        String token = data.apiToken(agent);
        ApiClient api = new ApiClient(port);
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            ids.add(open(team, agent, "Ticket " + i));
        }
        ConcurrentLinkedQueue<String> refused = new ConcurrentLinkedQueue<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(WRITERS)) {
            for (int round = 0; round < ROUNDS; round++) {
                CountDownLatch start = new CountDownLatch(1);
                List<Future<?>> work = new ArrayList<>();
                for (int w = 0; w < WRITERS; w++) {
                    long id = ids.get(w % ids.size());
                    Map<String, Object> body = w % 4 == 3 ? Map.of("kind", "note", "body", "note " + round + "/" + w)
                            : Map.of("kind", "reply", "body", "reply " + round + "/" + w);
                    work.add(pool.submit(() -> {
                        start.await();
                        var answer = api.post("/api/v1/tickets/" + id + "/messages").auth(bearer(token)).json(body).send();
                        if (answer.status() != 201) {
                            refused.add(answer.toString());
                        }
                        return null;
                    }));
                }
                start.countDown();
                for (Future<?> f : work) {
                    f.get(60, TimeUnit.SECONDS);
                }
            }
        }
        assertThat(refused).as("refused writes").isEmpty();
        for (int i = 0; i < ids.size(); i++) {
            int index = i;
            long written = java.util.stream.IntStream.range(0, WRITERS).filter(w -> w % ids.size() == index).count() * ROUNDS;
            assertLedgerMatchesRows(ids.get(i), 1 + (int) written);
        }
    }

    @Test
    void concurrentWritesAcrossManyTicketsAllLand() throws Exception {
        TeamView team = data.team("race-many");
        TestAgent agent = data.agent(Role.AGENT, team);
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            ids.add(open(team, agent, "Many " + i));
        }
        ConcurrentLinkedQueue<Throwable> failures = new ConcurrentLinkedQueue<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(WRITERS)) {
            List<Future<?>> work = new ArrayList<>();
            for (int round = 0; round < ROUNDS; round++) {
                for (int w = 0; w < WRITERS; w++) {
                    long id = ids.get((round * WRITERS + w) % ids.size());
                    int kind = w % 3;
                    work.add(pool.submit(() -> {
                        switch (kind) {
                            case 0 -> tickets.reply(id, "reply", null, null, agent.principal());
                            case 1 -> tickets.logContact(id, Channel.PHONE, TouchDirection.INBOUND, "call", null, agent.principal());
                            default -> tickets.addNote(id, "note", null, agent.principal());
                        }
                        return null;
                    }));
                }
            }
            for (Future<?> f : work) {
                try {
                    f.get(60, TimeUnit.SECONDS);
                } catch (java.util.concurrent.ExecutionException e) {
                    failures.add(e.getCause());
                }
            }
        }
        assertThat(failures).as("writes that failed").isEmpty();
        int perTicket = ROUNDS * WRITERS / ids.size();
        for (long id : ids) {
            assertLedgerMatchesRows(id, 1 + perTicket);
        }
    }

    private long open(TeamView team, TestAgent agent, String subject) {
        var customer = data.customer("Race Customer");
        return tickets.open(aNewTicket().forCustomer(customer.id()).inTeam(team.id()).about(subject).by(Channel.EMAIL).command(),
                agent.principal()).ticketId();
    }

    /** The ticket's counters and version agree with its messages and its recorded changes. */
    private void assertLedgerMatchesRows(long id, int expectedMessages) {
        int messages = jdbc.sql("select count(*) from message where ticket_id = ?").param(id).query(Integer.class).single();
        int in = jdbc.sql("select count(*) from message where ticket_id = ? and touch = 'INBOUND'").param(id).query(Integer.class).single();
        int out = jdbc.sql("select count(*) from message where ticket_id = ? and touch = 'OUTBOUND'").param(id).query(Integer.class).single();
        Map<String, Object> row = jdbc.sql("select touches_in, touches_out from ticket where id = ?").param(id).query().singleRow();
        assertThat(messages).as("messages on ticket " + id).isEqualTo(expectedMessages);
        assertThat(((Number) row.get("touches_in")).intValue()).as("inbound touches").isEqualTo(in);
        assertThat(((Number) row.get("touches_out")).intValue()).as("outbound touches").isEqualTo(out);
        // every write here changes at most one property, so each recorded change is one new version
        int version = jdbc.sql("select version from ticket where id = ?").param(id).query(Integer.class).single();
        int propertyChanges = jdbc.sql("select count(*) from ticket_change where ticket_id = ? and field in ('status', 'priority', 'team', 'assignee', 'category', 'subject')")
                .param(id).query(Integer.class).single();
        assertThat(version).as("version of ticket " + id + " counts its property changes").isEqualTo(propertyChanges);
    }
}
