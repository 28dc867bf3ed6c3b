package org.regard.customers.web;

import jakarta.servlet.http.HttpServletResponse;
import org.regard.customers.PreferenceOptions;
import org.regard.customers.PreferenceType;
import org.regard.customers.Preferences;
import org.regard.text.LocalNames;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;

/**
 * The admin's page for preference fields: define one (label, a label per page language, type, and a choice's
 * options one a line), rename or relabel it, change a choice's options, retire or reinstate it. The labels arrive as
 * {@code label.<language>}. Only admins reach {@code /admin/**} (see the web security chain).
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
                  @RequestParam(defaultValue = "") String type, @RequestParam(defaultValue = "") String options,
                  @RequestParam Map<String, String> params, HttpServletResponse response, Model model,
                  RedirectAttributes redirect) {
        // the key is derived from the label (the page asks for none); a key sent anyway is still checked and used
        String cleanKey = key.strip();
        Optional<PreferenceType> parsed = PreferenceType.parse(type);
        Map<String, String> labels = labels(params);
        String keyError = !cleanKey.isEmpty() && !Preferences.KEY.matcher(cleanKey).matches() ? "preferences.error.key" : null;
        String labelError = labelProblem(label);
        Map<String, String> labelErrors = labelProblems(labels);
        String typeError = parsed.isEmpty() ? "preferences.error.type" : null;
        List<String> optionList = PreferenceOptions.fromLines(options);
        Optional<PreferenceOptions.Problem> optionsError = parsed.flatMap(t -> optionsProblem(t, optionList));
        if (keyError == null && labelError == null && labelErrors.isEmpty() && typeError == null && optionsError.isEmpty()) {
            try {
                Preferences.FieldView created = preferences.define(cleanKey.isEmpty() ? null : cleanKey, label, parsed.get(),
                        labels, optionList);
                return done(redirect, "preferences.created", created.shownLabel());
            } catch (Preferences.KeyTaken taken) {
                keyError = "preferences.error.keyTaken";
            }
        }
        model.addAttribute("createKey", key);
        model.addAttribute("createLabel", label);
        model.addAttribute("createLabels", labels);
        model.addAttribute("createType", type);
        model.addAttribute("createOptions", options);
        model.addAttribute("keyError", keyError);
        model.addAttribute("labelError", labelError);
        model.addAttribute("labelErrors", labelErrors);
        model.addAttribute("typeError", typeError);
        model.addAttribute("optionsError", optionsError.map(p -> "preferences.error.options." + p.code()).orElse(null));
        model.addAttribute("optionsErrorArg", optionsError.map(PreferenceOptions.Problem::option).orElse(null));
        response.setStatus(HttpStatus.BAD_REQUEST.value());
        return page(model);
    }

    @PostMapping("/admin/preferences/{id}")
    String change(@PathVariable long id, @RequestParam(defaultValue = "") String label,
                  @RequestParam(defaultValue = "false") boolean active, @RequestParam(required = false) String options,
                  @RequestParam Map<String, String> params, HttpServletResponse response, Model model,
                  RedirectAttributes redirect) {
        Preferences.FieldView field = preferences.field(id).orElseThrow(() -> new NoSuchElementException("No preference field " + id));
        // a form that sends no labels (an older page, a script) leaves them as they are
        boolean labelsSent = LocalNames.LANGUAGES.stream().anyMatch(l -> params.containsKey("label." + l));
        Map<String, String> labels = labels(params);
        // the options are offered for a choice only; for another type they are left as they are (none)
        List<String> optionList = options == null ? null : PreferenceOptions.fromLines(options);
        String problem = labelProblem(label);
        Map<String, String> labelErrors = labelProblems(labels);
        Optional<PreferenceOptions.Problem> optionsError = optionList == null ? Optional.empty()
                : optionsProblem(field.type(), optionList);
        if (problem == null && labelErrors.isEmpty() && optionsError.isEmpty()) {
            Preferences.FieldView changed = preferences.change(id, label, labelsSent ? labels : null, optionList, active);
            return done(redirect, "preferences.saved", changed.shownLabel());
        }
        model.addAttribute("changeId", id);
        model.addAttribute("changeLabel", label);
        model.addAttribute("changeLabels", labels);
        model.addAttribute("changeOptions", options);
        model.addAttribute("changeError", problem);
        model.addAttribute("changeLabelErrors", labelErrors);
        model.addAttribute("changeOptionsError", optionsError.map(p -> "preferences.error.options." + p.code()).orElse(null));
        model.addAttribute("changeOptionsErrorArg", optionsError.map(PreferenceOptions.Problem::option).orElse(null));
        response.setStatus(HttpStatus.BAD_REQUEST.value());
        return page(model);
    }

    /** The labels per language as typed, in the order of the languages (blank ones included: they remove one). */
    private static Map<String, String> labels(Map<String, String> params) {
        Map<String, String> labels = new LinkedHashMap<>();
        for (String language : LocalNames.LANGUAGES) {
            labels.put(language, params.getOrDefault("label." + language, ""));
        }
        return labels;
    }

    private static String labelProblem(String label) {
        if (label.isBlank()) {
            return "preferences.error.label";
        }
        return label.strip().length() > Preferences.MAX_LABEL ? "preferences.error.labelTooLong" : null;
    }

    /** A message key per language whose label is too long (a blank one is fine: the base label is shown). */
    private static Map<String, String> labelProblems(Map<String, String> labels) {
        Map<String, String> problems = new LinkedHashMap<>();
        labels.forEach((language, text) -> {
            if (text.strip().length() > Preferences.MAX_LABEL) {
                problems.put(language, "preferences.error.labelTooLong");
            }
        });
        return problems;
    }

    private static Optional<PreferenceOptions.Problem> optionsProblem(PreferenceType type, List<String> options) {
        if (type != PreferenceType.CHOICE) {
            return options.isEmpty() ? Optional.empty() : Optional.of(new PreferenceOptions.Problem("onlyForChoice", null));
        }
        return PreferenceOptions.problem(options);
    }

    private static String done(RedirectAttributes redirect, String message, String label) {
        redirect.addFlashAttribute("message", message);
        redirect.addFlashAttribute("messageArg", label);
        return "redirect:/admin/preferences";
    }

    private String page(Model model) {
        model.addAttribute("fields", preferences.fields());
        model.addAttribute("types", PreferenceType.values());
        model.addAttribute("languages", LocalNames.LANGUAGES);
        model.addAttribute("optionsMax", PreferenceOptions.MAX);
        return "customers/preference-fields";
    }
}
