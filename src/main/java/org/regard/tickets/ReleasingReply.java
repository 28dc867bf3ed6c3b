package org.regard.tickets;

import org.regard.accounts.Actor;
import org.regard.tickets.Message.ReviewState;
import org.regard.tickets.ReplyChannel.Destination;
import org.regard.tickets.ReplyChannel.ReplyTarget;
import org.regard.tickets.TicketEvents.AgentReplied;
import org.regard.tickets.TicketEvents.TicketStatusChanged;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A reviewer approved a held reply: it goes out now exactly as an unheld reply would have, under the ticket's lock —
 * the approved text becomes the message (the author's kept beside it when the reviewer changed it), where it goes is
 * decided now, it is a touch when a channel carries it, the status its author chose is applied through the resolution
 * gates, and {@link AgentReplied} is published so that the channel queues it in this same transaction. Approving a
 * reply already approved sends nothing again. The reviewer's right to decide is the review module's to check.
 */
@Component
class ReleasingReply {
    private final TicketRows rows;
    private final Replying replying;
    private final ReplyDestinations destinations;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ReleasingReply(TicketRows rows, Replying replying, ReplyDestinations destinations, ApplicationEventPublisher events, Clock clock) {
        this.rows = rows;
        this.replying = replying;
        this.destinations = destinations;
        this.events = events;
        this.clock = clock;
    }

    /** Joins the caller's transaction (the review's decision). False when it had been approved already: nothing done. */
    @Transactional
    boolean release(long messageId, String editedText, Actor reviewer) {
        long ticketId = rows.ticketOfMessage(messageId).orElseThrow(() -> new java.util.NoSuchElementException("No message " + messageId));
        Ticket ticket = rows.lock(ticketId).orElseThrow(() -> new TicketNotFound(ticketId));
        TicketRows.Held held = rows.held(messageId).orElseThrow(() -> new ReplyNotWaiting(messageId, "not held", "approved"));
        if (held.state() == ReviewState.APPROVED) {
            return false;
        }
        if (held.state() != ReviewState.PENDING) {
            throw new ReplyNotWaiting(messageId, held.state().name(), "approved");
        }
        boolean edited = editedText != null && !editedText.isBlank() && !editedText.equals(held.body());
        String body = edited ? editedText : held.body();
        TicketInput.requireText(body, Tickets.MAX_BODY, "body");
        Instant now = clock.instant();
        TicketStatus before = ticket.getStatus();
        // the author's resolution is theirs: a resolution that must itself be reviewed is asked for in their name
        List<Ticket.Change> changes = new ArrayList<>(replying.moveOn(ticket, held.nextStatus(), held.resolutionReason(),
                held.authorAgentId(), now));
        Destination destination = destinations.of(new ReplyTarget(ticketId, ticket.getTeamId(), ticket.getCustomerId(),
                ticket.getChannel()));
        Channel channel = destination.delivers() ? destination.channel() : Channel.WEB;
        if (destination.delivers()) {
            ticket.recordTouch(TouchDirection.OUTBOUND, now);
        } else {
            ticket.noteActivity(now);
        }
        rows.update(ticket);
        rows.approve(messageId, body, edited ? held.body() : null, channel, destination.delivers() ? TouchDirection.OUTBOUND : null,
                reviewer.agentId(), now);
        changes.add(new Ticket.Change("review", "held", edited ? "approved-edited" : "approved"));
        rows.record(ticketId, reviewer.agentId(), changes, now);
        long author = held.authorAgentId();
        events.publishEvent(new AgentReplied(ticketId, ticket.getTeamId(), author, messageId, channel, ticket.getCustomerId(),
                ticket.getSubject(), body, now, destination.delivers(), destination));
        if (ticket.getStatus() != before) {
            events.publishEvent(new TicketStatusChanged(ticketId, ticket.getTeamId(), before, ticket.getStatus(), reviewer.agentId(), now));
        }
        return true;
    }
}
