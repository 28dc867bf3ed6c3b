package org.regard.search.web;

import org.regard.accounts.Accounts;
import org.regard.accounts.AgentPrincipal;
import org.regard.search.Search;
import org.regard.search.SearchFilters;
import org.regard.search.SearchHit;
import org.regard.search.SearchKind;
import org.regard.tickets.InvalidInput;
import org.regard.tickets.TicketStatus;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * The search page: the form with its filters and the hits, best first; a query {@code #N} opens ticket N when the agent
 * may work on it. Without words it shows the form alone; a
 * filter it cannot read is named on the page instead of failing.
 */
@Controller
class SearchPageController {
    static final List<String> LANGUAGES = List.of("en", "fr", "de", "vi");

    private final Search search;
    private final Accounts accounts;

    SearchPageController(Search search, Accounts accounts) {
        this.search = search;
        this.accounts = accounts;
    }

    @GetMapping("/search")
    String search(@RequestParam(name = "q", required = false) String q,
                  @RequestParam(name = "type", required = false) String type,
                  @RequestParam(name = "status", required = false) String status,
                  @RequestParam(name = "team", required = false) Long team,
                  @RequestParam(name = "from", required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                  @RequestParam(name = "to", required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                  @RequestParam(name = "language", required = false) String language,
                  @AuthenticationPrincipal AgentPrincipal agent, Model model) {
        String text = q == null ? "" : q.strip();
        Optional<Long> named = search.ticketNamed(text, agent);
        if (named.isPresent()) {
            // "#179" opens ticket 179 at once, as help desks' search boxes do; another team's stays unrevealed
            return "redirect:/tickets/" + named.get();
        }
        model.addAttribute("q", text);
        model.addAttribute("type", type == null ? "" : type);
        model.addAttribute("status", status == null ? "" : status);
        model.addAttribute("team", team);
        model.addAttribute("from", from);
        model.addAttribute("to", to);
        model.addAttribute("language", language == null ? "" : language);
        model.addAttribute("kinds", SearchKind.values());
        model.addAttribute("statuses", TicketStatus.values());
        model.addAttribute("teams", agent.isAdmin() ? accounts.teams()
                : accounts.teams().stream().filter(t -> accounts.teamIdsOf(agent.id()).contains(t.id())).toList());
        model.addAttribute("languages", LANGUAGES);
        List<SearchHit> hits = List.of();
        if (!text.isEmpty()) {
            try {
                hits = search.search(SearchFilters.query(text, type, status, team, from, to, language, null), agent);
            } catch (InvalidInput e) {
                model.addAttribute("invalidField", e.field());
            }
        }
        model.addAttribute("searched", !text.isEmpty() && !model.containsAttribute("invalidField"));
        model.addAttribute("hits", hits);
        return "search/results";
    }
}
