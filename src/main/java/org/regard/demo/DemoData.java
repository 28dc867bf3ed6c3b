package org.regard.demo;

import org.regard.accounts.Actor;

import org.regard.accounts.Accounts;
import org.regard.accounts.AgentAdministration;
import org.regard.accounts.AgentPrincipal;
import org.regard.accounts.AgentView;
import org.regard.accounts.PasswordPolicy;
import org.regard.customers.Customers;
import org.regard.demo.DemoCast.AgentSpec;
import org.regard.demo.DemoCast.CustomerSpec;
import org.regard.demo.DemoCast.OrganizationSpec;
import org.regard.demo.DemoPlan.Assign;
import org.regard.demo.DemoPlan.Call;
import org.regard.demo.DemoPlan.Close;
import org.regard.demo.DemoPlan.CustomerWrites;
import org.regard.demo.DemoPlan.Note;
import org.regard.demo.DemoPlan.Open;
import org.regard.demo.DemoPlan.Reply;
import org.regard.demo.DemoPlan.Step;
import org.regard.demo.DemoPlan.TicketStory;
import org.regard.tickets.Categories;
import org.regard.tickets.TicketCommands.OpenTicket;
import org.regard.tickets.TicketCommands.UpdateTicket;
import org.regard.tickets.TicketQueries;
import org.regard.tickets.TicketQueries.ListQuery;
import org.regard.tickets.TicketQueries.View;
import org.regard.tickets.TicketStatus;
import org.regard.tickets.Tickets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.stereotype.Service;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Loads the demo desk: four teams, eight agents who share one demo password (printed once in the log),
 * five categories, four organizations, fifty customers and two hundred tickets with their conversations,
 * spread over the last sixty days.
 * <p>
 * Everything is written through the public use cases (agents through {@link AgentAdministration},
 * customers through {@link Customers}, tickets through {@link Tickets}), so statuses, touch counts, change
 * histories and the events other modules keep are what real work would leave. Each step runs with the
 * application clock standing at the step's moment in the story ({@link DemoClock}), so everything carries
 * the story's dates; nothing is corrected afterwards.
 * <p>
 * Safe when several nodes start together: the first demo agent's unique address is the claim, so only the
 * node that creates it loads the rest.
 */
@Service
public class DemoData {
    private static final Logger log = LoggerFactory.getLogger(DemoData.class);
    /** Demo addresses end in this reserved domain: they can never reach a real mailbox. */
    static final String DOMAIN = "example.com";

    private final AgentAdministration administration;
    private final Accounts accounts;
    private final Customers customers;
    private final org.regard.customers.CustomerNotes notes;
    private final org.regard.customers.Organizations organizations;
    private final Categories categories;
    private final Tickets tickets;
    private final TicketQueries queries;
    private final UserDetailsService users;
    private final DemoClock clock;
    private final String configuredPassword;
    private final PasswordPolicy passwordPolicy;
    private final DemoExtras extras;
    private final DemoNames names;

    DemoData(AgentAdministration administration, Accounts accounts, Customers customers, Categories categories,
             Tickets tickets, TicketQueries queries, UserDetailsService users, Clock clock,
             @Value("${regard.demo-password:}") String configuredPassword, org.regard.customers.CustomerNotes notes,
             org.regard.customers.Organizations organizations, PasswordPolicy passwordPolicy,
             org.regard.tickets.ReplyTemplates templates, org.regard.customers.Preferences preferences,
             org.regard.customers.Promises promises, org.regard.accounts.TeamAdministration teamAdministration,
             org.regard.customers.TierNames tierNames) {
        this.passwordPolicy = passwordPolicy;
        this.notes = notes;
        this.organizations = organizations;
        this.administration = administration;
        this.accounts = accounts;
        this.customers = customers;
        this.categories = categories;
        this.tickets = tickets;
        this.queries = queries;
        this.users = users;
        if (!(clock instanceof DemoClock demoClock)) {
            throw new IllegalStateException("The application clock is not wrapped by DemoClockConfiguration");
        }
        this.clock = demoClock;
        this.extras = new DemoExtras(templates, preferences, promises, demoClock);
        this.names = new DemoNames(teamAdministration, categories, tierNames);
        this.configuredPassword = configuredPassword;
    }

    /**
     * What to load: under which domain, with which password, how many tickets. The password is printed in the log
     * only when Regard generated it: one the operator gave is theirs already and does not belong in a log.
     */
    record DemoRequest(String domain, String password, int ticketCount, boolean passwordGenerated) {
        DemoRequest(String domain, String password, int ticketCount) {
            this(domain, password, ticketCount, false);
        }
    }

    /** Whether the desk already has at least one ticket (then the demo stays out of the way). */
    public boolean deskHasTickets() {
        // an administrator sees every team's tickets; the first start has created one before the demo runs
        return accounts.agents().stream().filter(a -> a.isAdmin() && a.active()).findFirst()
                .map(admin -> (AgentPrincipal) users.loadUserByUsername(admin.email()))
                .map(admin -> !queries.list(new ListQuery(View.ALL, EnumSet.allOf(TicketStatus.class), null, null, null, null,
                        null, null, 1), admin).rows().isEmpty())
                .orElse(false);
    }

    /** Loads the demo when the desk has no ticket yet; empty when it had some or another node is loading it. */
    public Optional<DemoSummary> loadIfEmpty() {
        if (deskHasTickets()) {
            return Optional.empty();
        }
        return load();
    }

    /**
     * Loads the demo now, whatever the desk holds; empty when the demo agents already exist (loaded before,
     * or another node is loading it at this moment).
     */
    public Optional<DemoSummary> load() {
        boolean generated = configuredPassword == null || configuredPassword.isBlank();
        if (!generated) {
            var problem = passwordPolicy.problemWith(configuredPassword, null, null);
            if (problem.isPresent()) {
                log.warn("regard.demo-password is not used: {} Regard generates the demo password instead.",
                        problem.get().englishMessage());
                generated = true;
            }
        }
        return load(new DemoRequest(DOMAIN, generated ? generatePassword() : configuredPassword, DemoPlan.TICKETS, generated));
    }

    Optional<DemoSummary> load(DemoRequest request) {
        long started = System.nanoTime();
        Instant now = clock.real().instant();
        DemoPlan.Plan plan = DemoPlan.make(request.ticketCount(), now);
        // the desk's people were there before its oldest story
        Instant founded = now.minus(Duration.ofDays(DemoPlan.DAYS + 400));
        Optional<AgentView> claim = clock.at(founded, () -> claim(request));
        if (claim.isEmpty()) {
            return Optional.empty();
        }
        Map<String, Long> teams = new LinkedHashMap<>();
        List<AgentView> agents = clock.at(founded, () -> {
            DemoCast.TEAMS.forEach(name -> teams.put(name, accounts.ensureTeam(name).id()));
            return createAgents(request, claim.get(), teams);
        });
        List<AgentPrincipal> principals = agents.stream()
                .map(a -> (AgentPrincipal) users.loadUserByUsername(a.email())).toList();
        Map<DemoCast.Topic, Long> categoryIds = new LinkedHashMap<>();
        for (DemoCast.Topic topic : DemoCast.Topic.values()) {
            categoryIds.put(topic, categories.ensure(topic.category).id());
        }
        List<Long> organizationIds = clock.at(founded, () -> DemoCast.ORGANIZATIONS.stream()
                .map(o -> organizations.ensure(o.name(), o.tier()).id()).toList());
        List<Long> customerIds = createCustomers(request, agents, plan.customersSince());
        names.name(teams, categoryIds);

        extras.templates(categoryIds, principals.getFirst(), founded.plus(Duration.ofDays(300)));
        extras.preferenceFields(customerIds, now.minus(Duration.ofDays(DemoPlan.DAYS)));

        List<Long> ticketIds = new ArrayList<>(plan.tickets().size());
        for (TicketStory story : plan.tickets()) {
            ticketIds.add(play(story, customerIds.get(story.customer()), teams.get(story.team()),
                    categoryIds.get(story.script().topic()), principals));
        }
        extras.promises(plan.tickets(), ticketIds, customerIds, teams, principals, now);
        DemoSummary summary = new DemoSummary(List.copyOf(teams.values()), agents.stream().map(AgentView::id).toList(),
                agents.stream().map(AgentView::email).toList(), List.copyOf(categoryIds.values()), organizationIds,
                customerIds, List.copyOf(ticketIds));
        announce(summary, request.passwordGenerated() ? request.password() : "(the one given in regard.demo-password)",
                (System.nanoTime() - started) / 1_000_000);
        return Optional.of(summary);
    }

    /** Creates the first demo agent; whoever manages that owns the load. */
    private Optional<AgentView> claim(DemoRequest request) {
        try {
            return Optional.of(administration.create(newAgent(DemoCast.AGENTS.getFirst(), request, Set.of())));
        } catch (AgentAdministration.EmailTaken | DataIntegrityViolationException | ConcurrencyFailureException taken) {
            // another node created the same address a moment ago, or long ago
            log.info("Demo agents exist already; not loading the demo again.");
            return Optional.empty();
        }
    }

    private List<AgentView> createAgents(DemoRequest request, AgentView first, Map<String, Long> teams) {
        List<AgentView> agents = new ArrayList<>();
        AgentSpec lead = DemoCast.AGENTS.getFirst();
        agents.add(administration.update(first.id(), lead.name(), lead.role(), lead.languages(), teamIds(lead, teams)));
        for (AgentSpec spec : DemoCast.AGENTS.subList(1, DemoCast.AGENTS.size())) {
            agents.add(administration.create(newAgent(spec, request, teamIds(spec, teams))));
        }
        return agents;
    }

    private static AgentAdministration.NewAgent newAgent(AgentSpec spec, DemoRequest request, Set<Long> teamIds) {
        return new AgentAdministration.NewAgent(spec.localPart() + "@desk." + request.domain(), spec.name(),
                request.password(), spec.role(), spec.locale(), spec.languages(), teamIds);
    }

    private static Set<Long> teamIds(AgentSpec spec, Map<String, Long> teams) {
        Set<Long> ids = new HashSet<>();
        spec.teams().forEach(name -> ids.add(teams.get(name)));
        return ids;
    }

    /** Each customer arrives on their day, and the note about them a few days later. */
    private List<Long> createCustomers(DemoRequest request, List<AgentView> agents, List<Instant> since) {
        List<Long> ids = new ArrayList<>();
        for (int c = 0; c < DemoCast.CUSTOMERS.size(); c++) {
            CustomerSpec spec = DemoCast.CUSTOMERS.get(c);
            OrganizationSpec org = spec.organization() < 0 ? null : DemoCast.ORGANIZATIONS.get(spec.organization());
            List<org.regard.customers.Phone> phones = phone(c, spec, org);
            long id = clock.at(since.get(c), () -> customers.create(new Customers.NewCustomer(spec.name(),
                    List.of(address(spec, org, request.domain())), spec.language(), org == null ? null : org.name(),
                    spec.tier(), spec.preferences(), Customers.PersonFacts.UNKNOWN, phones)).id());
            if (spec.pinnedNote() != null) {
                Long author = agents.stream().filter(a -> a.languages().contains(spec.language()))
                        .map(AgentView::id).findFirst().orElse(null);
                clock.at(since.get(c).plus(Duration.ofDays(3)), () -> notes.add(id, spec.pinnedNote(), true, author));
            }
            ids.add(id);
        }
        return ids;
    }

    /**
     * Every other customer left a telephone number: a work number for people in an organization, a mobile otherwise,
     * written the way people of their country write them, in the ranges kept for fiction where the country has one.
     */
    private static List<org.regard.customers.Phone> phone(int index, CustomerSpec spec, OrganizationSpec organization) {
        if (index % 2 == 1) {
            return List.of();
        }
        String number = switch (spec.language()) {
            case "fr" -> "+33 6 39 98 %02d %02d".formatted(index, 10 + index);
            case "de" -> "+49 30 23125 %03d".formatted(100 + index);
            case "vi" -> "+84 90 000 %04d".formatted(1000 + index);
            default -> "+44 7700 900%03d".formatted(index);
        };
        return List.of(new org.regard.customers.Phone(number,
                organization == null ? org.regard.customers.PhoneKind.MOBILE : org.regard.customers.PhoneKind.WORK));
    }

    /** People in an organization write from its domain; others from a mail provider of their country. */
    private static String address(CustomerSpec spec, OrganizationSpec org, String domain) {
        String host = org != null ? org.domainLabel() : switch (spec.language()) {
            case "fr" -> "courriel";
            case "de" -> "post";
            case "vi" -> "thu";
            default -> "mail";
        };
        return DemoCast.localPart(spec.name()) + "@" + host + "." + domain;
    }

    /** Plays one story through the ticket use cases, each step at its moment; returns the ticket's id. */
    private long play(TicketStory story, long customerId, long teamId, long categoryId, List<AgentPrincipal> agents) {
        long[] ticket = {-1};
        for (Step step : story.steps()) {
            clock.at(step.at(), () -> {
                ticket[0] = perform(step, ticket[0], story, customerId, teamId, categoryId, agents);
                return null;
            });
        }
        return ticket[0];
    }

    private long perform(Step step, long id, TicketStory story, long customerId, long teamId, long categoryId,
                         List<AgentPrincipal> agents) {
        switch (step) {
            case Open open -> {
                OpenTicket cmd = new OpenTicket(customerId, story.script().subject(), story.script().request(),
                        story.channel(), teamId, story.priority(), categoryId, null);
                return (open.opener() == null ? tickets.open(cmd, Actor.SYSTEM) : tickets.open(cmd, agents.get(open.opener()))).ticketId();
            }
            case Assign assign -> tickets.update(id, new UpdateTicket(null, null, null,
                    Optional.of(agents.get(assign.agent()).id()), null, null, null), agents.get(assign.agent()));
            case Note note -> tickets.addNote(id, note.body(), null, agents.get(note.agent()));
            case Reply reply -> tickets.reply(id, reply.body(), reply.next(), null, agents.get(reply.agent()));
            case CustomerWrites writes -> tickets.customerWrote(id, writes.body(), writes.channel(), null);
            case Call call -> tickets.logContact(id, call.channel(), call.direction(), call.body(), null, agents.get(call.agent()));
            case Close close -> tickets.update(id, new UpdateTicket(TicketStatus.CLOSED, null, null, null, null, null, null),
                    agents.get(close.agent()));
        }
        return id;
    }

    private static void announce(DemoSummary summary, String password, long millis) {
        StringBuilder who = new StringBuilder();
        summary.agentEmails().forEach(email -> who.append("\n        ").append(email));
        log.warn("""

                ================================================================
                  Regard loaded the demo desk in {} ms: {} teams, {} agents, {} customers, {} tickets.
                  Every demo agent signs in with the same password:
                    password: {}
                  Agents (the first is an administrator):{}
                ================================================================""",
                millis, summary.teamIds().size(), summary.agentIds().size(), summary.customerIds().size(),
                summary.ticketIds().size(), password, who);
    }

    private static String generatePassword() {
        String alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
        SecureRandom random = new SecureRandom();
        StringBuilder b = new StringBuilder("demo-");
        for (int i = 0; i < 12; i++) {
            b.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return b.toString();
    }
}
