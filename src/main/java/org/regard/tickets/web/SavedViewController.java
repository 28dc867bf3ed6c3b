package org.regard.tickets.web;

import org.regard.accounts.AgentPrincipal;
import org.regard.tickets.InvalidInput;
import org.regard.tickets.SavedViews;
import org.regard.tickets.SavedViews.SavedView;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Saves the inbox's current filters as a view (for the agent, or shared with a team), and deletes one. */
@Controller
class SavedViewController {
    private final SavedViews savedViews;

    SavedViewController(SavedViews savedViews) {
        this.savedViews = savedViews;
    }

    @PostMapping("/inbox/views")
    String save(@RequestParam(name = "name", defaultValue = "") String name,
                @RequestParam(name = "filter", defaultValue = "") String filterQuery,
                @RequestParam(name = "share", required = false) Long shareWithTeam,
                @AuthenticationPrincipal AgentPrincipal agent, RedirectAttributes redirect) {
        // read back and written again: only filters the inbox knows are kept
        InboxFilter filter = InboxFilter.parse(filterQuery, null);
        try {
            SavedView saved = savedViews.save(name, filter.filterQuery(), shareWithTeam, agent);
            redirect.addFlashAttribute("flash", "inbox.saved.flash.saved");
            return "redirect:" + InboxFilter.savedUrl(saved.filter(), saved.id());
        } catch (InvalidInput e) {
            redirect.addFlashAttribute("savedViewProblem", "inbox.saved.problem." + e.field());
            return "redirect:" + filter.firstPageUrl();
        }
    }

    @PostMapping("/inbox/views/{id}/delete")
    String delete(@PathVariable long id, @AuthenticationPrincipal AgentPrincipal agent, RedirectAttributes redirect) {
        if (!savedViews.delete(id, agent)) {
            throw new ResponseStatusException(savedViews.find(id).isPresent() ? HttpStatus.FORBIDDEN : HttpStatus.NOT_FOUND);
        }
        redirect.addFlashAttribute("flash", "inbox.saved.flash.deleted");
        return "redirect:/inbox";
    }
}
