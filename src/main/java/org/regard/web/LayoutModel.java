package org.regard.web;

import org.regard.accounts.AgentPrincipal;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** What every page's layout needs: who is signed in. */
@ControllerAdvice(annotations = org.springframework.stereotype.Controller.class)
class LayoutModel {

    @ModelAttribute("currentAgent")
    AgentPrincipal currentAgent(@AuthenticationPrincipal AgentPrincipal agent) {
        return agent;
    }
}
