package org.regard.tickets.web;

import org.regard.accounts.AgentPrincipal;
import org.regard.tickets.InvalidInput;
import org.regard.tickets.NotTheAuthor;
import org.regard.tickets.ReplyNotWaiting;
import org.regard.tickets.TicketStatus;
import org.regard.tickets.Tickets;
import org.regard.tickets.Tickets.WithdrawnReply;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The author's say over their reply while it is held for review: revise a returned reply and resubmit it (a new
 * round), or withdraw it (its text returns to the composer). Someone else's held reply is refused (403).
 */
@Controller
class HeldReplyController {
    private final Tickets tickets;

    HeldReplyController(Tickets tickets) {
        this.tickets = tickets;
    }

    @PostMapping("/tickets/{ticketId}/replies/{messageId}/resubmit")
    String resubmit(@PathVariable long ticketId, @PathVariable long messageId, @RequestParam(required = false) String body,
                    @RequestParam(required = false) TicketStatus nextStatus, @AuthenticationPrincipal AgentPrincipal agent,
                    RedirectAttributes redirect) {
        try {
            tickets.resubmitHeldReply(ticketId, messageId, body, nextStatus, agent);
            redirect.addFlashAttribute("flash", "review.flash.resubmitted");
        } catch (InvalidInput e) {
            redirect.addFlashAttribute("flash", "review.flash.empty");
        } catch (ReplyNotWaiting e) {
            redirect.addFlashAttribute("flash", "review.flash.notReturned");
        } catch (NotTheAuthor e) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN, e.getMessage());
        }
        return "redirect:/tickets/" + ticketId + "#message-" + messageId;
    }

    @PostMapping("/tickets/{ticketId}/replies/{messageId}/withdraw-held")
    String withdraw(@PathVariable long ticketId, @PathVariable long messageId, @AuthenticationPrincipal AgentPrincipal agent,
                    RedirectAttributes redirect) {
        try {
            WithdrawnReply withdrawn = tickets.withdrawHeldReply(ticketId, messageId, agent);
            // its text comes back to the composer, as after an undo
            redirect.addFlashAttribute("restoredReply", withdrawn.body());
            redirect.addFlashAttribute("flash", "review.flash.withdrawn");
        } catch (ReplyNotWaiting e) {
            redirect.addFlashAttribute("flash", "review.flash.tooLate");
        } catch (NotTheAuthor e) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN, e.getMessage());
        }
        return "redirect:/tickets/" + ticketId;
    }
}
