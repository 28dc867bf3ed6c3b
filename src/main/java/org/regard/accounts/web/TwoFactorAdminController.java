package org.regard.accounts.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.regard.accounts.Accounts;
import org.regard.accounts.AgentPrincipal;
import org.regard.accounts.AgentView;
import org.regard.accounts.TwoFactor;
import org.regard.accounts.TwoFactorPolicy;
import org.regard.accounts.TwoFactorRequirement;
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

/**
 * The admin's side of two-factor sign-in: who must use it (nobody, admins, everyone), and resetting an agent's second
 * factor when they lost it. Only admins reach {@code /admin/**}; the use cases check the role again.
 */
@Controller
class TwoFactorAdminController {
    private final TwoFactorPolicy policy;
    private final TwoFactor twoFactor;
    private final Accounts accounts;
    private final SignedInSessions sessions;

    TwoFactorAdminController(TwoFactorPolicy policy, TwoFactor twoFactor, Accounts accounts, SignedInSessions sessions) {
        this.policy = policy;
        this.twoFactor = twoFactor;
        this.accounts = accounts;
        this.sessions = sessions;
    }

    @GetMapping("/admin/security")
    String settings(Model model) {
        model.addAttribute("requirement", policy.requirement());
        model.addAttribute("requirements", List.of(TwoFactorRequirement.values()));
        return "admin/security";
    }

    @PostMapping("/admin/security")
    String change(@RequestParam(defaultValue = "") String requirement, @AuthenticationPrincipal AgentPrincipal admin,
                  HttpServletRequest request, HttpServletResponse response, Model model, RedirectAttributes redirect) {
        TwoFactorRequirement chosen = List.of(TwoFactorRequirement.values()).stream()
                .filter(r -> r.name().equals(requirement)).findFirst().orElse(null);
        String error = null;
        if (chosen == null) {
            error = "admin.security.error.choose";
        } else {
            try {
                policy.change(chosen, admin, request.getRemoteAddr());
            } catch (TwoFactorPolicy.EnrolFirst enrolFirst) {
                error = "admin.security.error.enrolFirst";
            }
        }
        if (error != null) {
            model.addAttribute("error", error);
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return settings(model);
        }
        redirect.addFlashAttribute("message", "admin.security.saved");
        return "redirect:/admin/security";
    }

    /** Removes the agent's second factor and ends their sessions: they sign in with the password next (and enrol, if required). */
    @PostMapping("/admin/agents/{id}/two-factor/reset")
    String reset(@PathVariable long id, @AuthenticationPrincipal AgentPrincipal admin, HttpServletRequest request,
                 RedirectAttributes redirect) {
        AgentView agent = accounts.agent(id).orElseThrow();
        twoFactor.reset(id, admin, request.getRemoteAddr());
        if (admin.id() != id) {
            sessions.endAllOf(agent.email());
        }
        redirect.addFlashAttribute("message", "admin.agents.twoFactorReset");
        redirect.addFlashAttribute("messageArg", agent.displayName());
        return "redirect:/admin/agents/" + id;
    }
}
