package org.regard.tickets.web;

import org.regard.accounts.AgentPrincipal;
import org.regard.tickets.Drafts;
import org.regard.tickets.InvalidInput;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The composer's draft: saved by static/js/drafts.js as the agent types (an answer with no body; the page says "saved"),
 * and thrown away with the composer's "Discard draft". The page shows the draft again when it is loaded.
 */
@Controller
class DraftController {
    private final Drafts drafts;

    DraftController(Drafts drafts) {
        this.drafts = drafts;
    }

    /** 204 when kept or cleared; 409 when the text's own submission was written already (the script stops saving). */
    @PostMapping("/tickets/{id}/draft")
    @ResponseBody
    ResponseEntity<Void> save(@PathVariable long id, @RequestParam(required = false) String mode,
                              @RequestParam(required = false) String body, @RequestParam(required = false) String submissionKey,
                              @AuthenticationPrincipal AgentPrincipal agent) {
        try {
            return switch (drafts.save(id, mode, body, submissionKey, agent)) {
                case SAVED, CLEARED -> ResponseEntity.noContent().build();
                case ALREADY_SENT -> ResponseEntity.status(409).build();
            };
        } catch (InvalidInput e) {
            return ResponseEntity.badRequest().build();
        }
    }

    @PostMapping("/tickets/{id}/draft/discard")
    String discard(@PathVariable long id, @AuthenticationPrincipal AgentPrincipal agent, RedirectAttributes redirect) {
        drafts.discard(id, agent);
        redirect.addFlashAttribute("flash", "ticket.flash.draftDiscarded");
        return "redirect:/tickets/" + id;
    }
}
