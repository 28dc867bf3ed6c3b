package org.regard.support;

import org.regard.accounts.Accounts;
import org.regard.accounts.AgentAdministration;
import org.regard.accounts.AgentPrincipal;
import org.regard.accounts.ApiTokens;
import org.regard.accounts.Role;
import org.regard.accounts.TeamView;
import org.regard.customers.Customers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Creates the people a test needs, each with unique names and addresses so tests never collide in the
 * shared database.
 */
public class TestData {
    public static final String PASSWORD = "correct-horse-battery";

    private final AgentAdministration admin;
    private final Accounts accounts;
    private final Customers customers;
    @Autowired
    private UserDetailsService users;
    @Autowired
    private ApiTokens tokens;
    @Autowired
    private org.regard.tickets.Tickets tickets;

    TestData(AgentAdministration admin, Accounts accounts, Customers customers) {
        this.admin = admin;
        this.accounts = accounts;
        this.customers = customers;
    }

    /** An agent of a test, with what a client needs to sign in as them. */
    public record TestAgent(long id, String email, String password, AgentPrincipal principal) {
    }

    public static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    public TeamView team(String prefix) {
        return admin.createTeam(unique(prefix));
    }

    public TestAgent agent(Role role, TeamView... teams) {
        return agent(role, null, teams);
    }

    public TestAgent agent(Role role, String locale, TeamView... teams) {
        return named(null, role, locale, teams);
    }

    /** An agent with a real name, for stories and screenshots; {@code null} gives "Agent" and a number. */
    public TestAgent named(String displayName, Role role, String locale, TeamView... teams) {
        String email = unique("agent") + "@regard.test";
        Set<Long> teamIds = Arrays.stream(teams).map(TeamView::id).collect(Collectors.toSet());
        String name = displayName == null ? "Agent " + email.substring(6, 14) : displayName;
        var created = admin.create(new AgentAdministration.NewAgent(email, name, PASSWORD,
                role, locale, List.of("en"), teamIds));
        return new TestAgent(created.id(), email, PASSWORD, principal(email));
    }

    /** The administrator every test run has (it sees every team's tickets). */
    public AgentPrincipal admin() {
        return principal("admin@regard.test");
    }

    public AgentPrincipal principal(String email) {
        return (AgentPrincipal) users.loadUserByUsername(email);
    }

    public String apiToken(TestAgent agent) {
        return tokens.create(agent.id(), "test").secret();
    }

    public Customers.CustomerView customer(String name) {
        return customers.findOrCreate(unique("customer") + "@example.test", name);
    }

    /** A customer with a ticket in this team: the team's agents serve them, and so may change them. */
    public Customers.CustomerView customerOf(TeamView team, String name) {
        return serve(team, customer(name).id());
    }

    /** Opens a ticket for the customer in this team (as Regard itself), so its agents serve them; the customer now. */
    public Customers.CustomerView serve(TeamView team, long customerId) {
        tickets.open(TicketFixtures.aNewTicket().forCustomer(customerId).inTeam(team.id()).command(),
                org.regard.accounts.Actor.SYSTEM);
        return customers.customer(customerId).orElseThrow();
    }

    public Accounts accounts() {
        return accounts;
    }
}
