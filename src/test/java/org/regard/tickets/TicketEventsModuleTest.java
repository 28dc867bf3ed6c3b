package org.regard.tickets;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.regard.accounts.Actor;
import org.regard.accounts.AgentAdministration;
import org.regard.accounts.Role;
import org.regard.accounts.TeamView;
import org.regard.customers.Customers;
import org.regard.support.DatabaseAvailable;
import org.regard.support.TestData;
import org.regard.tickets.TicketEvents.AgentReplied;
import org.regard.tickets.TicketEvents.CustomerWrote;
import org.regard.tickets.TicketEvents.TicketOpened;
import org.regard.tickets.TicketEvents.TicketStatusChanged;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.Scenario;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.ActiveProfiles;

import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.regard.support.TicketFixtures.aNewTicket;

/**
 * The tickets module's event contract, with the module and the modules it depends on only (no search, mail or
 * reports listening): what each use case publishes, and what the event carries for its listeners. All dependencies,
 * not only the direct ones: customers records address changes and merges in the audit module.
 */
@ApplicationModuleTest(ApplicationModuleTest.BootstrapMode.ALL_DEPENDENCIES)
@ActiveProfiles("test")
@ExtendWith(DatabaseAvailable.class)
@Tag("integration")
class TicketEventsModuleTest {
    @Autowired
    Tickets tickets;
    @Autowired
    AgentAdministration administration;
    @Autowired
    Customers customers;
    @Autowired
    UserDetailsService users;
    @Autowired
    Categories categories;

    @Test
    void openingATicketPublishesTicketOpenedStandingForItsFirstMessage(Scenario scenario) {
        TeamView team = administration.createTeam(TestData.unique("events"));
        long customer = customers.findOrCreate(TestData.unique("anna") + "@example.test", "Anna Meier").id();
        var command = new TicketCommands.OpenTicket(customer, "Drucker druckt nicht", "Seit gestern kommt nur leeres Papier heraus.",
                Channel.EMAIL, team.id(), null, null, null);

        scenario.stimulate(() -> tickets.open(command, Actor.SYSTEM))
                .andWaitForEventOfType(TicketOpened.class)
                .matching(event -> event.teamId() == team.id())
                .toArriveAndVerify((event, opened) -> {
                    assertThat(event.ticketId()).isEqualTo(opened.ticketId());
                    assertThat(event.firstMessageId()).isEqualTo(opened.messageId());
                    assertThat(event.subject()).isEqualTo("Drucker druckt nicht");
                    assertThat(event.customerId()).isEqualTo(customer);
                    assertThat(event.automated()).isFalse();
                    assertThat(event.language()).isEqualTo("de");
                });
    }

    @Test
    void theFirstReplyPublishesAgentRepliedWithWhatTheOutboxNeedsAndOpensTheTicket(Scenario scenario) {
        TeamView team = administration.createTeam(TestData.unique("events"));
        var agent = administration.create(new AgentAdministration.NewAgent(TestData.unique("agent") + "@regard.test", "Eva Agent",
                TestData.PASSWORD, Role.AGENT, null, List.of("en"), Set.of(team.id())));
        var principal = (org.regard.accounts.AgentPrincipal) users.loadUserByUsername(agent.email());
        long customer = customers.findOrCreate(TestData.unique("ben") + "@example.test", "Ben").id();
        long ticketId = tickets.open(aNewTicket().forCustomer(customer).inTeam(team.id()).about("Invoice")
                .saying("Where is my invoice?").by(Channel.EMAIL).command(), Actor.SYSTEM).ticketId();

        scenario.stimulate(() -> tickets.reply(ticketId, "It is on its way.", null, null, principal))
                .andWaitForEventOfType(AgentReplied.class)
                .matching(event -> event.ticketId() == ticketId)
                .toArriveAndVerify(event -> {
                    assertThat(event.subject()).isEqualTo("Invoice");
                    assertThat(event.body()).isEqualTo("It is on its way.");
                    assertThat(event.customerId()).isEqualTo(customer);
                    assertThat(event.agentId()).isEqualTo(agent.id());
                    // no channel module runs here: the reply is recorded only, and no touch
                    assertThat(event.channel()).isEqualTo(Channel.WEB);
                    assertThat(event.touch()).isFalse();
                    assertThat(event.destination().delivers()).isFalse();
                    assertThat(event.destination().obstacle()).isEqualTo(org.regard.tickets.ReplyChannel.Obstacle.NO_MAILBOX);
                });
        scenario.stimulate(() -> tickets.reply(ticketId, "And a second time.", TicketStatus.WAITING, null, principal))
                .andWaitForEventOfType(TicketStatusChanged.class)
                .matching(event -> event.ticketId() == ticketId && event.to() == TicketStatus.WAITING)
                .toArriveAndVerify(event -> {
                    assertThat(event.from()).as("the first reply opened the new ticket").isEqualTo(TicketStatus.OPEN);
                    assertThat(event.agentId()).isEqualTo(agent.id());
                });
    }

    @Test
    void theCustomerWritingAgainPublishesCustomerWroteAndReopens(Scenario scenario) {
        TeamView team = administration.createTeam(TestData.unique("events"));
        long customer = customers.findOrCreate(TestData.unique("chi") + "@example.test", "Chi").id();
        long ticketId = tickets.open(aNewTicket().forCustomer(customer).inTeam(team.id()).about("Login")
                .saying("I cannot log in.").command(), Actor.SYSTEM).ticketId();

        scenario.stimulate(() -> tickets.customerWrote(ticketId, "Still cannot log in.", Channel.EMAIL, null))
                .andWaitForEventOfType(CustomerWrote.class)
                .matching(event -> event.ticketId() == ticketId)
                .toArriveAndVerify((event, written) -> {
                    assertThat(event.messageId()).isEqualTo(written.messageId());
                    assertThat(event.customerId()).isEqualTo(customer);
                    assertThat(event.teamId()).isEqualTo(team.id());
                });
    }

    @Test
    void aTouchReachingTheAlarmPublishesTicketFlaggedAndTheLeadsCauseRootCauseNoted(Scenario scenario) {
        TeamView team = administration.createTeam(TestData.unique("events"));
        var lead = administration.create(new AgentAdministration.NewAgent(TestData.unique("lead") + "@regard.test", "Lea Lead",
                TestData.PASSWORD, Role.LEAD, null, List.of("en"), Set.of(team.id())));
        var principal = (org.regard.accounts.AgentPrincipal) users.loadUserByUsername(lead.email());
        long customer = customers.findOrCreate(TestData.unique("dan") + "@example.test", "Dan").id();
        long ticketId = tickets.open(aNewTicket().forCustomer(customer).inTeam(team.id()).about("Parcel")
                .saying("Where is it?").command(), Actor.SYSTEM).ticketId();
        categories.defaultBudget(1, 2);
        try {
            // the first message was one touch: the customer's second reaches the alarm (2) in its own write
            scenario.stimulate(() -> tickets.customerWrote(ticketId, "Still nothing.", Channel.EMAIL, null))
                    .andWaitForEventOfType(TicketEvents.TicketFlagged.class)
                    .matching(event -> event.ticketId() == ticketId)
                    .toArriveAndVerify(event -> {
                        assertThat(event.reason()).isEqualTo(TouchBudget.ALARM);
                        assertThat(event.teamId()).isEqualTo(team.id());
                        assertThat(event.categoryId()).isNull();
                    });
        } finally {
            categories.defaultBudget(null, null);
        }
        scenario.stimulate(() -> tickets.noteRootCause(ticketId, "policy", principal))
                .andWaitForEventOfType(TicketEvents.RootCauseNoted.class)
                .matching(event -> event.ticketId() == ticketId)
                .toArriveAndVerify(event -> {
                    assertThat(event.rootCause()).isEqualTo("policy");
                    assertThat(event.agentId()).isEqualTo(lead.id());
                });
    }
}
