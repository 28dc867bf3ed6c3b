package org.regard.mail.web;

import org.regard.accounts.AgentPrincipal;
import org.regard.mail.outbox.Outbox;
import org.regard.tickets.Tickets.WithdrawnReply;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.util.NoSuchElementException;
import java.util.Optional;

/**
 * The agent's say over an email reply after pressing send: take it back inside the undo window (its text returns to
 * the composer through the flash attribute {@code restoredReply}), or send again a reply that failed or whose fate is
 * uncertain. Both go back to the ticket page with a message saying what happened.
 */
@Controller
class ReplyDeliveryController {
    /** The flash attribute the ticket page fills the composer with. */
    static final String RESTORED_REPLY = "restoredReply";

    private final Outbox outbox;

    ReplyDeliveryController(Outbox outbox) {
        this.outbox = outbox;
    }

    @PostMapping("/tickets/{ticketId}/replies/{messageId}/undo")
    String undo(@PathVariable long ticketId, @PathVariable long messageId, @AuthenticationPrincipal AgentPrincipal agent,
                RedirectAttributes redirect) {
        requireReplyOf(ticketId, messageId);
        Optional<WithdrawnReply> withdrawn = outbox.undo(messageId, agent);
        if (withdrawn.isPresent()) {
            redirect.addFlashAttribute(RESTORED_REPLY, withdrawn.get().body());
            redirect.addFlashAttribute("flash", "mailout.flash.undone");
        } else {
            redirect.addFlashAttribute("flash", "mailout.flash.tooLate");
        }
        return "redirect:/tickets/" + ticketId;
    }

    @PostMapping("/tickets/{ticketId}/replies/{messageId}/resend")
    String resend(@PathVariable long ticketId, @PathVariable long messageId, @AuthenticationPrincipal AgentPrincipal agent,
                  RedirectAttributes redirect) {
        requireReplyOf(ticketId, messageId);
        redirect.addFlashAttribute("flash", outbox.resend(messageId, agent) ? "mailout.flash.resent" : "mailout.flash.notResendable");
        return "redirect:/tickets/" + ticketId;
    }

    /** A message that is no email reply of this ticket is "not found" (the page for 404). */
    private void requireReplyOf(long ticketId, long messageId) {
        if (!outbox.ticketOfReply(messageId).filter(t -> t == ticketId).isPresent()) {
            throw new NoSuchElementException("No email reply " + messageId + " on ticket " + ticketId);
        }
    }
}
