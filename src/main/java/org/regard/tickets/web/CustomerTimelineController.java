package org.regard.tickets.web;

import jakarta.servlet.http.HttpServletResponse;
import org.regard.accounts.AgentPrincipal;
import org.regard.customers.Customers;
import org.regard.tickets.TicketQueries;
import org.regard.tickets.TicketQueries.TimelineEntry;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

import java.time.Instant;
import java.util.List;

/**
 * A customer's timeline: every message on every ticket of theirs that the agent may see, across channels,
 * newest first, a page at a time. The customer page loads it with htmx (customers cannot read tickets, so
 * the timeline lives here); a plain request gets a page around it.
 */
@Controller
class CustomerTimelineController {
    static final int PAGE_SIZE = 20;

    private final TicketQueries queries;
    private final Customers customers;

    CustomerTimelineController(TicketQueries queries, Customers customers) {
        this.queries = queries;
        this.customers = customers;
    }

    @GetMapping("/customers/{id}/timeline")
    String timeline(@PathVariable long id, @RequestParam(required = false) Instant before,
                    @RequestParam(required = false) Long beforeId, @AuthenticationPrincipal AgentPrincipal agent,
                    HtmxRequest htmx, Model model, HttpServletResponse response) {
        model.addAttribute("customer", customers.customer(id).orElseThrow());
        List<TimelineEntry> rows = queries.timelineOf(id, before, beforeId, PAGE_SIZE + 1, agent);
        boolean more = rows.size() > PAGE_SIZE;
        List<TimelineEntry> shown = more ? rows.subList(0, PAGE_SIZE) : rows;
        model.addAttribute("entries", shown);
        model.addAttribute("next", more ? shown.getLast() : null);
        model.addAttribute("firstPage", before == null);
        response.addHeader("Vary", HtmxRequest.HEADER);
        return htmx.wantsFragment() ? "tickets/timeline :: entries" : "tickets/timeline";
    }
}
