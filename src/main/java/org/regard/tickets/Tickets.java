package org.regard.tickets;

import org.regard.accounts.AgentPrincipal;
import org.regard.accounts.AgentView;
import org.regard.accounts.Accounts;
import org.regard.customers.Customers;
import org.regard.languages.Detection;
import org.regard.languages.Languages;
import org.regard.tickets.TicketCommands.CustomerMessage;
import org.regard.tickets.TicketCommands.OpenTicket;
import org.regard.tickets.TicketCommands.UpdateTicket;
import org.regard.tickets.TicketEvents.*;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The ticket use cases. Each runs in its own transaction; the messages that must not be lost (replies,
 * notes, customer messages) are retried when a concurrent change to the same ticket wins the race, and
 * are written once only when the same submission arrives twice.
 */
@Service
public class Tickets {
    /** Longest message body accepted, in characters. */
    public static final int MAX_BODY = 100_000;
    /** Longest subject accepted, in characters. */
    public static final int MAX_SUBJECT = 300;
    private static final int ATTEMPTS = 5;

    private final TicketRepository tickets;
    private final MessageRepository messages;
    private final CategoryRepository categories;
    private final Accounts accounts;
    private final Customers customers;
    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final Languages languages;
    private final LanguageRouting routing;

    Tickets(TicketRepository tickets, MessageRepository messages, CategoryRepository categories, Accounts accounts,
            Customers customers, JdbcClient jdbc, ApplicationEventPublisher events, PlatformTransactionManager txManager,
            Clock clock, Languages languages, LanguageRouting routing) {
        this.languages = languages;
        this.routing = routing;
        this.tickets = tickets;
        this.messages = messages;
        this.categories = categories;
        this.accounts = accounts;
        this.customers = customers;
        this.jdbc = jdbc;
        this.events = events;
        this.tx = new TransactionTemplate(txManager);
        this.clock = clock;
    }

    /** The result of writing a message: the message, and whether this call wrote it or found it already written. */
    public record Written(long ticketId, long messageId, boolean duplicate) {
    }

    /**
     * Opens a ticket on behalf of a customer, with the customer's request as its first message (an
     * inbound touch). Returns the existing ticket when the same submission key was already used by this
     * agent.
     */
    public long open(OpenTicket cmd, AgentPrincipal actor) {
        requireText(cmd.subject(), MAX_SUBJECT, "subject");
        requireText(cmd.body(), MAX_BODY, "body");
        customers.customer(cmd.customerId()).orElseThrow(() -> new IllegalArgumentException("No customer " + cmd.customerId()));
        long teamId = chooseTeam(cmd.teamId(), actor);
        if (actor != null && !accounts.canSeeTeam(actor, teamId)) {
            throw new IllegalArgumentException("You can only open tickets for a team you belong to.");
        }
        if (cmd.categoryId() != null && categories.findById(cmd.categoryId()).isEmpty()) {
            throw new IllegalArgumentException("No category " + cmd.categoryId());
        }
        String key = scopedKey(cmd.submissionKey(), actor);
        Optional<Detection> detected = cmd.automated() ? Optional.empty() : languages.detect(cmd.body());
        return retrying(() -> {
            if (key != null) {
                Optional<Long> existing = jdbc.sql("select ticket_id from ticket_submission where submission_key = ?")
                        .param(key).query(Long.class).optional();
                if (existing.isPresent()) {
                    return existing.get();
                }
            }
            Instant now = clock.instant();
            Ticket ticket = Ticket.open(cmd.subject(), cmd.channel(), cmd.customerId(), teamId, cmd.priority(), now);
            if (cmd.categoryId() != null) {
                ticket.categorize(cmd.categoryId(), now);
            }
            ticket.followUpOf(cmd.followUpOf());
            Optional<Long> routedTo = learnLanguage(cmd.customerId(), detected).flatMap(language -> routing.assigneeFor(teamId, language));
            List<Ticket.Change> routed = routedTo.isPresent() ? ticket.assignTo(routedTo.get(), now) : List.of();
            if (cmd.automated()) {
                ticket.noteActivity(now);
            } else {
                ticket.recordTouch(TouchDirection.INBOUND, now);
            }
            ticket = tickets.save(ticket);
            record(ticket.getId(), null, routed, now);
            if (key != null) {
                // a concurrent twin fails here on the primary key, rolls back, and its retry finds this ticket
                jdbc.sql("insert into ticket_submission (submission_key, ticket_id) values (?, ?)").params(key, ticket.getId()).update();
            }
            Message first = messages.save(new Message(ticket.getId(), cmd.automated() ? MessageKind.AUTOMATED : MessageKind.CUSTOMER,
                    cmd.channel(), cmd.automated() ? null : TouchDirection.INBOUND,
                    actor == null ? null : actor.id(), cmd.customerId(), cmd.body(), now, key)
                    .writtenIn(detected.map(Detection::language).orElse(null)));
            saveAttachments(first.getId(), cmd.attachments());
            events.publishEvent(new TicketOpened(ticket.getId(), cmd.customerId(), teamId, cmd.channel(), now));
            if (ticket.getAssigneeId() != null) {
                events.publishEvent(new TicketAssigned(ticket.getId(), teamId, ticket.getAssigneeId(), null, now));
            }
            if (cmd.automated()) {
                events.publishEvent(new AutomatedMessageReceived(ticket.getId(), teamId, first.getId(), cmd.channel(), now));
            } else {
                events.publishEvent(new CustomerWrote(ticket.getId(), teamId, cmd.customerId(), first.getId(), cmd.channel(), now));
            }
            return ticket.getId();
        });
    }

    /** An agent's reply to the customer (an outbound touch), optionally moving the ticket on. */
    public Written reply(long ticketId, String body, TicketStatus nextStatus, String submissionKey, AgentPrincipal actor) {
        return reply(ticketId, body, nextStatus, submissionKey, List.of(), actor);
    }

    /**
     * An agent's reply with files. On a ticket that came in by email the reply goes out as email: the mail module
     * queues it in this same transaction when it hears {@link AgentReplied}.
     */
    public Written reply(long ticketId, String body, TicketStatus nextStatus, String submissionKey,
                         List<NewAttachment> attachments, AgentPrincipal actor) {
        requireText(body, MAX_BODY, "body");
        return write(ticketId, actor, submissionKey, attachments, (ticket, now, key) -> {
            Message m = new Message(ticketId, MessageKind.REPLY, replyChannel(ticket), TouchDirection.OUTBOUND,
                    actor.id(), null, body, now, key);
            ticket.recordTouch(TouchDirection.OUTBOUND, now);
            List<Ticket.Change> changes = new ArrayList<>();
            if (ticket.getStatus() == TicketStatus.NEW) {
                changes.addAll(ticket.moveTo(TicketStatus.OPEN, now));
            }
            if (nextStatus != null) {
                changes.addAll(ticket.moveTo(nextStatus, now));
            }
            return new Draft(m, changes);
        }, (ticket, m, now) -> events.publishEvent(new AgentReplied(ticketId, ticket.getTeamId(), actor.id(), m.getId(), m.getChannel(), now)));
    }

    /** An internal note: seen by the team only, never a touch. */
    public Written addNote(long ticketId, String body, String submissionKey, AgentPrincipal actor) {
        requireText(body, MAX_BODY, "body");
        return write(ticketId, actor, submissionKey, (ticket, now, key) -> {
            ticket.noteActivity(now);
            return new Draft(new Message(ticketId, MessageKind.NOTE, Channel.WEB, null, actor.id(), null, body, now, key), List.of());
        }, (ticket, m, now) -> events.publishEvent(new AgentAddedNote(ticketId, actor.id(), m.getId(), now)));
    }

    /** A call or visit with the customer, logged by the agent: a touch in the direction it went. */
    public Written logContact(long ticketId, Channel channel, TouchDirection direction, String body, String submissionKey,
                              AgentPrincipal actor) {
        requireText(body, MAX_BODY, "body");
        if (channel != Channel.PHONE && channel != Channel.VISIT) {
            throw new IllegalArgumentException("Only calls (phone) and visits can be logged.");
        }
        return write(ticketId, actor, submissionKey, (ticket, now, key) -> {
            ticket.recordTouch(direction, now);
            List<Ticket.Change> changes = direction == TouchDirection.INBOUND ? ticket.customerWrote(now) : List.of();
            return new Draft(new Message(ticketId, MessageKind.CONTACT, channel, direction, actor.id(), null, body, now, key), changes);
        }, (ticket, m, now) -> events.publishEvent(new AgentLoggedContact(ticketId, ticket.getTeamId(), actor.id(), m.getId(), channel, direction, now)));
    }

    /**
     * The customer's own message on an existing ticket (from the API, and later from email): an inbound
     * touch that brings a waiting, resolved or closed ticket back to the team.
     */
    public Written customerWrote(long ticketId, String body, Channel channel, String submissionKey) {
        return customerWrote(new CustomerMessage(ticketId, body, channel, submissionKey, List.of(), false, true));
    }

    /**
     * The customer's message with files, or an automatic message on their behalf (no touch; it brings the ticket
     * back to the team only when {@link CustomerMessage#reopens()}).
     */
    public Written customerWrote(CustomerMessage cmd) {
        requireText(cmd.body(), MAX_BODY, "body");
        long ticketId = cmd.ticketId();
        Optional<Detection> detected = cmd.automated() ? Optional.empty() : languages.detect(cmd.body());
        return write(ticketId, null, cmd.submissionKey(), cmd.attachments(), (ticket, now, key) -> {
            List<Ticket.Change> changes;
            if (cmd.automated()) {
                ticket.noteActivity(now);
                changes = cmd.reopens() ? ticket.customerWrote(now) : List.of();
            } else {
                ticket.recordTouch(TouchDirection.INBOUND, now);
                changes = ticket.customerWrote(now);
                learnLanguage(ticket.getCustomerId(), detected);
            }
            return new Draft(new Message(ticketId, cmd.automated() ? MessageKind.AUTOMATED : MessageKind.CUSTOMER, cmd.channel(),
                    cmd.automated() ? null : TouchDirection.INBOUND, null, ticket.getCustomerId(), cmd.body(), now, key)
                    .writtenIn(detected.map(Detection::language).orElse(null)), changes);
        }, (ticket, m, now) -> events.publishEvent(cmd.automated()
                ? new AutomatedMessageReceived(ticketId, ticket.getTeamId(), m.getId(), cmd.channel(), now)
                : new CustomerWrote(ticketId, ticket.getTeamId(), ticket.getCustomerId(), m.getId(), cmd.channel(), now)));
    }

    /** What a withdrawn reply said, so the agent can edit and send it again. */
    public record WithdrawnReply(long ticketId, String body, List<AttachmentView> attachments) {
    }

    /**
     * Takes back a reply that has not left (the channel module decides that, inside its own check, in the same
     * transaction): the message and its files are removed, the outbound touch is taken back, and the change is
     * recorded. Joins the caller's transaction.
     */
    @org.springframework.transaction.annotation.Transactional
    public WithdrawnReply withdrawReply(long messageId, AgentPrincipal actor) {
        Message m = messages.findById(messageId).orElseThrow(() -> new IllegalArgumentException("No message " + messageId));
        if (m.getKind() != MessageKind.REPLY) {
            throw new IllegalArgumentException("Only replies can be withdrawn.");
        }
        Ticket ticket = visibleTicket(m.getTicketId(), actor);
        Instant now = clock.instant();
        List<AttachmentView> files = attachmentViews(messageId);
        jdbc.sql("delete from message_attachment where message_id = ?").param(messageId).update();
        messages.deleteById(messageId);
        ticket.withdrawTouch(now);
        tickets.save(ticket);
        record(ticket.getId(), actor, List.of(new Ticket.Change("reply", "withdrawn", null)), now);
        events.publishEvent(new ReplyWithdrawn(ticket.getId(), ticket.getTeamId(), actor == null ? 0 : actor.id(), messageId, now));
        return new WithdrawnReply(ticket.getId(), m.getBody(), files);
    }

    /**
     * Changes status, priority, team, assignee, category or subject. With an expected version, fails with
     * {@link TicketConflict} when someone changed the ticket in between.
     */
    public void update(long ticketId, UpdateTicket cmd, AgentPrincipal actor) {
        if (cmd.subject() != null) {
            requireText(cmd.subject(), MAX_SUBJECT, "subject");
        }
        try {
            tx.executeWithoutResult(s -> {
                Ticket ticket = visibleTicket(ticketId, actor);
                if (cmd.expectedVersion() != null && cmd.expectedVersion() != ticket.getVersion()) {
                    throw new TicketConflict(ticketId);
                }
                Instant now = clock.instant();
                TicketStatus before = ticket.getStatus();
                List<Ticket.Change> changes = new ArrayList<>();
                boolean renamed = false;
                if (cmd.subject() != null) {
                    List<Ticket.Change> renaming = ticket.rename(cmd.subject(), now);
                    renamed = !renaming.isEmpty();
                    changes.addAll(renaming);
                }
                if (cmd.priority() != null) {
                    changes.addAll(ticket.prioritize(cmd.priority(), now));
                }
                if (cmd.categoryId() != null) {
                    if (categories.findById(cmd.categoryId()).isEmpty()) {
                        throw new IllegalArgumentException("No category " + cmd.categoryId());
                    }
                    changes.addAll(ticket.categorize(cmd.categoryId(), now));
                }
                boolean reassigned = false;
                if (cmd.teamId() != null && cmd.teamId() != ticket.getTeamId()) {
                    accounts.team(cmd.teamId()).orElseThrow(() -> new IllegalArgumentException("No team " + cmd.teamId()));
                    changes.addAll(ticket.moveToTeam(cmd.teamId(), now));
                    reassigned = true;
                    if (ticket.getAssigneeId() != null && !accounts.teamIdsOf(ticket.getAssigneeId()).contains(cmd.teamId())) {
                        changes.addAll(ticket.assignTo(null, now));
                    }
                }
                if (cmd.assignee() != null) {
                    Long assignee = cmd.assignee().orElse(null);
                    if (assignee != null) {
                        AgentView agent = accounts.agent(assignee).filter(AgentView::active)
                                .orElseThrow(() -> new IllegalArgumentException("No active agent " + assignee));
                        if (!agent.teamIds().contains(ticket.getTeamId())) {
                            throw new IllegalArgumentException(agent.displayName() + " is not a member of this ticket's team.");
                        }
                    }
                    List<Ticket.Change> assigned = ticket.assignTo(assignee, now);
                    reassigned |= !assigned.isEmpty();
                    changes.addAll(assigned);
                }
                if (cmd.status() != null) {
                    changes.addAll(ticket.moveTo(cmd.status(), now));
                }
                if (changes.isEmpty()) {
                    return;
                }
                tickets.save(ticket);
                record(ticketId, actor, changes, now);
                if (ticket.getStatus() != before) {
                    events.publishEvent(new TicketStatusChanged(ticketId, ticket.getTeamId(), before, ticket.getStatus(), actor.id(), now));
                }
                if (reassigned) {
                    events.publishEvent(new TicketAssigned(ticketId, ticket.getTeamId(), ticket.getAssigneeId(), actor.id(), now));
                }
                if (renamed) {
                    events.publishEvent(new TicketRenamed(ticketId, ticket.getTeamId(), actor.id(), now));
                }
            });
        } catch (OptimisticLockingFailureException e) {
            throw new TicketConflict(ticketId);
        }
    }

    /** Loads a ticket the agent may see, or explains why not. */
    Ticket visibleTicket(long ticketId, AgentPrincipal actor) {
        Ticket ticket = tickets.findById(ticketId).orElseThrow(() -> new TicketNotFound(ticketId));
        if (actor != null && !accounts.canSeeTeam(actor, ticket.getTeamId())) {
            throw new TicketForbidden(ticketId);
        }
        return ticket;
    }

    private record Draft(Message message, List<Ticket.Change> changes) {
    }

    private interface Composer {
        Draft compose(Ticket ticket, Instant now, String submissionKey);
    }

    private interface Announcer {
        void announce(Ticket ticket, Message message, Instant now);
    }

    private Written write(long ticketId, AgentPrincipal actor, String submissionKey, Composer composer, Announcer announcer) {
        return write(ticketId, actor, submissionKey, List.of(), composer, announcer);
    }

    private Written write(long ticketId, AgentPrincipal actor, String submissionKey, List<NewAttachment> attachments,
                          Composer composer, Announcer announcer) {
        String key = scopedKey(submissionKey, actor);
        return retrying(() -> {
            Ticket ticket = visibleTicket(ticketId, actor);
            if (key != null) {
                Optional<Message> existing = messages.findBySubmission(ticketId, key);
                if (existing.isPresent()) {
                    return new Written(ticketId, existing.get().getId(), true);
                }
            }
            Instant now = clock.instant();
            TicketStatus before = ticket.getStatus();
            Draft draft = composer.compose(ticket, now, key);
            tickets.save(ticket);
            Message saved = messages.save(draft.message());
            saveAttachments(saved.getId(), attachments);
            record(ticketId, actor, draft.changes(), now);
            announcer.announce(ticket, saved, now);
            if (ticket.getStatus() != before) {
                events.publishEvent(new TicketStatusChanged(ticketId, ticket.getTeamId(), before, ticket.getStatus(), actor == null ? null : actor.id(), now));
            }
            return new Written(ticketId, saved.getId(), false);
        });
    }

    /**
     * Runs a write in a transaction, again when another writer won a race on the same ticket (version
     * conflict) or on the same submission (unique key): the retry then finds the winner's message.
     */
    private <T> T retrying(Supplier<T> work) {
        RuntimeException last = null;
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            try {
                return tx.execute(s -> work.get());
            } catch (OptimisticLockingFailureException | DataIntegrityViolationException e) {
                last = e;
            }
        }
        throw last;
    }

    /**
     * Lets a confident detection become the customer's language when they have none yet (never over one an agent
     * set); returns the customer's language afterwards, if any.
     */
    private Optional<String> learnLanguage(long customerId, Optional<Detection> detected) {
        detected.filter(Detection::confident).ifPresent(d -> customers.learnLanguage(customerId, d.language()));
        return customers.customer(customerId).map(Customers.CustomerView::language);
    }

    private void saveAttachments(long messageId, List<NewAttachment> attachments) {
        int position = 0;
        for (NewAttachment a : attachments) {
            jdbc.sql("insert into message_attachment (message_id, position, file_name, content_type, size_bytes, content_id, inline_part, data) values (?, ?, ?, ?, ?, ?, ?, ?)")
                    .params(messageId, position++, a.fileName(), a.contentType(), (long) a.data().length, a.contentId(), a.inline(), a.data())
                    .update();
        }
    }

    List<AttachmentView> attachmentViews(long messageId) {
        return jdbc.sql("select id, message_id, file_name, content_type, size_bytes, content_id, inline_part from message_attachment where message_id = ? order by position")
                .param(messageId).query(Tickets::attachment).list();
    }

    static AttachmentView attachment(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new AttachmentView(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getLong(5), rs.getString(6), rs.getBoolean(7));
    }

    private void record(long ticketId, AgentPrincipal actor, List<Ticket.Change> changes, Instant now) {
        for (Ticket.Change c : changes) {
            jdbc.sql("insert into ticket_change (ticket_id, actor_agent_id, changed_at, field, old_value, new_value) values (?, ?, ?, ?, ?, ?)")
                    .params(ticketId, actor == null ? null : actor.id(), Timestamp.from(now), c.field(), c.oldValue(), c.newValue())
                    .update();
        }
    }

    private long chooseTeam(Long requested, AgentPrincipal actor) {
        if (requested != null) {
            return accounts.team(requested).orElseThrow(() -> new IllegalArgumentException("No team " + requested)).id();
        }
        if (actor != null) {
            Optional<Long> own = accounts.teamIdsOf(actor.id()).stream().sorted().findFirst();
            if (own.isPresent()) {
                return own.get();
            }
        }
        return accounts.teams().stream().findFirst()
                .orElseThrow(() -> new IllegalStateException("Create a team before opening tickets.")).id();
    }

    private static Channel replyChannel(Ticket ticket) {
        return switch (ticket.getChannel()) {
            case PHONE, VISIT, API -> Channel.WEB;
            default -> ticket.getChannel();
        };
    }

    /** Keys are scoped to the submitting agent so two agents cannot collide by accident. */
    private static String scopedKey(String key, AgentPrincipal actor) {
        if (key == null || key.isBlank()) {
            return null;
        }
        String scoped = (actor == null ? "c" : "a" + actor.id()) + ":" + key.strip();
        return scoped.length() > 64 ? scoped.substring(0, 64) : scoped;
    }

    private static void requireText(String value, int max, String field) {
        if (value == null || value.isBlank()) {
            throw new InvalidInput(field, "must not be empty");
        }
        if (value.length() > max) {
            throw new InvalidInput(field, "must be at most " + max + " characters long (it has " + value.length() + ")");
        }
    }
}
