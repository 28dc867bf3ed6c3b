package org.regard.accounts.web;

import jakarta.servlet.http.HttpServletResponse;
import org.regard.accounts.Accounts;
import org.regard.accounts.AgentAdministration;
import org.regard.accounts.AgentPrincipal;
import org.regard.accounts.AgentView;
import org.regard.accounts.Role;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.util.List;

/**
 * The admin's pages for agents: the list, creating an agent, editing one, deactivating and reactivating.
 * Only admins reach {@code /admin/**} (see the web security chain).
 */
@Controller
class AgentAdminController {
    private final Accounts accounts;
    private final AgentAdministration administration;
    private final SignedInSessions sessions;

    AgentAdminController(Accounts accounts, AgentAdministration administration, SignedInSessions sessions) {
        this.accounts = accounts;
        this.administration = administration;
        this.sessions = sessions;
    }

    @GetMapping("/admin/agents")
    String list(Model model) {
        model.addAttribute("agents", accounts.agents());
        model.addAttribute("teamNames", accounts.teamNames());
        return "admin/agents";
    }

    @GetMapping("/admin/agents/new")
    String newAgent(Model model) {
        model.addAttribute("agentForm", new AgentForm());
        return formPage(null, model);
    }

    @PostMapping("/admin/agents")
    String create(@ModelAttribute("agentForm") AgentForm form, BindingResult errors,
                  HttpServletResponse response, Model model, RedirectAttributes redirect) {
        form.validateNew(errors);
        if (!errors.hasErrors()) {
            try {
                AgentView created = administration.create(form.toNewAgent());
                redirect.addFlashAttribute("message", "admin.agents.created");
                redirect.addFlashAttribute("messageArg", created.displayName());
                return "redirect:/admin/agents";
            } catch (AgentAdministration.EmailTaken | DataIntegrityViolationException taken) {
                // a DataIntegrityViolationException here means another admin created the same address a moment ago
                errors.rejectValue("email", "admin.error.email.taken");
            }
        }
        // the password is never sent back to the browser
        form.setPassword("");
        response.setStatus(HttpStatus.BAD_REQUEST.value());
        return formPage(null, model);
    }

    @GetMapping("/admin/agents/{id}")
    String edit(@PathVariable long id, Model model) {
        AgentView agent = accounts.agent(id).orElseThrow();
        model.addAttribute("agentForm", AgentForm.of(agent));
        return formPage(agent, model);
    }

    @PostMapping("/admin/agents/{id}")
    String update(@PathVariable long id, @ModelAttribute("agentForm") AgentForm form, BindingResult errors,
                  @AuthenticationPrincipal AgentPrincipal me, HttpServletResponse response, Model model,
                  RedirectAttributes redirect) {
        AgentView agent = accounts.agent(id).orElseThrow();
        form.validateChanges(errors);
        if (me.id() == id && form.getRole() != agent.role()) {
            errors.rejectValue("role", "admin.error.role.own");
        }
        if (errors.hasErrors()) {
            form.setEmail(agent.email());
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return formPage(agent, model);
        }
        AgentView updated;
        try {
            updated = administration.change(me.id(), id, form.toChanges());
        } catch (AgentAdministration.LastAdmin last) {
            errors.rejectValue("role", "admin.error.lastAdmin");
            form.setEmail(agent.email());
            response.setStatus(HttpStatus.CONFLICT.value());
            return formPage(agent, model);
        }
        if (updated.role() != agent.role()) {
            // the agent's sessions still carry the old role
            sessions.endAllOf(agent.email());
        }
        redirect.addFlashAttribute("message", "admin.agents.saved");
        redirect.addFlashAttribute("messageArg", updated.displayName());
        return "redirect:/admin/agents";
    }

    @PostMapping("/admin/agents/{id}/deactivate")
    String deactivate(@PathVariable long id, @AuthenticationPrincipal AgentPrincipal me,
                      HttpServletResponse response, Model model, RedirectAttributes redirect) {
        AgentView agent = accounts.agent(id).orElseThrow();
        try {
            administration.deactivate(id, me);
        } catch (AgentAdministration.SelfDeactivation | AgentAdministration.LastAdmin refused) {
            model.addAttribute("agentForm", AgentForm.of(agent));
            boolean last = refused instanceof AgentAdministration.LastAdmin;
            model.addAttribute("error", last ? "admin.error.lastAdmin" : "admin.error.deactivateSelf");
            response.setStatus(last ? HttpStatus.CONFLICT.value() : HttpStatus.BAD_REQUEST.value());
            return formPage(agent, model);
        }
        sessions.endAllOf(agent.email());
        redirect.addFlashAttribute("message", "admin.agents.deactivated");
        redirect.addFlashAttribute("messageArg", agent.displayName());
        return "redirect:/admin/agents";
    }

    @PostMapping("/admin/agents/{id}/activate")
    String activate(@PathVariable long id, RedirectAttributes redirect) {
        AgentView agent = accounts.agent(id).orElseThrow();
        administration.activate(id);
        redirect.addFlashAttribute("message", "admin.agents.activated");
        redirect.addFlashAttribute("messageArg", agent.displayName());
        return "redirect:/admin/agents";
    }

    /** The form page: for a new agent when {@code agent} is null, else for editing that agent. */
    private String formPage(AgentView agent, Model model) {
        model.addAttribute("agent", agent);
        model.addAttribute("teams", accounts.teams());
        model.addAttribute("roles", List.of(Role.AGENT, Role.LEAD, Role.ADMIN));
        model.addAttribute("languages", AgentForm.LANGUAGES);
        model.addAttribute("minPasswordLength", AgentAdministration.MIN_PASSWORD_LENGTH);
        return "admin/agent";
    }
}
