package org.regard.gestures.web;

import jakarta.servlet.http.HttpServletResponse;
import org.regard.accounts.Accounts;
import org.regard.accounts.AgentPrincipal;
import org.regard.accounts.AgentView;
import org.regard.gestures.GestureForbidden;
import org.regard.gestures.GestureInvalid;
import org.regard.gestures.GestureKind;
import org.regard.gestures.GestureLimit;
import org.regard.gestures.Gestures;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The gesture limits page ({@code /gestures/limits}) for administrators and leads: the limits they may see, a form to
 * set one for a team they lead or an agent of such a team, and a button to remove one. Plain agents get 403.
 */
@Controller
class LimitController {
    private final Gestures gestures;
    private final Accounts accounts;
    private final MessageSource messages;

    LimitController(Gestures gestures, Accounts accounts, MessageSource messages) {
        this.gestures = gestures;
        this.accounts = accounts;
        this.messages = messages;
    }

    /** The limit form as sent: owner is {@code team:ID} or {@code agent:ID}. */
    record Form(String owner, String kind, String currency, String perGesture, String perMonth) {
    }

    /** A limit as listed: whose it is, in words. */
    record Row(GestureLimit limit, String ownerName, boolean team) {
    }

    /** A choice of the owner select. */
    record Owner(String value, String name) {
    }

    @GetMapping("/gestures/limits")
    String show(@AuthenticationPrincipal AgentPrincipal agent, Model model) {
        requireLeader(agent);
        return render(new Form("", GestureKind.VOUCHER.key(), gestures.defaultCurrency(List.of()), "", ""), null, agent, model);
    }

    @PostMapping("/gestures/limits")
    String set(@RequestParam(defaultValue = "") String owner, @RequestParam(required = false) String kind,
               @RequestParam(required = false) String currency, @RequestParam(required = false) String perGesture,
               @RequestParam(required = false) String perMonth, @AuthenticationPrincipal AgentPrincipal agent,
               Locale locale, Model model, HttpServletResponse response, RedirectAttributes redirect) {
        requireLeader(agent);
        Form form = new Form(owner, kind, currency, perGesture, perMonth);
        try {
            Long team = owner.startsWith("team:") ? id(owner.substring(5)) : null;
            Long agentId = owner.startsWith("agent:") ? id(owner.substring(6)) : null;
            if (team == null && agentId == null) {
                throw new GestureInvalid("owner", "is required", "gestures.error.required");
            }
            gestures.setLimit(new Gestures.LimitChange(team, agentId, kind, currency, amount(perGesture, "perGesture", true),
                    amount(perMonth, "perMonth", false)), agent);
            redirect.addFlashAttribute("limitSaved", true);
            return "redirect:/gestures/limits";
        } catch (GestureInvalid invalid) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("errorField", invalid.field());
            return render(form, messages.getMessage(invalid.code(), invalid.arguments().toArray(), locale), agent, model);
        } catch (GestureForbidden forbidden) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN);
        }
    }

    @PostMapping("/gestures/limits/{id}/delete")
    String remove(@PathVariable long id, @AuthenticationPrincipal AgentPrincipal agent, RedirectAttributes redirect) {
        requireLeader(agent);
        try {
            gestures.removeLimit(id, agent);
        } catch (GestureForbidden forbidden) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN);
        } catch (org.regard.gestures.GestureNotFound gone) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        redirect.addFlashAttribute("limitRemoved", true);
        return "redirect:/gestures/limits";
    }

    private String render(Form form, String error, AgentPrincipal agent, Model model) {
        Map<Long, String> teamNames = accounts.teamNames();
        List<GestureLimit> limits = gestures.limits(agent);
        Map<Long, AgentView> agents = accounts.agentsById(limits.stream().map(GestureLimit::agentId)
                .filter(java.util.Objects::nonNull).distinct().toList());
        List<Row> rows = limits.stream().map(l -> l.teamId() != null
                ? new Row(l, teamNames.getOrDefault(l.teamId(), "#" + l.teamId()), true)
                : new Row(l, agents.containsKey(l.agentId()) ? agents.get(l.agentId()).displayName() : "#" + l.agentId(), false))
                .toList();
        List<Owner> teams = new ArrayList<>();
        Map<Long, Owner> members = new LinkedHashMap<>();
        for (Long teamId : gestures.teamsLed(agent).stream().sorted(Comparator.comparing(t -> teamNames.getOrDefault(t, ""))).toList()) {
            teams.add(new Owner("team:" + teamId, teamNames.getOrDefault(teamId, "#" + teamId)));
            for (AgentView member : accounts.activeMembersOf(teamId)) {
                members.putIfAbsent(member.id(), new Owner("agent:" + member.id(), member.displayName()));
            }
        }
        model.addAttribute("rows", rows);
        model.addAttribute("teamOwners", teams);
        model.addAttribute("agentOwners", members.values().stream().sorted(Comparator.comparing(Owner::name)).toList());
        model.addAttribute("kinds", GestureKind.values());
        model.addAttribute("form", form);
        model.addAttribute("error", error);
        return "gestures/limits";
    }

    private void requireLeader(AgentPrincipal agent) {
        if (!gestures.maySetLimits(agent)) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN);
        }
    }

    private static Long id(String text) {
        try {
            return Long.valueOf(text.strip());
        } catch (NumberFormatException e) {
            throw new GestureInvalid("owner", "is not a team or an agent", "gestures.error.owner");
        }
    }

    private static BigDecimal amount(String text, String field, boolean required) {
        if (text == null || text.isBlank()) {
            if (required) {
                throw new GestureInvalid(field, "is required", "gestures.error.required");
            }
            return null;
        }
        try {
            return new BigDecimal(text.strip().replace(',', '.'));
        } catch (NumberFormatException e) {
            throw new GestureInvalid(field, "must be a number such as 12.50", "gestures.error.number");
        }
    }
}
