package org.regard.tickets.web;

import org.regard.accounts.AgentPrincipal;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** The ticket page: the person, the facts, the conversation, the history, the composer. */
@Controller
class TicketPageController {
    private final TicketPageModel page;

    TicketPageController(TicketPageModel page) {
        this.page = page;
    }

    @GetMapping("/tickets/{id}")
    String show(@PathVariable long id, @AuthenticationPrincipal AgentPrincipal agent, Model model) {
        page.fill(model, id, agent);
        return TicketPageModel.VIEW;
    }
}
