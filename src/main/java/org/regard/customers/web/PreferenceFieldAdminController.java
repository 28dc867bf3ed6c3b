package org.regard.customers.web;

import jakarta.servlet.http.HttpServletResponse;
import org.regard.customers.PreferenceType;
import org.regard.customers.Preferences;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.util.NoSuchElementException;
import java.util.Optional;

/**
 * The admin's page for preference fields: define one (key, label, type), rename it, retire or reinstate it.
 * Only admins reach {@code /admin/**} (see the web security chain).
 */
@Controller
class PreferenceFieldAdminController {
    private final Preferences preferences;

    PreferenceFieldAdminController(Preferences preferences) {
        this.preferences = preferences;
    }

    @GetMapping("/admin/preferences")
    String list(Model model) {
        return page(model);
    }

    @PostMapping("/admin/preferences")
    String create(@RequestParam(defaultValue = "") String key, @RequestParam(defaultValue = "") String label,
                  @RequestParam(defaultValue = "") String type, HttpServletResponse response, Model model,
                  RedirectAttributes redirect) {
        // the key is derived from the label (the page asks for none); a key sent anyway is still checked and used
        String cleanKey = key.strip();
        Optional<PreferenceType> parsed = PreferenceType.parse(type);
        String keyError = !cleanKey.isEmpty() && !Preferences.KEY.matcher(cleanKey).matches() ? "preferences.error.key" : null;
        String labelError = labelProblem(label);
        String typeError = parsed.isEmpty() ? "preferences.error.type" : null;
        if (keyError == null && labelError == null && typeError == null) {
            try {
                Preferences.FieldView created = cleanKey.isEmpty() ? preferences.define(label, parsed.get())
                        : preferences.define(cleanKey, label, parsed.get());
                return done(redirect, "preferences.created", created.label());
            } catch (Preferences.KeyTaken taken) {
                keyError = "preferences.error.keyTaken";
            }
        }
        model.addAttribute("createKey", key);
        model.addAttribute("createLabel", label);
        model.addAttribute("createType", type);
        model.addAttribute("keyError", keyError);
        model.addAttribute("labelError", labelError);
        model.addAttribute("typeError", typeError);
        response.setStatus(HttpStatus.BAD_REQUEST.value());
        return page(model);
    }

    @PostMapping("/admin/preferences/{id}")
    String change(@PathVariable long id, @RequestParam(defaultValue = "") String label,
                  @RequestParam(defaultValue = "false") boolean active, HttpServletResponse response, Model model,
                  RedirectAttributes redirect) {
        preferences.field(id).orElseThrow(() -> new NoSuchElementException("No preference field " + id));
        String problem = labelProblem(label);
        if (problem == null) {
            return done(redirect, "preferences.saved", preferences.change(id, label, active).label());
        }
        model.addAttribute("changeId", id);
        model.addAttribute("changeLabel", label);
        model.addAttribute("changeError", problem);
        response.setStatus(HttpStatus.BAD_REQUEST.value());
        return page(model);
    }

    private static String labelProblem(String label) {
        if (label.isBlank()) {
            return "preferences.error.label";
        }
        return label.strip().length() > Preferences.MAX_LABEL ? "preferences.error.labelTooLong" : null;
    }

    private static String done(RedirectAttributes redirect, String message, String label) {
        redirect.addFlashAttribute("message", message);
        redirect.addFlashAttribute("messageArg", label);
        return "redirect:/admin/preferences";
    }

    private String page(Model model) {
        model.addAttribute("fields", preferences.fields());
        model.addAttribute("types", PreferenceType.values());
        return "customers/preference-fields";
    }
}
