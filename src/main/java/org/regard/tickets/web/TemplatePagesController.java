package org.regard.tickets.web;

import jakarta.servlet.http.HttpServletResponse;
import org.regard.accounts.AgentPrincipal;
import org.regard.languages.Languages;
import org.regard.tickets.Categories;
import org.regard.tickets.InvalidInput;
import org.regard.tickets.ReplyTemplates;
import org.regard.tickets.ReplyTemplates.TemplateChanges;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.NoSuchElementException;

/**
 * The administrators' pages for reply templates: the list (with the languages each template has and which are
 * stale), creating a template, and editing its name, category, source language and one text per team language.
 */
@Controller
class TemplatePagesController {
    private final ReplyTemplates templates;
    private final Categories categories;
    private final Languages languages;

    TemplatePagesController(ReplyTemplates templates, Categories categories, Languages languages) {
        this.templates = templates;
        this.categories = categories;
        this.languages = languages;
    }

    @GetMapping("/templates")
    String list(@AuthenticationPrincipal AgentPrincipal agent, Model model) {
        requireAdmin(agent);
        model.addAttribute("templates", templates.all());
        model.addAttribute("languages", languages.configured());
        return "tickets/templates";
    }

    @PostMapping("/templates")
    String create(@RequestParam(defaultValue = "") String name, @RequestParam(defaultValue = "") String sourceLanguage,
                  @AuthenticationPrincipal AgentPrincipal agent, Model model, HttpServletResponse response,
                  RedirectAttributes redirect) {
        requireAdmin(agent);
        try {
            var created = templates.create(new TemplateChanges(name, null, sourceLanguage, Map.of()), agent);
            redirect.addFlashAttribute("message", "templates.created");
            redirect.addFlashAttribute("messageArg", created.name());
            return "redirect:/templates/" + created.id();
        } catch (InvalidInput invalid) {
            model.addAttribute("createError", "templates.error." + invalid.field());
            model.addAttribute("createName", name);
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return list(agent, model);
        }
    }

    @GetMapping("/templates/{id}")
    String edit(@PathVariable long id, @AuthenticationPrincipal AgentPrincipal agent, Model model) {
        requireAdmin(agent);
        model.addAttribute("template", templates.template(id).orElseThrow(() -> new NoSuchElementException("No template " + id)));
        model.addAttribute("categories", categories.all());
        model.addAttribute("languages", languages.configured());
        return "tickets/template";
    }

    @PostMapping("/templates/{id}")
    String save(@PathVariable long id, @RequestParam(defaultValue = "") String name, @RequestParam(required = false) Long category,
                @RequestParam(defaultValue = "") String sourceLanguage, @RequestParam int version,
                @RequestParam Map<String, String> fields, @AuthenticationPrincipal AgentPrincipal agent, Model model,
                HttpServletResponse response, RedirectAttributes redirect) {
        requireAdmin(agent);
        Map<String, String> variants = new LinkedHashMap<>();
        for (String language : languages.configured()) {
            if (fields.containsKey("variant." + language)) {
                variants.put(language, fields.get("variant." + language));
            }
        }
        try {
            templates.update(id, new TemplateChanges(name, category, sourceLanguage, variants), version, agent);
            redirect.addFlashAttribute("message", "templates.saved");
            redirect.addFlashAttribute("messageArg", name.strip());
            return "redirect:/templates/" + id;
        } catch (org.regard.tickets.ReplyTemplates.UnknownPlaceholder unknown) {
            // the admin's text stays in the form, with the placeholder named, so nothing typed is lost
            model.addAttribute("saveError", "templates.error.placeholder");
            model.addAttribute("unknownPlaceholder", "{{" + unknown.placeholder() + "}}");
            model.addAttribute("typedVariants", variants);
            model.addAttribute("invalidVariant", unknown.language());
        } catch (InvalidInput invalid) {
            model.addAttribute("saveError", "templates.error." + invalid.field());
        } catch (org.springframework.dao.OptimisticLockingFailureException stale) {
            model.addAttribute("saveError", "templates.error.conflict");
        }
        response.setStatus(HttpStatus.BAD_REQUEST.value());
        return edit(id, agent, model);
    }

    private static void requireAdmin(AgentPrincipal agent) {
        if (agent == null || !agent.isAdmin()) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN);
        }
    }
}
