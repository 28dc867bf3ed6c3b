package org.regard.accounts.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.regard.accounts.Accounts;
import org.regard.accounts.AgentAdministration;
import org.regard.accounts.AgentPrincipal;
import org.regard.accounts.AgentView;
import org.regard.accounts.ApiTokens;
import org.regard.accounts.PasswordChange;
import org.regard.accounts.PasswordPolicy;
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
    private final PasswordPolicy passwordPolicy;
    private final PasswordChange passwords;
    private final org.regard.accounts.TimeZones zones;
    private final SecurityContextHolderStrategy contextHolder = SecurityContextHolder.getContextHolderStrategy();
    private final SecurityContextRepository contexts = new HttpSessionSecurityContextRepository();

    ProfileController(Accounts accounts, AgentAdministration administration, ApiTokens tokens,
                      PasswordPolicy passwordPolicy, PasswordChange passwords, org.regard.accounts.TimeZones zones) {
        this.zones = zones;
        this.accounts = accounts;
        this.administration = administration;
        this.tokens = tokens;
        this.passwordPolicy = passwordPolicy;
        this.passwords = passwords;
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

    /** The zone the agent's pages show times in (empty: their first team's, else the desk's); an unknown one is a 400. */
    @PostMapping("/profile/time-zone")
    String changeTimeZone(@RequestParam(defaultValue = "") String timeZone, @AuthenticationPrincipal AgentPrincipal agent,
                          HttpServletResponse response, Model model, RedirectAttributes redirect) {
        try {
            administration.changeTimeZone(agent.id(), agent.id(), timeZone);
        } catch (org.regard.accounts.TimeZones.Unknown unknown) {
            model.addAttribute("zoneError", "profile.zone.error");
            model.addAttribute("zoneValue", timeZone);
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return page(agent, model);
        }
        redirect.addFlashAttribute("message", "profile.zone.saved");
        return "redirect:/profile";
    }

    /**
     * Changes the agent's password. The agent's other sessions end (on every node) and this one gets a new id; the
     * page says so. API tokens keep working (see {@link PasswordChange}).
     */
    @PostMapping("/profile/password")
    String changePassword(@ModelAttribute("passwordForm") PasswordForm form, BindingResult errors,
                          @AuthenticationPrincipal AgentPrincipal agent, HttpServletRequest request,
                          HttpServletResponse response, Model model, RedirectAttributes redirect) {
        AgentView me = accounts.agent(agent.id()).orElseThrow();
        form.validate(errors, passwordPolicy, me.email(), me.displayName());
        if (!errors.hasErrors()) {
            try {
                var session = request.getSession(false);
                var result = passwords.byAgent(agent.id(), form.getCurrentPassword(), form.getNewPassword(),
                        session == null ? null : session.getId(), request.getRemoteAddr());
                switch (result.outcome()) {
                    case WRONG_CURRENT_PASSWORD -> errors.rejectValue("currentPassword", "profile.password.error.wrong");
                    case WAIT -> errors.rejectValue("currentPassword", "login.wait");
                    case CHANGED -> { }
                }
            } catch (AgentAdministration.WeakPassword weak) {
                errors.rejectValue("newPassword", weak.problem().messageKey(), weak.problem().messageArguments(), null);
            }
        }
        if (errors.hasErrors()) {
            form.forget();
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return page(agent, model);
        }
        // whoever may have learnt this session's id along with the old password cannot use it any more
        request.changeSessionId();
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
        model.addAttribute("zoneChoices", org.regard.accounts.TimeZones.choices());
        model.addAttribute("zoneInUse", zones.ofAgent(agent.id()).getId());
        model.addAttribute("minPasswordLength", PasswordPolicy.MIN_LENGTH);
        model.addAttribute("maxPasswordLength", PasswordPolicy.MAX_LENGTH);
        model.addAttribute("tokens", tokens.activeTokensOf(agent.id()));
        if (!model.containsAttribute("passwordForm")) {
            model.addAttribute("passwordForm", new PasswordForm());
        }
        return "accounts/profile";
    }
}
