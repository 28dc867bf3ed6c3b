package org.regard.accounts.web;

import org.regard.accounts.AgentPrincipal;
import org.regard.accounts.TwoFactor;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Puts the agent's two-factor status on the profile page (its card is a fragment of its own). */
@ControllerAdvice(assignableTypes = ProfileController.class)
class TwoFactorProfileModel {
    private final TwoFactor twoFactor;

    TwoFactorProfileModel(TwoFactor twoFactor) {
        this.twoFactor = twoFactor;
    }

    @ModelAttribute("twoFactor")
    TwoFactor.Status twoFactor(@AuthenticationPrincipal AgentPrincipal agent) {
        return agent == null ? null : twoFactor.status(agent.id(), agent.role());
    }
}
