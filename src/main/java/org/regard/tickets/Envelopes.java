package org.regard.tickets;

import org.regard.tickets.MessageEnvelopes.Envelope;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The envelopes of a ticket's messages from every channel module that provides some ({@link MessageEnvelopes}); none
 * when no channel module runs. Pages and the API ask this instead of a channel module, so tickets never depends on one.
 * No visibility check: callers read the ticket through {@link TicketQueries} first.
 */
@Component
public class Envelopes {
    private final ObjectProvider<MessageEnvelopes> providers;

    Envelopes(ObjectProvider<MessageEnvelopes> providers) {
        this.providers = providers;
    }

    /** The ticket's envelopes by message id; empty when no message has one. */
    public Map<Long, Envelope> of(long ticketId) {
        Map<Long, Envelope> all = new HashMap<>();
        providers.orderedStream().forEach(p -> all.putAll(p.envelopesOf(ticketId)));
        return all;
    }

    /** One message's envelope, if it has one. */
    public Optional<Envelope> of(long ticketId, long messageId) {
        return Optional.ofNullable(of(ticketId).get(messageId));
    }
}
