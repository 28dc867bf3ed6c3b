package org.regard.tickets;

import org.regard.accounts.Actor;
import org.regard.tickets.TicketEvents.AgentLoggedContact;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * An agent logs a call or a visit with the customer: a touch in the direction it went. A call from the customer
 * brings a waiting, resolved or closed ticket back to the team, as a message would.
 */
@Component
class LoggingContact {
    private final MessageWriting writing;
    private final ApplicationEventPublisher events;

    LoggingContact(MessageWriting writing, ApplicationEventPublisher events) {
        this.writing = writing;
        this.events = events;
    }

    Tickets.Written logContact(long ticketId, Channel channel, TouchDirection direction, String body, String submissionKey,
                               Actor actor) {
        TicketInput.requireText(body, Tickets.MAX_BODY, "body");
        if (channel != Channel.PHONE && channel != Channel.VISIT) {
            throw new IllegalArgumentException("Only calls (phone) and visits can be logged.");
        }
        long agentId = actor.agent().orElseThrow(() -> new IllegalArgumentException("Only an agent logs a contact."));
        return writing.write(ticketId, actor, submissionKey, List.of(), (ticket, now, key) -> {
            ticket.recordTouch(direction, now);
            List<Ticket.Change> changes = direction == TouchDirection.INBOUND ? ticket.customerWrote(now) : List.of();
            return new MessageWriting.Draft(new Message(ticketId, MessageKind.CONTACT, channel, direction, agentId, null, body, now, key), changes);
        }, (ticket, messageId, m, now) -> events.publishEvent(new AgentLoggedContact(ticketId, ticket.getTeamId(), agentId, messageId,
                channel, direction, now)));
    }
}
