package org.regard.customers.web;

import jakarta.servlet.http.HttpServletResponse;
import org.regard.customers.TierNames;
import org.regard.text.LocalNames;
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
 * The admin's page for service tiers: the configured tiers ({@code regard.tiers}) and what each is called in each page
 * language. Only admins reach {@code /admin/**} (see the web security chain).
 */
@Controller
class TierAdminController {
    private final TierNames tiers;

    TierAdminController(TierNames tiers) {
        this.tiers = tiers;
    }

    @GetMapping("/admin/tiers")
    String list(Model model) {
        return page(model);
    }

    /** Names the tier in each language (fields name_en, name_fr, ...; empty: the tier's key is shown). */
    @PostMapping("/admin/tiers/{key}")
    String rename(@PathVariable String key, @RequestParam Map<String, String> parameters, HttpServletResponse response,
                  Model model, RedirectAttributes redirect) {
        if (!tiers.isConfigured(key)) {
            throw new NoSuchElementException("No tier " + key);
        }
        Map<String, String> names = LocalNames.fromForm(parameters);
        if (names == null) {
            return "redirect:/admin/tiers";
        }
        if (LocalNames.problem(names, TierNames.MAX_NAME).isEmpty()) {
            tiers.rename(key, names);
            redirect.addFlashAttribute("message", "admin.tiers.saved");
            redirect.addFlashAttribute("messageArg", key);
            return "redirect:/admin/tiers";
        }
        model.addAttribute("failedKey", key);
        model.addAttribute("failedNames", names);
        response.setStatus(HttpStatus.BAD_REQUEST.value());
        return page(model);
    }

    private String page(Model model) {
        model.addAttribute("tiers", tiers.all());
        return "customers/tiers";
    }
}
