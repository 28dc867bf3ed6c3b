package org.regard.customers.web;

import org.regard.customers.Customers;
import org.regard.customers.Merges;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Merging a duplicate into the customer whose page the agent is on: a confirmation page showing both, then
 * the merge itself. Any agent may merge; the merge is recorded with who did it and shown on the survivor's page.
 */
@Controller
class MergeController {
    private final Customers customers;
    private final Merges merges;

    MergeController(Customers customers, Merges merges) {
        this.customers = customers;
        this.merges = merges;
    }

    @GetMapping("/customers/{id}/merge")
    String confirm(@PathVariable long id, @RequestParam long duplicateId, Model model) {
        if (id == duplicateId) {
            throw new java.util.NoSuchElementException("A customer is no duplicate of itself");
        }
        model.addAttribute("survivor", customers.card(id).orElseThrow());
        model.addAttribute("duplicate", customers.card(duplicateId).orElseThrow());
        return "customers/merge";
    }

    @PostMapping("/customers/{id}/merge")
    String merge(@PathVariable long id, @RequestParam long duplicateId,
                 @AuthenticationPrincipal(expression = "id()") Long agentId,
                 @AuthenticationPrincipal(expression = "displayName()") String agentName, RedirectAttributes redirect) {
        customers.customer(id).orElseThrow();
        customers.customer(duplicateId).orElseThrow();
        if (id == duplicateId) {
            return "redirect:/customers/" + id;
        }
        Merges.MergeView merge = merges.merge(id, duplicateId, agentId, agentName);
        redirect.addFlashAttribute("mergedName", merge.mergedName());
        return "redirect:/customers/" + id;
    }
}
