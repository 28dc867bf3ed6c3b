package org.regard.search;

import org.regard.accounts.Accounts;
import org.regard.accounts.AgentPrincipal;
import org.regard.tickets.TicketQueries;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.List;
import java.util.Set;

/**
 * Finds tickets, messages and customers by any word, best first, with a highlighted snippet each. An agent finds
 * the tickets and messages of their own teams (an administrator: of every team) and every customer.
 */
@Service
@Transactional(readOnly = true)
public class Search {
    /** How much of a ticket's conversation a snippet is looked for in. */
    static final int SNIPPET_SOURCE_CHARS = 20_000;

    private final SearchStore store;
    private final Accounts accounts;
    private final TicketQueries tickets;

    Search(SearchStore store, Accounts accounts, TicketQueries tickets) {
        this.store = store;
        this.accounts = accounts;
        this.tickets = tickets;
    }

    /** The best hits for this agent, at most {@code query.limit()}. */
    public List<SearchHit> search(SearchQuery query, AgentPrincipal agent) {
        Set<Long> teams = agent.isAdmin() ? null : accounts.teamIdsOf(agent.id());
        List<List<String>> terms = query.wordTerms();
        return store.search(query, teams).stream().map(m -> {
            String snippet = Snippets.of(m.body(), terms, false);
            if (snippet.isEmpty() && m.kind() == SearchKind.TICKET && !Snippets.hasEveryWord(m.title(), terms)) {
                // found (also) by words of its conversation: show where they were said
                snippet = Snippets.of(tickets.conversationText(m.refId(), SNIPPET_SOURCE_CHARS), terms, false);
            }
            if (snippet.isEmpty()) {
                snippet = Snippets.of(m.title(), terms, true);
            }
            return new SearchHit(m.kind(), m.refId(), m.ticketId(), m.title(), snippet, m.score());
        }).toList();
    }
}
