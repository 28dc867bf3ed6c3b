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
 * the merge itself. Only who may change both customers merges ({@link org.regard.customers.MergeAccess}; else 403,
 * for the confirmation page too); the merge is recorded with who did it and shown on the survivor's page.
 */
@Controller
class MergeController {
    private final Customers customers;
    private final Merges merges;
    private final org.regard.customers.CustomerAccess customerAccess;
    private final org.regard.customers.MergeAccess access;

    MergeController(Customers customers, Merges merges, org.regard.customers.CustomerAccess customerAccess,
                    org.regard.customers.MergeAccess access) {
        this.customerAccess = customerAccess;
        this.access = access;
        this.customers = customers;
        this.merges = merges;
    }

    @GetMapping("/customers/{id}/merge")
    String confirm(@PathVariable long id, @RequestParam long duplicateId,
                   @AuthenticationPrincipal org.regard.accounts.AgentPrincipal agent, Model model) {
        if (id == duplicateId) {
            throw new java.util.NoSuchElementException("A customer is no duplicate of itself");
        }
        model.addAttribute("survivor", customers.card(id).orElseThrow());
        model.addAttribute("duplicate", customers.card(duplicateId).orElseThrow());
        access.requireMerge(customerAccess.actor(agent), id, duplicateId);
        return "customers/merge";
    }

    @PostMapping("/customers/{id}/merge")
    String merge(@PathVariable long id, @RequestParam long duplicateId,
                 @AuthenticationPrincipal org.regard.accounts.AgentPrincipal agent, RedirectAttributes redirect) {
        customers.customer(id).orElseThrow();
        customers.customer(duplicateId).orElseThrow();
        if (id == duplicateId) {
            return "redirect:/customers/" + id;
        }
        Merges.MergeView merge = merges.merge(id, duplicateId, customerAccess.actor(agent), agent.displayName());
        redirect.addFlashAttribute("mergedName", merge.mergedName());
        return "redirect:/customers/" + id;
    }
}
