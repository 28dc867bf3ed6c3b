package org.regard.search;

import org.regard.customers.CustomerChanged;
import org.regard.customers.Customers;
import org.regard.customers.CustomersMerged;
import org.regard.procedures.ProcedureEvents;
import org.regard.customers.Customers.CustomerView;
import org.regard.tickets.TicketEvents.AgentAddedNote;
import org.regard.tickets.TicketEvents.AgentLoggedContact;
import org.regard.tickets.TicketEvents.AgentReplied;
import org.regard.tickets.TicketEvents.AutomatedMessageReceived;
import org.regard.tickets.TicketEvents.CustomerWrote;
import org.regard.tickets.TicketEvents.ReplyWithdrawn;
import org.regard.tickets.TicketEvents.TicketAssigned;
import org.regard.tickets.TicketEvents.TicketOpened;
import org.regard.tickets.TicketEvents.TicketRenamed;
import org.regard.tickets.TicketEvents.TicketStatusChanged;
import org.regard.tickets.TicketQueries;
import org.regard.tickets.TicketQueries.MessageFacts;
import org.regard.tickets.TicketQueries.TicketFacts;
import org.regard.tickets.TicketStatus;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;


/**
 * Keeps the search index in step with every write, synchronously and inside the writer's transaction: a reply is
 * found by a search right after it is saved, and a write that rolls back leaves no trace in the index.
 */
@Component
class SearchIndexer {
    private final SearchStore store;
    private final TicketQueries tickets;
    private final Customers customers;
    private final org.regard.customers.CustomerNotes notes;

    SearchIndexer(SearchStore store, TicketQueries tickets, Customers customers, org.regard.customers.CustomerNotes notes) {
        this.notes = notes;
        this.store = store;
        this.tickets = tickets;
        this.customers = customers;
    }

    /**
     * A procedure's new version replaces its document: found by every agent (no team restricts it; the team is kept for
     * the hit and the team filter), by its title in the source language and, in the body, every other text.
     */
    @EventListener
    void on(ProcedureEvents.Published event) {
        store.put(procedureDocument(event));
    }

    /** A retired procedure applies to no new ticket: search no longer offers it. */
    @EventListener
    void on(ProcedureEvents.Retired event) {
        store.remove(SearchKind.PROCEDURE, event.procedureId());
    }

    static SearchDocument procedureDocument(ProcedureEvents.Published p) {
        return new SearchDocument(SearchKind.PROCEDURE, p.procedureId(), null, p.teamId(), null, null, null, p.at(),
                p.title(), p.text());
    }

    /** A new ticket and its first message: both documents are new, and the conversation is that one message. */
    @EventListener
    void on(TicketOpened event) {
        TicketFacts t = new TicketFacts(event.ticketId(), event.subject(), TicketStatus.NEW, event.customerId(), event.teamId(), event.at());
        tickets.message(event.firstMessageId()).ifPresent(m -> {
            store.add(messageDocument(t, m, event.language()));
            store.add(ticketDocument(t, event.language(), m.body()));
        });
    }

    @EventListener
    void on(TicketRenamed event) {
        indexTicket(event.ticketId());
    }

    @EventListener
    void on(CustomerWrote event) {
        messageWritten(event.ticketId(), event.messageId());
    }

    /** The reply carries its own text: only the ticket's status and the conversation are read. */
    @EventListener
    void on(AgentReplied event) {
        tickets.facts(event.ticketId()).ifPresent(t -> {
            String language = languageOf(t.customerId());
            store.add(messageDocument(t, new MessageFacts(event.messageId(), t.id(), org.regard.tickets.MessageKind.REPLY,
                    event.channel(), event.agentId(), event.body(), event.at()), language));
            indexTicket(t, language);
        });
    }

    @EventListener
    void on(AutomatedMessageReceived event) {
        messageWritten(event.ticketId(), event.messageId());
    }

    @EventListener
    void on(AgentAddedNote event) {
        messageWritten(event.ticketId(), event.messageId());
    }

    @EventListener
    void on(AgentLoggedContact event) {
        messageWritten(event.ticketId(), event.messageId());
    }

    @EventListener
    void on(ReplyWithdrawn event) {
        store.remove(SearchKind.MESSAGE, event.messageId());
        indexTicket(event.ticketId());
    }

    @EventListener
    void on(TicketStatusChanged event) {
        store.ticketMoved(event.ticketId(), event.teamId(), event.to().name());
    }

    @EventListener
    void on(TicketAssigned event) {
        store.ticketMoved(event.ticketId(), event.teamId(), event.status().name());
    }

    @EventListener
    void on(CustomerChanged event) {
        customers.customer(event.customerId()).ifPresent(c -> {
            store.put(customerDocument(c));
            store.customerSpeaks(c.id(), c.language());
        });
    }

    /** The duplicate is no longer found; the survivor is found by everything both knew, with its tickets. */
    @EventListener
    void on(CustomersMerged event) {
        store.customerMerged(event.survivorId(), event.mergedId());
        on(new CustomerChanged(event.survivorId()));
    }

    /** A ticket's purchase reference finds it: its document is written again. */
    @EventListener
    void on(org.regard.tickets.TicketEvents.PurchaseReferenced event) {
        indexTicket(event.ticketId());
    }

    /**
     * The duplicate's messages now belong to the survivor: their documents follow it (its team, customer and status),
     * and both tickets' documents are written again (the survivor's conversation holds both).
     */
    @EventListener
    void on(org.regard.tickets.TicketEvents.TicketsMerged event) {
        tickets.facts(event.survivorId()).ifPresent(t -> {
            store.ticketMerged(event.survivorId(), event.mergedId(), t.teamId(), t.customerId(), t.status().name());
            indexTicket(t, languageOf(t.customerId()));
        });
        indexTicket(event.mergedId());
    }

    private void indexTicket(long ticketId) {
        tickets.facts(ticketId).ifPresent(t -> indexTicket(t, languageOf(t.customerId())));
    }

    /** A new message, and its ticket (whose document holds the words of the whole conversation): one read of each. */
    private void messageWritten(long ticketId, long messageId) {
        tickets.facts(ticketId).ifPresent(t -> {
            String language = languageOf(t.customerId());
            tickets.message(messageId).ifPresent(m -> store.add(messageDocument(t, m, language)));
            indexTicket(t, language);
        });
    }

    private void indexTicket(TicketFacts t, String language) {
        store.put(ticketDocument(t, language, tickets.conversationText(t.id(), SearchDocument.MAX_BODY)));
    }

    private static SearchDocument ticketDocument(TicketFacts t, String language, String conversation) {
        return new SearchDocument(SearchKind.TICKET, t.id(), t.id(), t.teamId(), t.customerId(), t.status().name(),
                language, t.createdAt(), t.subject(), t.purchaseRef() == null ? "" : t.purchaseRef(), conversation);
    }

    private static SearchDocument messageDocument(TicketFacts t, MessageFacts m, String language) {
        return new SearchDocument(SearchKind.MESSAGE, m.id(), t.id(), t.teamId(), t.customerId(), t.status().name(), language,
                m.createdAt(), t.subject(), m.body());
    }

    private String languageOf(long customerId) {
        return customers.languageOf(customerId).orElse(null);
    }

    private SearchDocument customerDocument(CustomerView c) {
        StringBuilder body = new StringBuilder(String.join(" ", c.emails()));
        // each number as written and by its match key, which a query written like a number looks for
        c.phones().forEach(p -> body.append('\n').append(p.number()).append(' ').append(p.matchKey()));
        notes.of(c.id()).forEach(n -> body.append('\n').append(n.body()));
        return new SearchDocument(SearchKind.CUSTOMER, c.id(), null, null, c.id(), null, c.language(), c.createdAt(),
                c.name(), body.toString());
    }
}
