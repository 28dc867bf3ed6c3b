package org.regard.customers.web;

import jakarta.servlet.http.HttpServletResponse;
import org.regard.customers.Customers;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.util.NoSuchElementException;

/**
 * Notes about a customer: adding one, pinning it to the person card and unpinning it. With htmx the
 * answer is the notes section plus the refreshed person card; without it, the customer page again.
 */
@Controller
class CustomerNoteController {
    static final int MAX_NOTE_LENGTH = 10_000;

    private final Customers customers;
    private final org.regard.customers.CustomerNotes notes;
    private final CustomerPage page;

    CustomerNoteController(Customers customers, CustomerPage page, org.regard.customers.CustomerNotes notes) {
        this.notes = notes;
        this.customers = customers;
        this.page = page;
    }

    @PostMapping("/customers/{id}/notes")
    String add(@PathVariable long id, @RequestParam(defaultValue = "") String body,
               @RequestParam(defaultValue = "false") boolean pinned,
               @AuthenticationPrincipal(expression = "id()") Long agentId,
               @RequestHeader(name = "HX-Request", required = false) String htmx,
               HttpServletResponse response, Model model, RedirectAttributes redirect) {
        customers.customer(id).orElseThrow();
        String problem = body.isBlank() ? "customers.notes.error.empty"
                : body.strip().length() > MAX_NOTE_LENGTH ? "customers.notes.error.tooLong" : null;
        if (problem != null) {
            model.addAttribute("noteError", problem);
            model.addAttribute("noteBody", body);
            model.addAttribute("notePinned", pinned);
            if (htmx != null) {
                // htmx swaps only successful answers, so its form gets the error with a 200.
                return page.notes(id, model);
            }
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return page.render(id, model);
        }
        notes.add(id, body, pinned, agentId);
        return answer(id, htmx, model, redirect, "customers.notes.added");
    }

    @PostMapping("/customers/{id}/notes/{noteId}/pin")
    String pin(@PathVariable long id, @PathVariable long noteId,
               @RequestHeader(name = "HX-Request", required = false) String htmx,
               Model model, RedirectAttributes redirect) {
        return pinned(id, noteId, true, htmx, model, redirect);
    }

    @PostMapping("/customers/{id}/notes/{noteId}/unpin")
    String unpin(@PathVariable long id, @PathVariable long noteId,
                 @RequestHeader(name = "HX-Request", required = false) String htmx,
                 Model model, RedirectAttributes redirect) {
        return pinned(id, noteId, false, htmx, model, redirect);
    }

    private String pinned(long id, long noteId, boolean pinned, String htmx, Model model, RedirectAttributes redirect) {
        if (!notes.pin(id, noteId, pinned)) {
            throw new NoSuchElementException("No note " + noteId + " for customer " + id);
        }
        return answer(id, htmx, model, redirect, pinned ? "customers.notes.pinned" : "customers.notes.unpinned");
    }

    private String answer(long id, String htmx, Model model, RedirectAttributes redirect, String message) {
        if (htmx == null) {
            redirect.addFlashAttribute("noteMessage", message);
            return "redirect:/customers/" + id + "#notes";
        }
        model.addAttribute("noteMessage", message);
        return page.notes(id, model);
    }
}
