package org.regard.accounts.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.regard.accounts.AgentPrincipal;
import org.regard.accounts.TwoFactor;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.util.List;
import java.util.Optional;

/**
 * The signed-in agent's own two-factor sign-in: setting it up (the key, its QR code, then a code to confirm), new
 * recovery codes, turning it off. Recovery codes are shown on the answer that made them only.
 */
@Controller
class TwoFactorProfileController {
    private final TwoFactor twoFactor;

    TwoFactorProfileController(TwoFactor twoFactor) {
        this.twoFactor = twoFactor;
    }

    @GetMapping("/profile/two-factor")
    String enrolment(@AuthenticationPrincipal AgentPrincipal agent, Model model) {
        return enrolmentPage(agent, model);
    }

    @PostMapping("/profile/two-factor")
    String confirm(@RequestParam(defaultValue = "") String code, @AuthenticationPrincipal AgentPrincipal agent,
                   HttpServletRequest request, HttpServletResponse response, Model model) {
        Optional<List<String>> codes = twoFactor.confirm(agent.id(), agent.email(), code, request.getRemoteAddr());
        if (codes.isEmpty()) {
            model.addAttribute("codeError", "twoFactor.code.wrong");
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return enrolmentPage(agent, model);
        }
        return recoveryCodes(codes.get(), model);
    }

    @PostMapping("/profile/two-factor/recovery-codes")
    String newRecoveryCodes(@RequestParam(defaultValue = "") String code, @AuthenticationPrincipal AgentPrincipal agent,
                            Model model, RedirectAttributes redirect) {
        return twoFactor.newRecoveryCodes(agent.id(), code).map(codes -> recoveryCodes(codes, model)).orElseGet(() -> {
            redirect.addFlashAttribute("twoFactorError", "twoFactor.code.wrong");
            return "redirect:/profile#two-factor";
        });
    }

    @PostMapping("/profile/two-factor/disable")
    String disable(@RequestParam(defaultValue = "") String proof, @AuthenticationPrincipal AgentPrincipal agent,
                   HttpServletRequest request, RedirectAttributes redirect) {
        boolean done;
        try {
            done = twoFactor.disable(agent.id(), agent.email(), agent.role(), proof, request.getRemoteAddr());
        } catch (AccessDeniedException required) {
            redirect.addFlashAttribute("twoFactorError", "twoFactor.profile.required");
            return "redirect:/profile#two-factor";
        }
        if (!done) {
            redirect.addFlashAttribute("twoFactorError", "twoFactor.profile.disable.wrong");
            return "redirect:/profile#two-factor";
        }
        redirect.addFlashAttribute("message", "twoFactor.profile.disabled");
        return "redirect:/profile";
    }

    private String enrolmentPage(AgentPrincipal agent, Model model) {
        Optional<TwoFactor.Enrolment> enrolment = twoFactor.enrolment(agent.id(), agent.email());
        if (enrolment.isEmpty()) {
            return "redirect:/profile#two-factor";
        }
        model.addAttribute("enrolment", enrolment.get());
        model.addAttribute("confirmAction", "/profile/two-factor");
        model.addAttribute("duringSignIn", false);
        return "accounts/two-factor-enrol";
    }

    private static String recoveryCodes(List<String> codes, Model model) {
        model.addAttribute("recoveryCodes", codes);
        model.addAttribute("continueTo", "/profile#two-factor");
        return "accounts/two-factor-recovery";
    }
}
