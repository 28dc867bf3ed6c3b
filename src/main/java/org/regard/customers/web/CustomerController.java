package org.regard.customers.web;

import jakarta.servlet.http.HttpServletResponse;
import org.regard.customers.Customers;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.util.List;

/**
 * The customer pages: the searchable list, the form for a new customer and the customer page with its
 * edit form. Every signed-in agent may see and create customers; only those who serve a customer change them
 * ({@link org.regard.customers.CustomerAccess}): the page then offers no edit form, and a posted one answers 403
 * without changing anything.
 */
@Controller
class CustomerController {
    static final int PAGE_SIZE = 25;

    private final Customers customers;
    private final org.regard.customers.CustomerNotes notes;
    private final CustomerPage page;
    private final org.regard.customers.CustomerAccess access;
    private final org.regard.customers.Merges merges;

    CustomerController(Customers customers, CustomerPage page, org.regard.customers.CustomerNotes notes,
                       org.regard.customers.CustomerAccess access, org.regard.customers.Merges merges) {
        this.access = access;
        this.merges = merges;
        this.notes = notes;
        this.customers = customers;
        this.page = page;
    }

    @GetMapping("/customers")
    String list(@RequestParam(name = "q", required = false) String query,
                @RequestParam(name = "after", required = false) Long afterId,
                @RequestHeader(name = "HX-Request", required = false) String htmx,
                @RequestHeader(name = "HX-History-Restore-Request", required = false) String historyRestore,
                HttpServletResponse response, Model model) {
        String q = query == null ? "" : query.strip();
        List<Customers.CustomerView> rows = customers.page(q, afterId, PAGE_SIZE + 1);
        boolean more = rows.size() > PAGE_SIZE;
        List<Customers.CustomerView> shown = more ? rows.subList(0, PAGE_SIZE) : rows;
        model.addAttribute("q", q);
        model.addAttribute("after", afterId);
        model.addAttribute("customers", shown);
        model.addAttribute("nextAfter", more ? shown.getLast().id() : null);
        // The same URL answers with the whole page or, for htmx's live filter, only the results.
        response.setHeader("Vary", "HX-Request");
        return htmx != null && historyRestore == null ? "customers/list :: results" : "customers/list";
    }

    @GetMapping("/customers/new")
    String newCustomer(Model model) {
        model.addAttribute("customerForm", CustomerForm.blank(customers.tiers().getFirst()));
        return formPage(model);
    }

    @PostMapping("/customers")
    String create(@ModelAttribute("customerForm") CustomerForm form, BindingResult errors,
                  @AuthenticationPrincipal(expression = "id()") Long agentId,
                  HttpServletResponse response, Model model, RedirectAttributes redirect) {
        form.validate(errors, customers.tiers(), true);
        if (!errors.hasErrors()) {
            try {
                Customers.CustomerView created = customers.create(form.toNewCustomer());
                if (!form.getNote().isBlank()) {
                    notes.add(created.id(), form.getNote(), form.isPinNote(), agentId);
                }
                redirect.addFlashAttribute("created", true);
                return "redirect:/customers/" + created.id();
            } catch (Customers.EmailTaken taken) {
                rejectTakenEmail(taken, errors, model);
            }
        }
        response.setStatus(HttpStatus.BAD_REQUEST.value());
        return formPage(model);
    }

    @GetMapping("/customers/{id}")
    String show(@PathVariable long id, Model model) {
        if (customers.customer(id).isEmpty()) {
            // a merged customer's old address leads to the survivor, whose page applies its own rules
            return merges.survivorOf(id).map(survivor -> "redirect:/customers/" + survivor).orElseThrow();
        }
        return page.render(id, model);
    }

    @PostMapping("/customers/{id}")
    String update(@PathVariable long id, @ModelAttribute("customerForm") CustomerForm form, BindingResult errors,
                  @AuthenticationPrincipal org.regard.accounts.AgentPrincipal agent,
                  HttpServletResponse response, Model model, RedirectAttributes redirect) {
        customers.customer(id).orElseThrow();
        org.regard.accounts.Actor actor = access.actor(agent);
        access.requireChange(actor, id);
        form.validate(errors, customers.tiers(), false);
        if (!errors.hasErrors()) {
            try {
                customers.update(id, form.toChanges(), actor);
                redirect.addFlashAttribute("saved", true);
                return "redirect:/customers/" + id;
            } catch (OptimisticLockingFailureException stale) {
                return conflict(id, form, response, model);
            } catch (Customers.EmailTaken taken) {
                rejectTakenEmail(taken, errors, model);
            }
        }
        model.addAttribute("editOpen", true);
        response.setStatus(HttpStatus.BAD_REQUEST.value());
        return page.render(id, model);
    }

    /**
     * Someone else saved this customer since the editor loaded the form: nothing is written. The form now
     * holds the current details and version; the editor's own values are listed so they can apply them again.
     */
    private String conflict(long id, CustomerForm attempted, HttpServletResponse response, Model model) {
        Customers.CustomerView latest = customers.customer(id).orElseThrow();
        model.addAttribute("customerForm", CustomerForm.of(latest));
        model.addAttribute("attempted", attempted);
        model.addAttribute("conflict", true);
        model.addAttribute("editOpen", true);
        response.setStatus(HttpStatus.CONFLICT.value());
        return page.render(id, model);
    }

    private void rejectTakenEmail(Customers.EmailTaken taken, BindingResult errors, Model model) {
        errors.rejectValue("emails", "customers.error.emails.taken", new Object[]{taken.email()}, null);
        customers.customerByEmail(taken.email()).ifPresent(owner -> model.addAttribute("emailOwner", owner));
    }

    private String formPage(Model model) {
        page.formChoices(model);
        return "customers/new";
    }
}
