package org.regard.tickets.web;

import org.regard.accounts.AgentPrincipal;
import org.regard.tickets.ReplyTemplates;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The composer's template picker (htmx): renders the chosen template for the ticket in the customer's language and
 * returns the composer's text with it added after what the agent already wrote, plus a note saying which language
 * it is in (and when it fell back to the template's source language).
 */
@Controller
class TemplateInsertController {
    private final ReplyTemplates templates;

    TemplateInsertController(ReplyTemplates templates) {
        this.templates = templates;
    }

    @GetMapping("/tickets/{id}/template")
    String insert(@PathVariable long id, @RequestParam long template, @RequestParam(defaultValue = "") String body,
                  @AuthenticationPrincipal AgentPrincipal agent, Model model) {
        ReplyTemplates.Rendered rendered = templates.render(template, id, agent);
        String before = body.strip();
        model.addAttribute("insertedBody", before.isEmpty() ? rendered.body() : before + "\n\n" + rendered.body());
        model.addAttribute("language", rendered.language());
        model.addAttribute("fallback", rendered.fallback());
        return "tickets/template-insert :: inserted";
    }
}
