package org.regard.customers.web;

import jakarta.servlet.http.HttpServletResponse;
import org.regard.customers.Customers;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The organizations customers belong to: the list, and each one's page with its members. */
@Controller
class OrganizationController {
    private final Customers customers;
    private final org.regard.customers.Organizations organizations;

    OrganizationController(Customers customers, org.regard.customers.Organizations organizations) {
        this.organizations = organizations;
        this.customers = customers;
    }

    @GetMapping("/organizations")
    String list(Model model) {
        model.addAttribute("organizations", organizations.all());
        return "customers/organizations";
    }

    @GetMapping("/organizations/{id}")
    String show(@PathVariable long id, Model model) {
        model.addAttribute("organizationForm", OrganizationForm.of(organizations.organization(id).orElseThrow()));
        return page(id, model);
    }

    @PostMapping("/organizations/{id}")
    String update(@PathVariable long id, @ModelAttribute("organizationForm") OrganizationForm form, BindingResult errors,
                  HttpServletResponse response, Model model, RedirectAttributes redirect) {
        organizations.organization(id).orElseThrow();
        form.validate(errors, customers.tiers());
        if (!errors.hasErrors() && nameTakenByAnother(id, form.getName())) {
            errors.rejectValue("name", "organizations.error.name.taken");
        }
        if (!errors.hasErrors()) {
            try {
                organizations.update(id, form.getName(), form.getTier());
                redirect.addFlashAttribute("saved", true);
                return "redirect:/organizations/" + id;
            } catch (DataIntegrityViolationException raced) {
                // another organization took the name between the check and the save
                errors.rejectValue("name", "organizations.error.name.taken");
            }
        }
        response.setStatus(HttpStatus.BAD_REQUEST.value());
        return page(id, model);
    }

    private boolean nameTakenByAnother(long id, String name) {
        return organizations.byName(name).filter(other -> other.id() != id).isPresent();
    }

    private String page(long id, Model model) {
        model.addAttribute("organization", organizations.organization(id).orElseThrow());
        model.addAttribute("members", customers.membersOf(id));
        model.addAttribute("tiers", customers.tiers());
        return "customers/organization";
    }
}
