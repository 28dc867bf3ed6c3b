package org.regard.tickets;

import org.regard.accounts.Accounts;
import org.regard.accounts.Accounts.TeamRouting;
import org.regard.accounts.Actor;
import org.regard.accounts.AgentView;
import org.regard.customers.Customers;
import org.regard.customers.Customers.CustomerView;
import org.regard.languages.Detection;
import org.regard.languages.Languages;
import org.regard.tickets.TicketCommands.OpenTicket;
import org.regard.tickets.TicketEvents.TicketAssigned;
import org.regard.tickets.TicketEvents.TicketOpened;
import org.regard.tickets.TicketQueries.ChangeView;
import org.regard.tickets.TicketQueries.MessageView;
import org.regard.tickets.TicketQueries.TicketDetail;
import org.regard.tickets.TicketQueries.TicketRow;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.LongFunction;

/**
 * Opens a ticket on behalf of a customer, with their request as its first message (an inbound touch unless a machine
 * wrote it), in one transaction: the customer (when found or created by address), the ticket, its first message and
 * files, its routing, its submission key, the search index and the event. Returns what it wrote, so the caller shows
 * it without reading it back. A repeated submission key finds the ticket the first submission opened.
 */
@Component
class OpeningTicket {
    /** A race on a submission key or on a new customer's address is settled by one more try, which finds the winner. */
    private static final int ATTEMPTS = 2;

    private final TicketRows rows;
    private final TicketAccess access;
    private final Accounts accounts;
    private final Customers customers;
    private final CategoryRepository categories;
    private final Languages languages;
    private final LanguageRouting routing;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate tx;
    private final Clock clock;

    OpeningTicket(TicketRows rows, TicketAccess access, Accounts accounts, Customers customers, CategoryRepository categories,
                  Languages languages, LanguageRouting routing, ApplicationEventPublisher events,
                  PlatformTransactionManager transactions, Clock clock) {
        this.rows = rows;
        this.access = access;
        this.accounts = accounts;
        this.customers = customers;
        this.categories = categories;
        this.languages = languages;
        this.routing = routing;
        this.events = events;
        this.tx = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    /** For a customer Regard knows. */
    Tickets.Opened open(OpenTicket cmd, Actor actor) {
        return open(actor, cmd.subject(), cmd.body(), () -> {
            CustomerView customer = customers.customer(cmd.customerId())
                    .orElseThrow(() -> new IllegalArgumentException("No customer " + cmd.customerId()));
            return new Prepared(customer, cmd);
        }, cmd.automated() ? Optional.empty() : languages.detect(cmd.body()));
    }

    /**
     * For whoever writes from this address: the customer is found, or created in the same transaction as the ticket
     * (a ticket refused on the way leaves no customer behind).
     */
    Tickets.Opened openFor(String email, String name, LongFunction<OpenTicket> command, Actor actor) {
        OpenTicket probe = command.apply(0);
        return open(actor, probe.subject(), probe.body(), () -> {
            CustomerView customer = customers.findOrCreate(email, name);
            return new Prepared(customer, command.apply(customer.id()));
        }, probe.automated() ? Optional.empty() : languages.detect(probe.body()));
    }

    /**
     * For a caller Regard does not know yet, with what the agent took down (a name, numbers, perhaps an address): the
     * customer is created in the same transaction as the ticket, or not at all. An address Regard knows finds its
     * customer instead. A resubmitted form finds the ticket its first submission opened and that ticket's customer,
     * so the caller is not created twice (nothing else identifies a customer without an address).
     */
    Tickets.Opened openForNew(Customers.NewCustomer caller, LongFunction<OpenTicket> command, Actor actor) {
        OpenTicket probe = command.apply(0);
        String key = TicketInput.scopedKey(probe.submissionKey(), actor);
        return open(actor, probe.subject(), probe.body(), () -> {
            CustomerView customer = Optional.ofNullable(key).flatMap(rows::customerBySubmission).flatMap(customers::customer)
                    .or(() -> caller.emails().stream().findFirst().flatMap(customers::customerByEmail))
                    .orElseGet(() -> customers.create(caller));
            return new Prepared(customer, command.apply(customer.id()));
        }, probe.automated() ? Optional.empty() : languages.detect(probe.body()));
    }

    private record Prepared(CustomerView customer, OpenTicket cmd) {
    }

    private Tickets.Opened open(Actor actor, String subject, String body, java.util.function.Supplier<Prepared> customer,
                                Optional<Detection> detected) {
        TicketInput.requireText(subject, Tickets.MAX_SUBJECT, "subject");
        TicketInput.requireText(body, Tickets.MAX_BODY, "body");
        DataIntegrityViolationException last = null;
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            try {
                return tx.execute(s -> write(customer.get(), actor, detected));
            } catch (DataIntegrityViolationException raced) {
                last = raced;
            }
        }
        throw last;
    }

    private Tickets.Opened write(Prepared prepared, Actor actor, Optional<Detection> detected) {
        OpenTicket cmd = prepared.cmd();
        CustomerView customer = prepared.customer();
        TeamRouting team = chooseTeam(cmd.teamId(), actor);
        access.requireOpenIn(actor, team.id());
        Optional<Category> category = Optional.ofNullable(cmd.categoryId())
                .map(id -> categories.findById(id).orElseThrow(() -> new IllegalArgumentException("No category " + id)));
        String key = TicketInput.scopedKey(cmd.submissionKey(), actor);
        if (key != null) {
            Optional<Long> existing = rows.ticketBySubmission(key);
            if (existing.isPresent()) {
                return new Tickets.Opened(existing.get(), rows.firstMessage(existing.get()), true, customer, Optional.empty());
            }
        }
        Instant now = clock.instant();
        Ticket ticket = Ticket.open(cmd.subject(), cmd.channel(), customer.id(), team.id(), cmd.priority(), now);
        category.ifPresent(c -> ticket.categorize(c.getId(), now));
        ticket.followUpOf(cmd.followUpOf());
        String language = learnLanguage(customer, detected);
        // an agent named by the opener takes it; otherwise the team's routing may choose one
        Optional<AgentView> routedTo = cmd.assigneeId() != null ? Optional.of(assignee(cmd.assigneeId(), team))
                : routing.assigneeFor(team, language);
        List<Ticket.Change> routed = routedTo.map(a -> ticket.assignTo(a.id(), now)).orElse(List.of());
        if (cmd.automated()) {
            ticket.noteActivity(now);
        } else {
            ticket.recordTouch(TouchDirection.INBOUND, now);
        }
        rows.insert(ticket);
        long ticketId = ticket.getId();
        Long assignedBy = cmd.assigneeId() != null ? actor.agentId() : null; // routing assigns as nobody
        rows.record(ticketId, assignedBy, routed, now);
        if (key != null) {
            // a concurrent twin fails here on the primary key, rolls back, and its retry finds this ticket
            rows.rememberSubmission(key, ticketId);
        }
        Message first = new Message(ticketId, cmd.automated() ? MessageKind.AUTOMATED : MessageKind.CUSTOMER,
                cmd.channel(), cmd.automated() ? null : TouchDirection.INBOUND, actor.agentId(), customer.id(), cmd.body(), now, key)
                .writtenIn(detected.map(Detection::language).orElse(null));
        long messageId = rows.insert(first);
        rows.insertFiles(messageId, cmd.attachments());
        events.publishEvent(new TicketOpened(ticketId, customer.id(), team.id(), cmd.channel(), ticket.getSubject(), messageId,
                cmd.automated(), language, now, customer.tier()));
        routedTo.ifPresent(a -> events.publishEvent(new TicketAssigned(ticketId, team.id(), ticket.getStatus(), a.id(), assignedBy, now)));
        List<AttachmentView> files = cmd.attachments().isEmpty() ? List.of() : rows.files(messageId);
        return new Tickets.Opened(ticketId, messageId, false, customer, Optional.of(detail(ticket, customer, team, routedTo, category,
                first, messageId, files, routed)));
    }

    /** The agent the opener chose: active and a member of the ticket's team, else the ticket is refused. */
    private AgentView assignee(long agentId, TeamRouting team) {
        AgentView agent = accounts.agent(agentId).filter(AgentView::active)
                .orElseThrow(() -> new InvalidInput("assignee", "is not an active agent"));
        if (!agent.teamIds().contains(team.id())) {
            throw new InvalidInput("assignee", "is not a member of the ticket's team");
        }
        return agent;
    }

    /**
     * Lets a confident detection become the customer's language when they have none yet (never over one an agent
     * set); the customer's language afterwards, if any.
     */
    private String learnLanguage(CustomerView customer, Optional<Detection> detected) {
        if (customer.language() != null) {
            return customer.language();
        }
        Optional<String> learnt = detected.filter(Detection::confident).map(Detection::language);
        learnt.ifPresent(language -> customers.learnLanguage(customer.id(), language));
        return learnt.orElse(null);
    }

    /** The requested team, else the opener's first team, else the first team there is. */
    private TeamRouting chooseTeam(Long requested, Actor actor) {
        Long id = requested;
        if (id == null) {
            id = actor.teamIds().stream().sorted().findFirst()
                    .orElseGet(() -> accounts.teams().stream().findFirst()
                            .orElseThrow(() -> new IllegalStateException("Create a team before opening tickets.")).id());
        }
        long teamId = id;
        return accounts.teamRouting(teamId).orElseThrow(() -> new IllegalArgumentException("No team " + teamId));
    }

    private static TicketDetail detail(Ticket t, CustomerView customer, TeamRouting team, Optional<AgentView> assignee,
                                       Optional<Category> category, Message first, long messageId, List<AttachmentView> files,
                                       List<Ticket.Change> routed) {
        TicketRow row = new TicketRow(t.getId(), t.getSubject(), t.getStatus(), t.getPriority(), t.getChannel(), customer.id(),
                customer.name(), team.id(), team.names().current(), t.getAssigneeId(), assignee.map(AgentView::displayName).orElse(null),
                t.getTouchesIn(), t.getTouchesOut(), t.getCreatedAt(), t.getUpdatedAt());
        MessageView message = new MessageView(messageId, first.getKind(), first.getChannel(), first.getTouch(),
                first.getAuthorAgentId(), first.getAuthorCustomerId(), customer.name(), first.getBody(), first.getCreatedAt(),
                files, first.getLanguage());
        List<ChangeView> changes = routed.stream().map(c -> new ChangeView(t.getCreatedAt(), null, customer.name(), c.field(),
                null, assignee.map(AgentView::displayName).orElse(c.newValue()))).toList();
        return new TicketDetail(row, t.getCategoryId(), category.map(c -> c.localNames().current()).orElse(null), t.getResolvedAt(),
                t.getVersion(), List.of(message), changes, t.getFollowUpOf());
    }
}
