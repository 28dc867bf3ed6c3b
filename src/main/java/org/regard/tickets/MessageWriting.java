package org.regard.tickets;

import org.regard.accounts.Actor;
import org.regard.tickets.TicketEvents.TicketStatusChanged;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.Optional;

/**
 * How every message reaches an existing ticket, in one transaction: the ticket is read under its row lock (writers of
 * one ticket take turns; nobody's write is refused because another landed first), a repeated submission finds the
 * message the first one wrote, then the ticket, the message, its files and its changes are written and announced.
 */
@Component
class MessageWriting {
    /** The kinds an agent writes in the composer, whose drafts {@link Drafts} keeps. */
    private static final Set<MessageKind> COMPOSED = EnumSet.of(MessageKind.REPLY, MessageKind.NOTE, MessageKind.CONTACT);

    private final TicketRows rows;
    private final TicketAccess access;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate tx;
    private final Clock clock;

    MessageWriting(TicketRows rows, TicketAccess access, ApplicationEventPublisher events,
                   PlatformTransactionManager transactions, Clock clock) {
        this.rows = rows;
        this.access = access;
        this.events = events;
        this.tx = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    /** The message a use case writes and the changes it made to the ticket on the way. */
    record Draft(Message message, List<Ticket.Change> changes) {
    }

    interface Composer {
        Draft compose(Ticket ticket, Instant now, String submissionKey);
    }

    interface Announcer {
        void announce(Ticket ticket, long messageId, Message message, Instant now);
    }

    Tickets.Written write(long ticketId, Actor actor, String submissionKey, List<NewAttachment> files,
                          Composer composer, Announcer announcer) {
        String key = TicketInput.scopedKey(submissionKey, actor);
        return tx.execute(status -> {
            TicketRows.Locked locked = rows.lock(ticketId, actor.agentId()).orElseThrow(() -> new TicketNotFound(ticketId));
            Ticket ticket = locked.ticket();
            access.requireWorkOn(actor, ticket);
            if (key != null) {
                // under the row lock a twin of this submission has either committed or not started
                Optional<Long> existing = rows.messageBySubmission(ticketId, key);
                if (existing.isPresent()) {
                    return new Tickets.Written(ticketId, existing.get(), true, Optional.empty());
                }
            }
            Instant now = clock.instant();
            TicketStatus before = ticket.getStatus();
            Draft draft = composer.compose(ticket, now, key);
            rows.update(ticket);
            long messageId = rows.insert(draft.message());
            rows.insertFiles(messageId, files);
            rows.record(ticketId, actor.agentId(), draft.changes(), now);
            if (locked.draft() && draft.message().getAuthorAgentId() != null && COMPOSED.contains(draft.message().getKind())) {
                // what the agent typed is written now: the draft goes with the same commit, never before or after it
                rows.forgetDraft(ticketId, draft.message().getAuthorAgentId());
            }
            announcer.announce(ticket, messageId, draft.message(), now);
            if (ticket.getStatus() != before) {
                events.publishEvent(new TicketStatusChanged(ticketId, ticket.getTeamId(), before, ticket.getStatus(), actor.agentId(), now,
                        draft.changes().stream().filter(c -> c.field().equals(ResolutionGates.REASON_FIELD))
                                .map(Ticket.Change::newValue).findFirst().orElse(null)));
            }
            Message m = draft.message();
            List<AttachmentView> written = files.isEmpty() ? List.of() : rows.files(messageId);
            return new Tickets.Written(ticketId, messageId, false, Optional.of(new TicketQueries.MessageView(messageId, m.getKind(),
                    m.getChannel(), m.getTouch(), m.getAuthorAgentId(), m.getAuthorCustomerId(), null, m.getBody(), m.getCreatedAt(),
                    written, m.getLanguage(), TicketQueries.MessageReview.of(m, java.util.Map.of()))));
        });
    }
}
