package org.regard.search;

import java.time.Instant;

/**
 * One result: what it is, its id (the ticket's, the message's or the customer's), the ticket it belongs to (null for
 * a customer), a title (the ticket's subject or the customer's name), a snippet of the matching text as HTML (the
 * text escaped, the matching words in {@code <mark>}), and its relevance (higher is better; comparable within one
 * search only). Beside it, what an agent needs to choose among results: the ticket's status and team (null for a
 * customer), the customer and their name, and when it was written (a customer: created).
 */
public record SearchHit(SearchKind type, long id, Long ticketId, String title, String snippet, double score,
                        String status, Long customerId, String customerName, Long teamId, String teamName,
                        Instant createdAt) {
}
