package org.regard.tickets.web;

import org.regard.accounts.AgentPrincipal;
import org.regard.tickets.InvalidInput;
import org.regard.tickets.MergeRefused;
import org.regard.tickets.TicketNotFound;
import org.regard.tickets.Tickets;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The ticket page's "Linked tickets" card: link a ticket by its number, unlink one, merge this ticket into another,
 * and its purchase reference. Each answers with the ticket page again (a refusal said there, nothing changed).
 */
@Controller
class TicketLinksController {
    static final String ERROR = "linksError";

    private final Tickets tickets;

    TicketLinksController(Tickets tickets) {
        this.tickets = tickets;
    }

    @PostMapping("/tickets/{id}/links")
    String link(@PathVariable long id, @RequestParam(name = "other", required = false) String other,
                @AuthenticationPrincipal AgentPrincipal agent, RedirectAttributes redirect) {
        return act(id, redirect, () -> tickets.link(id, number(other), agent));
    }

    @PostMapping("/tickets/{id}/links/{other}/delete")
    String unlink(@PathVariable long id, @PathVariable long other, @AuthenticationPrincipal AgentPrincipal agent,
                  RedirectAttributes redirect) {
        return act(id, redirect, () -> tickets.unlink(id, other, agent));
    }

    @PostMapping("/tickets/{id}/merge")
    String merge(@PathVariable long id, @RequestParam(name = "into", required = false) String into,
                 @AuthenticationPrincipal AgentPrincipal agent, RedirectAttributes redirect) {
        return act(id, redirect, () -> tickets.merge(id, number(into), agent));
    }

    @PostMapping("/tickets/{id}/purchase-ref")
    String purchaseRef(@PathVariable long id, @RequestParam(name = "purchaseRef", required = false) String purchaseRef,
                       @AuthenticationPrincipal AgentPrincipal agent, RedirectAttributes redirect) {
        String value = purchaseRef == null || purchaseRef.isBlank() ? null : purchaseRef;
        return act(id, redirect, () -> tickets.referPurchase(id, value, agent));
    }

    /** A ticket number as typed: "42" or "#42". */
    private static long number(String typed) {
        String s = typed == null ? "" : typed.strip();
        if (s.startsWith("#")) {
            s = s.substring(1).strip();
        }
        try {
            return Long.parseLong(s);
        } catch (NumberFormatException e) {
            throw new InvalidInput("ticket", "is not a ticket number");
        }
    }

    private static String act(long id, RedirectAttributes redirect, Runnable action) {
        try {
            action.run();
        } catch (InvalidInput e) {
            redirect.addFlashAttribute(ERROR, "purchaseRef".equals(e.field()) ? "purchase.error.invalid" : "links.error.invalid");
        } catch (TicketNotFound e) {
            redirect.addFlashAttribute(ERROR, "links.error.notFound");
        } catch (MergeRefused e) {
            redirect.addFlashAttribute(ERROR, "links.error.refused");
        }
        return "redirect:/tickets/" + id;
    }
}
