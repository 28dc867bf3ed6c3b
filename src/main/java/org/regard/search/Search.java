package org.regard.search;

import org.regard.accounts.Accounts;
import org.regard.accounts.AgentPrincipal;
import org.regard.accounts.TeamView;
import org.regard.customers.Customers;
import org.regard.tickets.TicketAccess;
import org.regard.tickets.TicketQueries;
import org.regard.tickets.TicketQueries.TicketFacts;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Finds tickets, messages and customers by any word, best first, with a highlighted snippet each. An agent finds
 * the tickets and messages of their own teams (an administrator: of every team) and every customer. A query that is
 * a ticket's number ({@code 179}, {@code #179}) finds that ticket first, when the agent may work on it
 * ({@link TicketAccess}); another team's ticket is not revealed.
 */
@Service
@Transactional(readOnly = true)
public class Search {
    /** How much of a ticket's conversation a snippet is looked for in. */
    static final int SNIPPET_SOURCE_CHARS = 20_000;

    private final SearchStore store;
    private final Accounts accounts;
    private final TicketQueries tickets;
    private final TicketAccess access;
    private final Customers customers;

    Search(SearchStore store, Accounts accounts, TicketQueries tickets, TicketAccess access, Customers customers) {
        this.store = store;
        this.accounts = accounts;
        this.tickets = tickets;
        this.access = access;
        this.customers = customers;
    }

    /** The best hits for this agent, at most {@code query.limit()}; the ticket a number names comes first. */
    public List<SearchHit> search(SearchQuery query, AgentPrincipal agent) {
        Set<Long> teams = agent.isAdmin() ? null : accounts.teamIdsOf(agent.id());
        List<List<String>> terms = query.wordTerms();
        Optional<TicketFacts> numbered = query.ticketNumber().flatMap(n -> visibleTicket(n, agent))
                .filter(t -> fits(query, t));
        List<SearchStore.Match> matches = store.search(query, teams).stream()
                .filter(m -> numbered.isEmpty() || !(m.kind() == SearchKind.TICKET && m.refId() == numbered.get().id()))
                .toList();
        List<SearchStore.Match> all = new ArrayList<>();
        numbered.ifPresent(t -> all.add(new SearchStore.Match(0, SearchKind.TICKET, t.id(), t.id(), t.subject(), "",
                Double.MAX_VALUE, t.status().name(), t.teamId(), t.customerId(), t.createdAt())));
        all.addAll(matches);
        List<SearchStore.Match> page = all.stream().limit(query.limit()).toList();
        Map<Long, String> customerNames = customers.namesOf(page.stream().map(SearchStore.Match::customerId)
                .filter(Objects::nonNull).collect(Collectors.toSet()));
        Map<Long, String> teamNames = page.stream().anyMatch(m -> m.teamId() != null)
                ? accounts.teams().stream().collect(Collectors.toMap(TeamView::id, TeamView::name)) : Map.of();
        return page.stream().map(m -> hit(m, terms, customerNames, teamNames)).toList();
    }

    /**
     * The ticket a query such as {@code #179} names, when this agent may work on it: the search box then opens it
     * at once. Empty for any other query, a ticket that does not exist, and another team's ticket.
     */
    public Optional<Long> ticketNamed(String text, AgentPrincipal agent) {
        return SearchQuery.namedTicket(text).flatMap(n -> visibleTicket(n, agent)).map(TicketFacts::id);
    }

    private Optional<TicketFacts> visibleTicket(long number, AgentPrincipal agent) {
        return tickets.facts(number).filter(t -> access.mayWorkIn(agent, t.teamId()));
    }

    /** Whether the numbered ticket passes the query's filters that a ticket has (kind, status, team, days). */
    private static boolean fits(SearchQuery q, TicketFacts t) {
        java.time.LocalDate day = t.createdAt().atZone(java.time.ZoneOffset.UTC).toLocalDate();
        return (q.kind() == null || q.kind() == SearchKind.TICKET)
                && (q.status() == null || q.status() == t.status())
                && (q.teamId() == null || q.teamId() == t.teamId())
                && (q.from() == null || !day.isBefore(q.from()))
                && (q.to() == null || !day.isAfter(q.to()));
    }

    private SearchHit hit(SearchStore.Match m, List<List<String>> terms, Map<Long, String> customerNames,
                          Map<Long, String> teamNames) {
        String snippet = Snippets.of(m.body(), terms, false);
        if (snippet.isEmpty() && m.kind() == SearchKind.TICKET && !Snippets.hasEveryWord(m.title(), terms)) {
            // found (also) by words of its conversation: show where they were said
            snippet = Snippets.of(tickets.conversationText(m.refId(), SNIPPET_SOURCE_CHARS), terms, false);
        }
        if (snippet.isEmpty()) {
            snippet = Snippets.of(m.title(), terms, true);
        }
        return new SearchHit(m.kind(), m.refId(), m.ticketId(), m.title(), snippet, m.score(), m.status(), m.customerId(),
                m.customerId() == null ? null : customerNames.get(m.customerId()), m.teamId(),
                m.teamId() == null ? null : teamNames.get(m.teamId()), m.createdAt());
    }
}
