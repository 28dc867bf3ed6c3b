package org.regard.tickets.admin;

import org.regard.text.LocalNames;

import jakarta.servlet.http.HttpServletResponse;
import org.regard.tickets.Categories;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.util.Map;
import java.util.NoSuchElementException;

/**
 * The admin's page for ticket categories: the list, creating, renaming, retiring and reinstating. A
 * retired category stays on the tickets that have it but is no longer offered. Only admins reach
 * {@code /admin/**} (see the web security chain).
 */
@Controller
class CategoryAdminController {
    static final int MAX_NAME_LENGTH = 100;

    private final Categories categories;

    CategoryAdminController(Categories categories) {
        this.categories = categories;
    }

    @GetMapping("/admin/categories")
    String list(Model model) {
        return page(model);
    }

    @PostMapping("/admin/categories")
    String create(@RequestParam(defaultValue = "") String name, HttpServletResponse response, Model model,
                  RedirectAttributes redirect) {
        String problem = problemWith(name);
        if (problem == null) {
            try {
                Categories.CategoryView created = categories.create(name);
                return done(redirect, "admin.categories.created", created.name());
            } catch (Categories.NameTaken | DataIntegrityViolationException taken) {
                problem = "admin.error.name.taken";
            }
        }
        model.addAttribute("createName", name);
        model.addAttribute("createError", problem);
        response.setStatus(HttpStatus.BAD_REQUEST.value());
        return page(model);
    }

    /** Renames the category and names it in other languages (fields name_en, name_fr, ...; empty: the base name). */
    @PostMapping("/admin/categories/{id}")
    String rename(@PathVariable long id, @RequestParam(defaultValue = "") String name,
                  @RequestParam Map<String, String> parameters, HttpServletResponse response,
                  Model model, RedirectAttributes redirect) {
        existing(id);
        Map<String, String> translations = LocalNames.fromForm(parameters);
        String problem = problemWith(name);
        if (problem == null && LocalNames.problem(translations, MAX_NAME_LENGTH).isPresent()) {
            problem = "admin.error.name.tooLong";
        }
        if (problem == null) {
            try {
                Categories.CategoryView renamed = categories.rename(id, name, translations);
                return done(redirect, "admin.categories.renamed", renamed.name());
            } catch (Categories.NameTaken | DataIntegrityViolationException taken) {
                problem = "admin.error.name.taken";
            }
        }
        model.addAttribute("renameId", id);
        model.addAttribute("renameName", name);
        model.addAttribute("renameNames", translations);
        model.addAttribute("renameError", problem);
        response.setStatus(HttpStatus.BAD_REQUEST.value());
        return page(model);
    }

    @PostMapping("/admin/categories/{id}/retire")
    String retire(@PathVariable long id, RedirectAttributes redirect) {
        Categories.CategoryView category = existing(id);
        categories.retire(id);
        return done(redirect, "admin.categories.wasRetired", category.name());
    }

    @PostMapping("/admin/categories/{id}/reinstate")
    String reinstate(@PathVariable long id, RedirectAttributes redirect) {
        Categories.CategoryView category = existing(id);
        categories.reinstate(id);
        return done(redirect, "admin.categories.wasReinstated", category.name());
    }

    /** Resolving this category's tickets needs a second person's review ({@code required=true}), or no longer. */
    @PostMapping("/admin/categories/{id}/resolution-review")
    String resolutionReview(@PathVariable long id, @RequestParam boolean required, RedirectAttributes redirect) {
        Categories.CategoryView category = existing(id);
        categories.requireResolutionReview(id, required);
        return done(redirect, required ? "admin.categories.reviewRequired" : "admin.categories.reviewDropped", category.name());
    }

    private Categories.CategoryView existing(long id) {
        return categories.category(id).orElseThrow(() -> new NoSuchElementException("No category " + id));
    }

    private static String problemWith(String name) {
        if (name.isBlank()) {
            return "admin.error.name.required";
        }
        return name.strip().length() > MAX_NAME_LENGTH ? "admin.error.name.tooLong" : null;
    }

    private static String done(RedirectAttributes redirect, String message, String name) {
        redirect.addFlashAttribute("message", message);
        redirect.addFlashAttribute("messageArg", name);
        return "redirect:/admin/categories";
    }

    private String page(Model model) {
        model.addAttribute("categories", categories.all());
        return "admin/categories";
    }
}
