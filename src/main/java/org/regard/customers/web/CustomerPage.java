package org.regard.customers.web;

import org.regard.customers.Customers;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/** Fills the model of the customer page, which the edit form and the notes both render again on an error. */
@Component
class CustomerPage {
    /** The region zones offered while typing a time zone (any IANA id is accepted). */
    private static final java.util.List<String> TIME_ZONES = java.time.ZoneId.getAvailableZoneIds().stream()
            .filter(z -> z.contains("/") && !z.startsWith("Etc/") && !z.startsWith("SystemV/")).sorted().toList();
    private final Customers customers;
    private final org.regard.customers.CustomerNotes notes;
    private final org.regard.customers.Organizations organizations;
    private final org.regard.customers.Preferences preferences;
    private final org.regard.customers.Merges merges;
    private final org.regard.customers.CustomerAccess access;

    CustomerPage(Customers customers, org.regard.customers.Preferences preferences, org.regard.customers.Merges merges, org.regard.customers.CustomerNotes notes, org.regard.customers.Organizations organizations,
                 org.regard.customers.CustomerAccess access) {
        this.access = access;
        this.notes = notes;
        this.organizations = organizations;
        this.customers = customers;
        this.preferences = preferences;
        this.merges = merges;
    }

    /** The customer page of this customer; keeps a form already in the model (the editor's input). */
    String render(long id, Model model) {
        if (!model.containsAttribute("customerForm")) {
            model.addAttribute("customerForm", CustomerForm.of(customers.customer(id).orElseThrow()));
        }
        model.addAttribute("card", customers.card(id).orElseThrow());
        model.addAttribute("notes", notes.of(id));
        model.addAttribute("preferenceFields", preferences.activeFields());
        model.addAttribute("customer", customers.customer(id).orElseThrow());
        model.addAttribute("duplicates", merges.duplicatesOf(id));
        model.addAttribute("merges", merges.mergesInto(id));
        model.addAttribute("addressChanges", customers.addressChangesOf(id));
        // the edit form, the preference form and the merge buttons are offered only to whom they would not refuse
        model.addAttribute("mayChange", signedIn().map(agent -> access.mayChange(access.actor(agent), id)).orElse(false));
        if (!model.containsAttribute("preferenceInput")) {
            java.util.Map<String, String> input = new java.util.HashMap<>();
            preferences.valuesOf(id).forEach(v -> input.put(v.key(), v.text()));
            model.addAttribute("preferenceInput", input);
            model.addAttribute("preferenceErrors", java.util.Map.of());
        }
        formChoices(model);
        return "customers/show";
    }

    private static java.util.Optional<org.regard.accounts.AgentPrincipal> signedIn() {
        var authentication = org.springframework.security.core.context.SecurityContextHolder.getContext().getAuthentication();
        return authentication != null && authentication.getPrincipal() instanceof org.regard.accounts.AgentPrincipal agent
                ? java.util.Optional.of(agent) : java.util.Optional.empty();
    }

    /** Just the notes section and the person card, for htmx. */
    String notes(long id, Model model) {
        model.addAttribute("card", customers.card(id).orElseThrow());
        model.addAttribute("notes", notes.of(id));
        return "customers/notes :: update";
    }

    /** What the customer form offers: tiers, languages, known organizations. */
    void formChoices(Model model) {
        model.addAttribute("tiers", customers.tiers());
        model.addAttribute("languages", CustomerForm.LANGUAGES);
        model.addAttribute("organizations", organizations.all());
        model.addAttribute("channels", org.regard.customers.PreferredChannel.values());
        model.addAttribute("timeZones", TIME_ZONES);
    }
}
