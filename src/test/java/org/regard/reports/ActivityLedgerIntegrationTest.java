package org.regard.reports;

import org.junit.jupiter.api.Test;
import org.regard.accounts.Role;
import org.regard.support.IntegrationTest;
import org.regard.support.TestData;
import org.regard.tickets.Channel;
import org.regard.tickets.TicketCommands;
import org.regard.tickets.TicketStatus;
import org.regard.tickets.Tickets;
import org.regard.tickets.TouchDirection;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@IntegrationTest
class ActivityLedgerIntegrationTest {
    @Autowired
    Tickets tickets;
    @Autowired
    ActivityReport report;
    @Autowired
    TestData data;

    @Test
    void ticketEventsBecomeTheTeamsDailyTouchesOpenedAndResolved() {
        var team = data.team("ledger");
        var agent = data.agent(Role.AGENT, team);
        var customer = data.customer("Camille Dubois");
        long id = tickets.open(new TicketCommands.OpenTicket(customer.id(), "Facture", "Je n'ai pas reçu ma facture.",
                Channel.EMAIL, team.id(), null, null, null), agent.principal()).ticketId();
        // no mailbox serves the team: a reply is recorded only, a touch only when the agent gave the answer by phone
        tickets.reply(id, "Elle ne répond pas, je rappellerai.", null, null, agent.principal());
        tickets.reply(id, new TicketCommands.Reply("Je vous la renvoie.", TicketStatus.RESOLVED, null, java.util.List.of(),
                Channel.PHONE, false), agent.principal());
        tickets.logContact(id, Channel.PHONE, TouchDirection.INBOUND, "Elle appelle pour remercier.", null, agent.principal());
        tickets.addNote(id, "Une note ne touche pas le client.", null, agent.principal());

        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(report.daysOf(team.id(), today.minusDays(1), today.plusDays(1)))
                .singleElement().satisfies(day -> {
                    assertThat(day.ticketsOpened()).isEqualTo(1);
                    assertThat(day.ticketsResolved()).isEqualTo(1);
                    assertThat(day.touchesIn()).isEqualTo(2);
                    assertThat(day.touchesOut()).isEqualTo(1);
                }));
    }
}
