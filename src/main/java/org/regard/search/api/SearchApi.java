package org.regard.search.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.regard.accounts.AgentPrincipal;
import org.regard.search.Search;
import org.regard.search.SearchFilters;
import org.regard.search.SearchHit;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

/** Search over HTTP: tickets, messages and customers by any word, best first. */
@RestController
@RequestMapping(path = "/api/v1/search", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Search", description = "Find tickets, messages and customers by any word")
class SearchApi {
    private final Search search;

    SearchApi(Search search) {
        this.search = search;
    }

    @Schema(name = "SearchResults", description = "Hits, best first")
    record SearchResults(List<Hit> hits) {
    }

    @Schema(name = "SearchHit", description = "One thing found")
    record Hit(
            @Schema(description = "What was found", allowableValues = {"ticket", "message", "customer", "procedure"}) String type,
            @Schema(description = "The ticket's, message's or customer's id") long id,
            @Schema(description = "The ticket of a ticket or message hit; null for a customer", nullable = true) Long ticketId,
            @Schema(description = "The ticket's subject or the customer's name") String title,
            @Schema(description = "HTML: the matching text, escaped, with the matching words in <mark>") String snippet,
            @Schema(description = "Relevance, higher is better; comparable within one search only") double score,
            @Schema(description = "The ticket's status; null for a customer", nullable = true,
                    allowableValues = {"new", "open", "waiting", "resolved", "closed"}) String status,
            @Schema(description = "The customer (of the ticket, or the customer found)", nullable = true) Long customerId,
            @Schema(description = "The customer's name", nullable = true) String customerName,
            @Schema(description = "The ticket's team; null for a customer", nullable = true) Long teamId,
            @Schema(description = "The team's name", nullable = true) String teamName,
            @Schema(description = "When the ticket was opened, the message written or the customer created") Instant createdAt) {

        static Hit of(SearchHit h) {
            return new Hit(h.type().name().toLowerCase(Locale.ROOT), h.id(), h.ticketId(), h.title(), h.snippet(), h.score(),
                    h.status() == null ? null : h.status().toLowerCase(Locale.ROOT), h.customerId(), h.customerName(),
                    h.teamId(), h.teamName(), h.createdAt());
        }
    }

    @GetMapping
    @Operation(operationId = "search", summary = "Search",
            description = "Tickets (subject), messages (body), customers (name, addresses, notes) and procedures (their current"
                    + " version's title, when it applies and steps, in every language; retired ones are not found) containing every word"
                    + " of q, in any case and with or without accents; French, German and English words also find their"
                    + " inflected forms. Tickets and messages of other teams are not found (administrators find all)."
                    + " A ticket's number (179 or #179) finds that ticket first; a telephone number written any way"
                    + " (+33 6 12 34 56 78, 0612345678) finds the customers reached at it.")
    SearchResults search(
            @Parameter(description = "The words to find", required = true) @RequestParam(name = "q", required = false) String q,
            @Parameter(description = "Only this kind", schema = @Schema(allowableValues = {"ticket", "message", "customer", "procedure"}))
            @RequestParam(name = "type", required = false) String type,
            @Parameter(description = "Only tickets and messages of tickets in this status",
                    schema = @Schema(allowableValues = {"new", "open", "waiting", "resolved", "closed"}))
            @RequestParam(name = "status", required = false) String status,
            @Parameter(description = "Only tickets and messages of this team") @RequestParam(name = "team", required = false) Long team,
            @Parameter(description = "Created on or after this day (UTC)") @RequestParam(name = "from", required = false)
            @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @Parameter(description = "Created on or before this day (UTC)") @RequestParam(name = "to", required = false)
            @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @Parameter(description = "The customer's language (e.g. fr)") @RequestParam(name = "language", required = false) String language,
            @Parameter(description = "Most hits (1 to 100)") @RequestParam(name = "limit", required = false) Integer limit,
            @AuthenticationPrincipal AgentPrincipal agent) {
        return new SearchResults(search.search(SearchFilters.query(q, type, status, team, from, to, language, limit), agent)
                .stream().map(Hit::of).toList());
    }
}
