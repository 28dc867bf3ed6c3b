package org.regard.review.web;

import jakarta.servlet.http.HttpServletResponse;
import org.regard.accounts.Accounts;
import org.regard.accounts.AgentPrincipal;
import org.regard.accounts.TeamView;
import org.regard.customers.Customers;
import org.regard.review.ReviewRule;
import org.regard.review.ReviewRuleDraft;
import org.regard.review.ReviewRuleInvalid;
import org.regard.review.ReviewRuleKind;
import org.regard.review.ReviewRules;
import org.regard.tickets.Categories;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * The administrator's pages for review rules: the list (with switching a rule off or on and deleting it), a new rule
 * and changing one. Only admins reach {@code /admin/**} (the web security chain); the use cases check the role again.
 * Categories, organizations and teams are chosen from lists; a customer by their number (the one in the customer
 * page's address), shown with their name once saved.
 */
@Controller
class ReviewRuleAdminController {
    private final ReviewRules rules;
    private final Categories categories;
    private final Customers customers;
    private final Accounts accounts;
    private final MessageSource messages;

    ReviewRuleAdminController(ReviewRules rules, Categories categories, Customers customers, Accounts accounts,
                              MessageSource messages) {
        this.rules = rules;
        this.categories = categories;
        this.customers = customers;
        this.accounts = accounts;
        this.messages = messages;
    }

    /** What the form holds, as typed (so a refused form comes back as it was sent). */
    record Form(String kind, String category, String customer, String organization, String words, String team, boolean active) {
        static Form blank() {
            return new Form("words", "", "", "", "", "", true);
        }

        static Form of(ReviewRule r) {
            String target = r.targetId() == null ? "" : String.valueOf(r.targetId());
            return new Form(r.kind().code(), r.kind() == ReviewRuleKind.CATEGORY ? target : "",
                    r.kind() == ReviewRuleKind.CUSTOMER ? target : "", r.kind() == ReviewRuleKind.ORGANIZATION ? target : "",
                    String.join("\n", r.words()), r.teamId() == null ? "" : String.valueOf(r.teamId()), r.active());
        }

        /** The draft, or the field that is not a number. */
        ReviewRuleDraft draft() {
            String target = switch (ReviewRuleKind.parse(kind).orElse(ReviewRuleKind.WORDS)) {
                case CATEGORY -> category;
                case CUSTOMER -> customer;
                case ORGANIZATION -> organization;
                case WORDS -> "";
            };
            return new ReviewRuleDraft(kind, number("target", target), words == null ? List.of() : List.of(words),
                    number("team", team), active);
        }

        private Long number(String field, String value) {
            if (value == null || value.isBlank()) {
                return null;
            }
            try {
                return Long.valueOf(value.strip());
            } catch (NumberFormatException e) {
                throw new ReviewRuleInvalid(field, "is not a number", "review.rules.error.number");
            }
        }

        /** The form field a problem is shown at. */
        String fieldOf(String problemField) {
            if (problemField.startsWith("words")) {
                return "words";
            }
            if (problemField.equals("target")) {
                return ReviewRuleKind.parse(kind).map(ReviewRuleKind::code).orElse("kind");
            }
            return problemField;
        }
    }

    @GetMapping("/admin/review-rules")
    String list(Model model) {
        List<ReviewRule> all = rules.all();
        model.addAttribute("rules", all);
        model.addAttribute("teamNames", teamNames());
        model.addAttribute("categoryNames", categories.all().stream()
                .collect(Collectors.toMap(Categories.CategoryView::id, Categories.CategoryView::name)));
        model.addAttribute("customerNames", customers.namesOf(all.stream()
                .filter(r -> r.kind() == ReviewRuleKind.CUSTOMER).map(ReviewRule::targetId).toList()));
        model.addAttribute("organizationNames", all.stream().anyMatch(r -> r.kind() == ReviewRuleKind.ORGANIZATION)
                ? customers.organizations().stream().collect(Collectors.toMap(Customers.OrganizationView::id,
                Customers.OrganizationView::name)) : Map.of());
        return "review/rules";
    }

    @GetMapping("/admin/review-rules/new")
    String blank(Model model) {
        return form(Form.blank(), null, model);
    }

    @PostMapping("/admin/review-rules")
    String create(@RequestParam(defaultValue = "") String kind, @RequestParam(defaultValue = "") String category,
                  @RequestParam(defaultValue = "") String customer, @RequestParam(defaultValue = "") String organization,
                  @RequestParam(defaultValue = "") String words, @RequestParam(defaultValue = "") String team,
                  @RequestParam(defaultValue = "false") boolean active, @AuthenticationPrincipal AgentPrincipal agent,
                  Locale locale, Model model, HttpServletResponse response, RedirectAttributes redirect) {
        Form form = new Form(kind, category, customer, organization, words, team, active);
        try {
            ReviewRule created = rules.create(form.draft(), agent);
            return done(redirect, "review.rules.created", created.id());
        } catch (ReviewRuleInvalid invalid) {
            return refused(form, null, invalid, locale, model, response);
        }
    }

    @GetMapping("/admin/review-rules/{id}")
    String edit(@PathVariable long id, Model model) {
        ReviewRule rule = existing(id);
        return form(Form.of(rule), rule, model);
    }

    @PostMapping("/admin/review-rules/{id}")
    String update(@PathVariable long id, @RequestParam(defaultValue = "") String kind,
                  @RequestParam(defaultValue = "") String category, @RequestParam(defaultValue = "") String customer,
                  @RequestParam(defaultValue = "") String organization, @RequestParam(defaultValue = "") String words,
                  @RequestParam(defaultValue = "") String team, @RequestParam(defaultValue = "false") boolean active,
                  @AuthenticationPrincipal AgentPrincipal agent, Locale locale, Model model, HttpServletResponse response,
                  RedirectAttributes redirect) {
        ReviewRule rule = existing(id);
        Form form = new Form(kind, category, customer, organization, words, team, active);
        try {
            rules.update(id, form.draft(), agent);
            return done(redirect, "review.rules.saved", id);
        } catch (ReviewRuleInvalid invalid) {
            return refused(form, rule, invalid, locale, model, response);
        }
    }

    @PostMapping("/admin/review-rules/{id}/active")
    String activate(@PathVariable long id, @RequestParam boolean active, @AuthenticationPrincipal AgentPrincipal agent,
                    RedirectAttributes redirect) {
        existing(id);
        rules.activate(id, active, agent);
        return done(redirect, active ? "review.rules.switchedOn" : "review.rules.switchedOff", id);
    }

    @PostMapping("/admin/review-rules/{id}/delete")
    String delete(@PathVariable long id, @AuthenticationPrincipal AgentPrincipal agent, RedirectAttributes redirect) {
        existing(id);
        rules.delete(id, agent);
        return done(redirect, "review.rules.deleted", id);
    }

    private ReviewRule existing(long id) {
        // PageErrors answers 404
        return rules.rule(id).orElseThrow(() -> new NoSuchElementException("No review rule " + id));
    }

    private String refused(Form form, ReviewRule rule, ReviewRuleInvalid invalid, Locale locale, Model model,
                           HttpServletResponse response) {
        response.setStatus(HttpStatus.BAD_REQUEST.value());
        model.addAttribute("errorField", form.fieldOf(invalid.field()));
        model.addAttribute("errorMessage", messages.getMessage(invalid.code(), invalid.arguments().toArray(), locale));
        return form(form, rule, model);
    }

    private String form(Form form, ReviewRule rule, Model model) {
        model.addAttribute("form", form);
        model.addAttribute("rule", rule);
        model.addAttribute("kinds", List.of(ReviewRuleKind.values()));
        model.addAttribute("categories", categories.all().stream()
                .filter(c -> c.active() || Objects.equals(form.category(), String.valueOf(c.id()))).toList());
        model.addAttribute("organizations", customers.organizations());
        model.addAttribute("teams", accounts.teams());
        model.addAttribute("customerName", customerName(form.customer()));
        model.addAttribute("maxWords", ReviewRules.MAX_WORDS);
        model.addAttribute("maxWord", ReviewRules.MAX_WORD);
        return "review/rule";
    }

    private String customerName(String id) {
        try {
            return id == null || id.isBlank() ? null : customers.namesOf(List.of(Long.valueOf(id.strip()))).get(Long.valueOf(id.strip()));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private Map<Long, String> teamNames() {
        return accounts.teams().stream().collect(Collectors.toMap(TeamView::id, TeamView::name, (a, b) -> a));
    }

    private static String done(RedirectAttributes redirect, String message, long id) {
        redirect.addFlashAttribute("message", message);
        redirect.addFlashAttribute("messageArg", id);
        return "redirect:/admin/review-rules";
    }
}
