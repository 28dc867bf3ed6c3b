package org.regard.tickets;

import org.regard.accounts.Actor;
import org.regard.customers.Customers;
import org.regard.languages.Detection;
import org.regard.languages.Languages;
import org.regard.tickets.TicketCommands.CustomerMessage;
import org.regard.tickets.TicketEvents.AutomatedMessageReceived;
import org.regard.tickets.TicketEvents.CustomerWrote;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Optional;

/**
 * The customer's own words reach an existing ticket (by email, or through the API): an inbound touch that brings a
 * waiting, resolved or closed ticket back to the team, and may teach Regard the customer's language. An automatic
 * message on their behalf (an auto-reply, a bounce) is no touch and reopens only when the command says so.
 */
@Component
class ReceivingCustomerMessage {
    private final MessageWriting writing;
    private final Languages languages;
    private final Customers customers;
    private final ApplicationEventPublisher events;

    ReceivingCustomerMessage(MessageWriting writing, Languages languages, Customers customers, ApplicationEventPublisher events) {
        this.writing = writing;
        this.languages = languages;
        this.customers = customers;
        this.events = events;
    }

    Tickets.Written receive(CustomerMessage cmd) {
        TicketInput.requireText(cmd.body(), Tickets.MAX_BODY, "body");
        long ticketId = cmd.ticketId();
        // detection is CPU work: done before the ticket's row is locked
        Optional<Detection> detected = cmd.automated() ? Optional.empty() : languages.detect(cmd.body());
        return writing.write(ticketId, Actor.SYSTEM, cmd.submissionKey(), cmd.attachments(), (ticket, now, key) -> {
            List<Ticket.Change> changes;
            if (cmd.automated()) {
                ticket.noteActivity(now);
                changes = cmd.reopens() ? ticket.customerWrote(now) : List.of();
            } else {
                ticket.recordTouch(TouchDirection.INBOUND, now);
                changes = ticket.customerWrote(now);
                detected.filter(Detection::confident).ifPresent(d -> customers.learnLanguage(ticket.getCustomerId(), d.language()));
            }
            return new MessageWriting.Draft(new Message(ticketId, cmd.automated() ? MessageKind.AUTOMATED : MessageKind.CUSTOMER,
                    cmd.channel(), cmd.automated() ? null : TouchDirection.INBOUND, null, ticket.getCustomerId(), cmd.body(), now, key)
                    .writtenIn(detected.map(Detection::language).orElse(null)), changes);
        }, (ticket, messageId, m, now) -> events.publishEvent(cmd.automated()
                ? new AutomatedMessageReceived(ticketId, ticket.getTeamId(), messageId, cmd.channel(), now)
                : new CustomerWrote(ticketId, ticket.getTeamId(), ticket.getCustomerId(), messageId, cmd.channel(), now)));
    }
}
