package org.regard.accounts.web;

import org.regard.accounts.TwoFactor;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;

/** Tells the admin's agent page whether the agent has two-factor sign-in (to offer resetting it). */
@ControllerAdvice(assignableTypes = AgentAdminController.class)
class TwoFactorAgentModel {
    private final TwoFactor twoFactor;

    TwoFactorAgentModel(TwoFactor twoFactor) {
        this.twoFactor = twoFactor;
    }

    @ModelAttribute("agentTwoFactor")
    Boolean agentTwoFactor(@PathVariable(name = "id", required = false) Long id) {
        return id != null && twoFactor.isEnabled(id);
    }
}
