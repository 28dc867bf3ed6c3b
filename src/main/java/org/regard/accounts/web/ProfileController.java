package org.regard.accounts.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.regard.accounts.Accounts;
import org.regard.accounts.AgentAdministration;
import org.regard.accounts.AgentPrincipal;
import org.regard.accounts.AgentView;
import org.regard.accounts.ApiTokens;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.util.List;
import java.util.NoSuchElementException;

/**
 * The signed-in agent's own page: page language, password and personal API tokens.
 */
@Controller
class ProfileController {
    /** The page languages Regard is translated into; an empty choice follows the browser. */
    static final List<String> PAGE_LANGUAGES = List.of("en", "fr", "de", "vi");
    static final int MAX_TOKEN_NAME_LENGTH = 100;

    private final Accounts accounts;
    private final AgentAdministration administration;
    private final ApiTokens tokens;
    private final SecurityContextHolderStrategy contextHolder = SecurityContextHolder.getContextHolderStrategy();
    private final SecurityContextRepository contexts = new HttpSessionSecurityContextRepository();

    ProfileController(Accounts accounts, AgentAdministration administration, ApiTokens tokens) {
        this.accounts = accounts;
        this.administration = administration;
        this.tokens = tokens;
    }

    @GetMapping("/profile")
    String profile(@AuthenticationPrincipal AgentPrincipal agent, Model model) {
        return page(agent, model);
    }

    @PostMapping("/profile/language")
    String changeLanguage(@RequestParam(defaultValue = "") String locale, @AuthenticationPrincipal AgentPrincipal agent,
                          HttpServletRequest request, HttpServletResponse response, Model model,
                          RedirectAttributes redirect) {
        if (!locale.isEmpty() && !PAGE_LANGUAGES.contains(locale)) {
            model.addAttribute("localeError", "profile.language.error");
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return page(agent, model);
        }
        String chosen = locale.isEmpty() ? null : locale;
        administration.changeLocale(agent.id(), chosen);
        signInAgainAs(agent.withLocale(chosen), request, response);
        redirect.addFlashAttribute("message", "profile.language.saved");
        return "redirect:/profile";
    }

    @PostMapping("/profile/password")
    String changePassword(@ModelAttribute("passwordForm") PasswordForm form, BindingResult errors,
                          @AuthenticationPrincipal AgentPrincipal agent, HttpServletResponse response, Model model,
                          RedirectAttributes redirect) {
        form.validate(errors);
        if (!errors.hasErrors() && !administration.changePassword(agent.id(), form.getCurrentPassword(), form.getNewPassword())) {
            errors.rejectValue("currentPassword", "profile.password.error.wrong");
        }
        if (errors.hasErrors()) {
            form.forget();
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return page(agent, model);
        }
        redirect.addFlashAttribute("message", "profile.password.saved");
        return "redirect:/profile";
    }

    /**
     * Creates a token and shows its secret on this answer only: it is not stored, not put in a redirect
     * URL or the session, and not logged. Reloading this page does not show it again.
     */
    @PostMapping("/profile/tokens")
    String createToken(@RequestParam(defaultValue = "") String name, @AuthenticationPrincipal AgentPrincipal agent,
                       HttpServletResponse response, Model model) {
        String problem = name.isBlank() ? "profile.tokens.error.name"
                : name.strip().length() > MAX_TOKEN_NAME_LENGTH ? "profile.tokens.error.tooLong" : null;
        if (problem != null) {
            model.addAttribute("tokenName", name);
            model.addAttribute("tokenError", problem);
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return page(agent, model);
        }
        model.addAttribute("createdToken", tokens.create(agent.id(), name));
        return page(agent, model);
    }

    @PostMapping("/profile/tokens/{id}/revoke")
    String revokeToken(@PathVariable long id, @AuthenticationPrincipal AgentPrincipal agent, RedirectAttributes redirect) {
        if (!tokens.revoke(agent.id(), id)) {
            throw new NoSuchElementException("Agent " + agent.id() + " has no token " + id);
        }
        redirect.addFlashAttribute("message", "profile.tokens.revoked");
        return "redirect:/profile#tokens";
    }

    /**
     * Replaces the signed-in principal in this request and in the session, so the next page already
     * uses what changed (the page language is read from the principal).
     */
    private void signInAgainAs(AgentPrincipal updated, HttpServletRequest request, HttpServletResponse response) {
        Authentication current = contextHolder.getContext().getAuthentication();
        UsernamePasswordAuthenticationToken replacement =
                UsernamePasswordAuthenticationToken.authenticated(updated, null, updated.getAuthorities());
        replacement.setDetails(current == null ? null : current.getDetails());
        SecurityContext context = contextHolder.createEmptyContext();
        context.setAuthentication(replacement);
        contextHolder.setContext(context);
        contexts.saveContext(context, request, response);
    }

    private String page(AgentPrincipal agent, Model model) {
        AgentView me = accounts.agent(agent.id()).orElseThrow();
        var teamNames = accounts.teamNames();
        model.addAttribute("me", me);
        model.addAttribute("myTeams", me.teamIds().stream().map(teamNames::get).filter(java.util.Objects::nonNull).sorted().toList());
        model.addAttribute("pageLanguages", PAGE_LANGUAGES);
        model.addAttribute("minPasswordLength", AgentAdministration.MIN_PASSWORD_LENGTH);
        model.addAttribute("tokens", tokens.activeTokensOf(agent.id()));
        if (!model.containsAttribute("passwordForm")) {
            model.addAttribute("passwordForm", new PasswordForm());
        }
        return "accounts/profile";
    }
}
