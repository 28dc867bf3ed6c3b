package org.regard.accounts;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.regard.audit.AuditAction;
import org.regard.audit.AuditLog;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import java.util.List;
import java.util.Optional;

/**
 * The second step of signing in: the code (or a recovery code) of an agent with two-factor sign-in, or the enrolment
 * of an agent who must use it and has not set it up. Reachable without being signed in, and useful only to a session
 * whose password step left a pending sign-in (see {@link TwoFactorSignIn}); anyone else is sent to the sign-in page.
 * <p>
 * Wrong codes are audited; after {@value TwoFactorSignIn#MAX_WRONG_CODES} wrong codes the sign-in starts again from the
 * password, and wrong codes are also counted per agent in the database (see {@link TwoFactor#check}).
 */
@Controller
class TwoFactorSignInController {
    static final String TOO_MANY_WRONG_CODES = "/login?code-failed";

    private final TwoFactorSignIn signIn;
    private final TwoFactor twoFactor;
    private final AuditLog audit;

    TwoFactorSignInController(TwoFactorSignIn signIn, TwoFactor twoFactor, AuditLog audit) {
        this.signIn = signIn;
        this.twoFactor = twoFactor;
        this.audit = audit;
    }

    @GetMapping(TwoFactorSignIn.CODE_PAGE)
    String codePage(HttpServletRequest request) {
        return signIn.pending(request, TwoFactor.NextStep.CODE).isPresent() ? "accounts/two-factor-code" : "redirect:/login";
    }

    @PostMapping(TwoFactorSignIn.CODE_PAGE)
    String code(@RequestParam(defaultValue = "") String code, HttpServletRequest request, HttpServletResponse response,
                Model model) {
        Optional<TwoFactorSignIn.Pending> pending = signIn.pending(request, TwoFactor.NextStep.CODE);
        if (pending.isEmpty()) {
            return "redirect:/login";
        }
        TwoFactor.Check check = twoFactor.check(pending.get().agentId(), pending.get().email(), code, request.getRemoteAddr());
        if (check == TwoFactor.Check.LOCKED) {
            signIn.abandon(request);
            return "redirect:" + TOO_MANY_WRONG_CODES;
        }
        if (check == TwoFactor.Check.WRONG) {
            return wrongCode(pending.get(), request, response, model, "accounts/two-factor-code");
        }
        return signIn.complete(request, response, pending.get()).map(target -> "redirect:" + target).orElse("redirect:/login");
    }

    @GetMapping(TwoFactorSignIn.ENROL_PAGE)
    String enrolPage(HttpServletRequest request, Model model) {
        Optional<TwoFactorSignIn.Pending> pending = signIn.pending(request, TwoFactor.NextStep.ENROL);
        if (pending.isEmpty()) {
            return "redirect:/login";
        }
        return enrolment(pending.get(), model);
    }

    @PostMapping(TwoFactorSignIn.ENROL_PAGE)
    String enrol(@RequestParam(defaultValue = "") String code, HttpServletRequest request, HttpServletResponse response,
                 Model model) {
        Optional<TwoFactorSignIn.Pending> pending = signIn.pending(request, TwoFactor.NextStep.ENROL);
        if (pending.isEmpty()) {
            return "redirect:/login";
        }
        Optional<List<String>> codes = twoFactor.confirm(pending.get().agentId(), pending.get().email(), code, request.getRemoteAddr());
        if (codes.isEmpty()) {
            audit.record(AuditAction.SIGN_IN_FAILED, pending.get().agentId(), pending.get().email(), "agent",
                    pending.get().agentId(), "Wrong code while setting up the required two-factor sign-in", request.getRemoteAddr());
            enrolment(pending.get(), model);
            return wrongCode(pending.get(), request, response, model, "accounts/two-factor-enrol");
        }
        Optional<String> next = signIn.complete(request, response, pending.get());
        if (next.isEmpty()) {
            return "redirect:/login";
        }
        model.addAttribute("recoveryCodes", codes.get());
        model.addAttribute("continueTo", next.get());
        return "accounts/two-factor-recovery";
    }

    private String enrolment(TwoFactorSignIn.Pending pending, Model model) {
        Optional<TwoFactor.Enrolment> enrolment = twoFactor.enrolment(pending.agentId(), pending.email());
        if (enrolment.isEmpty()) {
            return "redirect:/login";
        }
        model.addAttribute("enrolment", enrolment.get());
        model.addAttribute("confirmAction", TwoFactorSignIn.ENROL_PAGE);
        model.addAttribute("duringSignIn", true);
        return "accounts/two-factor-enrol";
    }

    private String wrongCode(TwoFactorSignIn.Pending pending, HttpServletRequest request, HttpServletResponse response,
                             Model model, String page) {
        if (!signIn.wrongCode(request, pending)) {
            return "redirect:" + TOO_MANY_WRONG_CODES;
        }
        model.addAttribute("codeError", "twoFactor.code.wrong");
        response.setStatus(HttpStatus.BAD_REQUEST.value());
        return page;
    }
}
