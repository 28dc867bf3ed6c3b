package org.regard.tickets;

import org.regard.accounts.Actor;
import org.regard.tickets.TicketEvents.AgentReplied;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;

/**
 * An agent answers the customer: an outbound touch, in the ticket's reply channel, optionally moving the ticket on. A
 * new ticket becomes open with its first answer. On an email ticket the mail module queues the reply in this same
 * transaction when it hears {@link AgentReplied}.
 */
@Component
class Replying {
    private final MessageWriting writing;
    private final ApplicationEventPublisher events;

    Replying(MessageWriting writing, ApplicationEventPublisher events) {
        this.writing = writing;
        this.events = events;
    }

    Tickets.Written reply(long ticketId, String body, TicketStatus nextStatus, String submissionKey,
                          List<NewAttachment> files, Actor actor) {
        TicketInput.requireText(body, Tickets.MAX_BODY, "body");
        long agentId = actor.agent().orElseThrow(() -> new IllegalArgumentException("Only an agent replies."));
        return writing.write(ticketId, actor, submissionKey, files, (ticket, now, key) -> {
            Message m = new Message(ticketId, MessageKind.REPLY, replyChannel(ticket), TouchDirection.OUTBOUND,
                    agentId, null, body, now, key);
            ticket.recordTouch(TouchDirection.OUTBOUND, now);
            List<Ticket.Change> changes = new ArrayList<>();
            if (ticket.getStatus() == TicketStatus.NEW) {
                changes.addAll(ticket.moveTo(TicketStatus.OPEN, now));
            }
            if (nextStatus != null) {
                changes.addAll(ticket.moveTo(nextStatus, now));
            }
            return new MessageWriting.Draft(m, changes);
        }, (ticket, messageId, m, now) -> events.publishEvent(new AgentReplied(ticketId, ticket.getTeamId(), agentId, messageId,
                m.getChannel(), ticket.getCustomerId(), ticket.getSubject(), body, now)));
    }

    /** Calls and visits are answered in writing on the web; email and web tickets in their own channel. */
    private static Channel replyChannel(Ticket ticket) {
        return switch (ticket.getChannel()) {
            case PHONE, VISIT, API -> Channel.WEB;
            default -> ticket.getChannel();
        };
    }
}
