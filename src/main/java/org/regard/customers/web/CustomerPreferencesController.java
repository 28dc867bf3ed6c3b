package org.regard.customers.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.regard.customers.Customers;
import org.regard.customers.Preferences;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Saves a customer's values for the team's preference fields from the customer page. Each field arrives as
 * {@code pref.<key>}; an empty one removes the value. Every value is checked first: when one does not fit,
 * nothing is saved and the page shows what was typed with the reason next to each field.
 */
@Controller
class CustomerPreferencesController {
    static final String PREFIX = "pref.";

    private final Customers customers;
    private final Preferences preferences;
    private final CustomerPage page;
    private final org.regard.customers.CustomerAccess access;

    CustomerPreferencesController(Customers customers, Preferences preferences, CustomerPage page,
                                  org.regard.customers.CustomerAccess access) {
        this.access = access;
        this.customers = customers;
        this.preferences = preferences;
        this.page = page;
    }

    @PostMapping("/customers/{id}/preferences")
    String save(@PathVariable long id, HttpServletRequest request, HttpServletResponse response, Model model,
                @org.springframework.security.core.annotation.AuthenticationPrincipal org.regard.accounts.AgentPrincipal agent,
                RedirectAttributes redirect) {
        customers.customer(id).orElseThrow();
        access.requireChange(access.actor(agent), id);
        Map<String, String> typed = new LinkedHashMap<>();
        for (Preferences.FieldView field : preferences.activeFields()) {
            String value = request.getParameter(PREFIX + field.key());
            if (value != null) {
                typed.put(field.key(), value);
            }
        }
        Map<String, String> errors = new HashMap<>();
        typed.forEach((key, value) -> {
            try {
                preferences.check(id, Map.of(key, value));
            } catch (Preferences.InvalidPreference e) {
                errors.put(key, "customers.preferences.error." + e.type().map(t -> t.value()).orElse("unknown"));
            }
        });
        if (errors.isEmpty()) {
            preferences.change(id, typed);
            redirect.addFlashAttribute("preferencesSaved", true);
            return "redirect:/customers/" + id + "#customer-preference-values";
        }
        model.addAttribute("preferenceInput", typed);
        model.addAttribute("preferenceErrors", errors);
        response.setStatus(HttpStatus.BAD_REQUEST.value());
        return page.render(id, model);
    }
}
