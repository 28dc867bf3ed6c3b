package org.regard.search;

import java.time.Instant;

/**
 * One searchable thing as the index keeps it: what it is ({@code kind}, {@code refId}), what filters and visibility
 * need (its ticket, team, customer, status, language, date) and the text it is found by ({@code title}, {@code body}).
 */
record SearchDocument(SearchKind kind, long refId, Long ticketId, Long teamId, Long customerId, String status,
                      String language, Instant createdAt, String title, String body, String conversation) {

    /** Longest body indexed, in characters: a huge message is found by its first 100,000 characters. */
    static final int MAX_BODY = 100_000;

    SearchDocument {
        title = title == null ? "" : title;
        body = body == null ? "" : body.length() > MAX_BODY ? body.substring(0, MAX_BODY) : body;
        conversation = conversation == null ? "" : conversation.length() > MAX_BODY ? conversation.substring(0, MAX_BODY) : conversation;
    }

    SearchDocument(SearchKind kind, long refId, Long ticketId, Long teamId, Long customerId, String status, String language,
                   Instant createdAt, String title, String body) {
        this(kind, refId, ticketId, teamId, customerId, status, language, createdAt, title, body, "");
    }

    /**
     * The terms it is found by: a message by its body alone (its title, the ticket's subject, finds the ticket); a
     * ticket by its subject and, weakly, by every word of its conversation, so that words split between the subject
     * and a reply find the ticket.
     */
    IndexedTerms terms() {
        return IndexedTerms.of(kind == SearchKind.MESSAGE ? "" : title, body, conversation);
    }
}
