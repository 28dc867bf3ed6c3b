package org.regard.tickets;

import org.regard.accounts.Actor;
import org.regard.tickets.TicketEvents.AgentAddedNote;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

import java.util.List;

/** An agent writes an internal note: seen by the team only, never a touch, the ticket's status unchanged. */
@Component
class AddingNote {
    private final MessageWriting writing;
    private final ApplicationEventPublisher events;

    AddingNote(MessageWriting writing, ApplicationEventPublisher events) {
        this.writing = writing;
        this.events = events;
    }

    Tickets.Written addNote(long ticketId, String body, String submissionKey, Actor actor) {
        TicketInput.requireText(body, Tickets.MAX_BODY, "body");
        long agentId = actor.agent().orElseThrow(() -> new IllegalArgumentException("Only an agent writes notes."));
        return writing.write(ticketId, actor, submissionKey, List.of(), (ticket, now, key) -> {
            ticket.noteActivity(now);
            return new MessageWriting.Draft(new Message(ticketId, MessageKind.NOTE, Channel.WEB, null, agentId, null, body, now, key), List.of());
        }, (ticket, messageId, m, now) -> events.publishEvent(new AgentAddedNote(ticketId, agentId, messageId, now)));
    }
}
