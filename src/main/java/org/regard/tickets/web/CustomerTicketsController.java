package org.regard.tickets.web;

import jakarta.servlet.http.HttpServletResponse;
import org.regard.accounts.AgentPrincipal;
import org.regard.customers.Customers;
import org.regard.tickets.TicketQueries;
import org.regard.tickets.TicketQueries.ListQuery;
import org.regard.tickets.TicketQueries.Sort;
import org.regard.tickets.TicketQueries.View;
import org.regard.tickets.TicketStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

import java.util.EnumSet;

/**
 * A customer's tickets that the agent may see, newest first, in every status. htmx asks for the list
 * alone (the ticket page and the customer page embed it); a plain request gets a page around it.
 */
@Controller
class CustomerTicketsController {
    static final int PAGE_SIZE = 20;

    private final TicketQueries queries;
    private final Customers customers;

    CustomerTicketsController(TicketQueries queries, Customers customers) {
        this.queries = queries;
        this.customers = customers;
    }

    @GetMapping("/customers/{id}/tickets")
    String list(@PathVariable long id, @RequestParam(required = false) Long exclude,
                @RequestParam(required = false) String cursor, @AuthenticationPrincipal AgentPrincipal agent,
                HtmxRequest htmx, Model model, HttpServletResponse response) {
        model.addAttribute("customer", customers.customer(id).orElseThrow());
        TicketQueries.Page page = queries.list(new ListQuery(View.ALL, EnumSet.allOf(TicketStatus.class), null, null, null,
                id, Sort.CREATED_DESC, cursor, PAGE_SIZE), agent);
        model.addAttribute("rows", page.rows().stream().filter(r -> exclude == null || r.id() != exclude).toList());
        model.addAttribute("nextCursor", page.nextCursor());
        model.addAttribute("excluding", exclude != null);
        model.addAttribute("firstPage", cursor == null || cursor.isBlank());
        response.addHeader("Vary", HtmxRequest.HEADER);
        return htmx.wantsFragment() ? "tickets/customer-tickets :: list" : "tickets/customer-tickets";
    }
}
