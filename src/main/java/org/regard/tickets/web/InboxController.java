package org.regard.tickets.web;

import jakarta.servlet.http.HttpServletResponse;
import org.regard.accounts.Accounts;
import org.regard.languages.Languages;
import org.regard.accounts.AgentPrincipal;
import org.regard.customers.Promises;
import org.regard.tickets.Priority;
import org.regard.tickets.ReplyDestinations;
import org.regard.tickets.TicketQueries;
import org.regard.tickets.TicketQueries.Sort;
import org.regard.tickets.TicketQueries.View;
import org.regard.tickets.TicketStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import java.util.Set;

/** The agent's inbox: tabs for the views, filters, an order, and pages by cursor. */
@Controller
class InboxController {
    static final int PAGE_SIZE = 25;

    private final TicketQueries queries;
    private static final java.util.regex.Pattern LANGUAGE = java.util.regex.Pattern.compile("[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8})?");

    private final Accounts accounts;
    private final Promises promises;
    private final Languages languages;

    private final ReplyDestinations destinations;

    InboxController(TicketQueries queries, Accounts accounts, Promises promises, Languages languages,
                    ReplyDestinations destinations) {
        this.queries = queries;
        this.destinations = destinations;
        this.accounts = accounts;
        this.promises = promises;
        this.languages = languages;
    }

    @GetMapping("/inbox")
    String inbox(@RequestParam(required = false) View view,
                 @RequestParam(name = "status", required = false) Set<TicketStatus> statuses,
                 @RequestParam(required = false) Priority priority,
                 @RequestParam(name = "team", required = false) Long teamId,
                 @RequestParam(required = false) Sort sort,
                 @RequestParam(required = false) String cursor,
                 @RequestParam(required = false) String language,
                 @AuthenticationPrincipal AgentPrincipal agent, HtmxRequest htmx, Model model, HttpServletResponse response) {
        // a language that is no language code filters nothing rather than hiding every ticket
        String lang = language == null || !LANGUAGE.matcher(language.strip()).matches() ? null : language;
        InboxFilter filter = new InboxFilter(view, statuses, priority, teamId, sort, cursor, lang);
        model.addAttribute("filter", filter);
        model.addAttribute("page", queries.list(filter.query(PAGE_SIZE), agent));
        model.addAttribute("views", View.values());
        model.addAttribute("allStatuses", TicketStatus.values());
        model.addAttribute("priorities", Priority.values());
        model.addAttribute("sorts", Sort.values());
        model.addAttribute("teams", accounts.visibleTeams(agent));
        model.addAttribute("languages", languages.configured());
        model.addAttribute("fragmentOnly", htmx.wantsFragment());
        if (!htmx.wantsFragment()) {
            model.addAttribute("overduePromises", promises.overdueFor(agent.id(), accounts.teamIdsOf(agent.id()), 20));
            model.addAttribute("stuckReplies", destinations.stuckFor(agent));
        }
        response.addHeader("Vary", HtmxRequest.HEADER);
        return htmx.wantsFragment() ? "tickets/inbox :: update" : "tickets/inbox";
    }
}
