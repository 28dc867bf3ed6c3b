package org.regard.tickets.web;

import org.regard.accounts.AgentPrincipal;
import org.regard.accounts.TeamAccess;
import org.regard.tickets.Categories;
import org.regard.tickets.InvalidInput;
import org.regard.tickets.RootCauses;
import org.regard.tickets.TicketAccess;
import org.regard.tickets.TicketForbidden;
import org.regard.tickets.TicketQueries;
import org.regard.tickets.TicketQueries.TicketDetail;
import org.regard.tickets.Tickets;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.util.Arrays;
import java.util.List;

/**
 * A ticket's whole touch history on one screen, with its budget and the place where a team lead notes the root
 * cause; and the page where leads and administrators set the touch budgets and their teams' root causes.
 */
@Controller
class TouchesController {
    private final TicketQueries queries;
    private final Tickets tickets;
    private final RootCauses causes;
    private final Categories categories;
    private final TicketAccess access;
    private final TeamAccess teams;
    private final org.regard.accounts.Accounts accounts;
    private final org.regard.tickets.TicketRelations relations;

    TouchesController(TicketQueries queries, Tickets tickets, RootCauses causes, Categories categories, TicketAccess access,
                      TeamAccess teams, org.regard.accounts.Accounts accounts, org.regard.tickets.TicketRelations relations) {
        this.relations = relations;
        this.queries = queries;
        this.tickets = tickets;
        this.causes = causes;
        this.categories = categories;
        this.access = access;
        this.teams = teams;
        this.accounts = accounts;
    }

    @GetMapping("/tickets/{id}/touches")
    String touches(@PathVariable long id, @AuthenticationPrincipal AgentPrincipal agent, Model model) {
        TicketDetail detail = queries.detail(id, agent);
        long teamId = detail.summary().teamId();
        model.addAttribute("detail", detail);
        // a linked ticket's budget is its group's
        model.addAttribute("ticket", detail.summary().inGroup(relations.of(id).group()));
        model.addAttribute("breakdown", detail.breakdown());
        model.addAttribute("causes", causes.of(teamId));
        model.addAttribute("canLead", teams.canLead(access.actor(agent), teamId));
        return "tickets/touches";
    }

    @PostMapping("/tickets/{id}/root-cause")
    String rootCause(@PathVariable long id, @RequestParam(required = false) String rootCause,
                     @AuthenticationPrincipal AgentPrincipal agent, RedirectAttributes redirect) {
        try {
            tickets.noteRootCause(id, rootCause, agent);
            redirect.addFlashAttribute("flash", "touches.rootCause.noted");
        } catch (InvalidInput invalid) {
            redirect.addFlashAttribute("rootCauseError", true);
        }
        return "redirect:/tickets/" + id + "/touches";
    }

    @GetMapping("/touch-budgets")
    String budgets(@AuthenticationPrincipal AgentPrincipal agent, Model model) {
        java.util.Set<Long> led = requireLead(agent);
        model.addAttribute("defaultBudget", categories.defaultBudget());
        model.addAttribute("categories", categories.all());
        Model m = model;
        java.util.Map<Long, String> names = accounts.teamNames();
        m.addAttribute("teamCauses", led.stream().sorted().map(t -> new TeamCauses(t, names.getOrDefault(t, "?"), causes.of(t))).toList());
        return "tickets/touch-budgets";
    }

    /** A team's root causes as the budgets page shows them (built-in keys are translated there). */
    public record TeamCauses(long teamId, String teamName, List<String> causes) {
        public boolean builtIn() {
            return causes.equals(RootCauses.DEFAULTS);
        }

        /** The team's own list, one per line, for its text area (empty while it uses the built-in one). */
        public String text() {
            return builtIn() ? "" : String.join("\n", causes);
        }
    }

    @PostMapping("/touch-budgets/default")
    String setDefault(@RequestParam(required = false) Integer expectedTouches, @RequestParam(required = false) Integer alarmTouches,
                      @AuthenticationPrincipal AgentPrincipal agent, RedirectAttributes redirect) {
        requireLead(agent);
        return saved(redirect, () -> categories.defaultBudget(expectedTouches, alarmTouches), "default");
    }

    @PostMapping("/touch-budgets/categories/{id}")
    String setCategory(@PathVariable long id, @RequestParam(required = false) Integer expectedTouches,
                       @RequestParam(required = false) Integer alarmTouches,
                       @AuthenticationPrincipal AgentPrincipal agent, RedirectAttributes redirect) {
        requireLead(agent);
        return saved(redirect, () -> categories.budget(id, expectedTouches, alarmTouches), "category-" + id);
    }

    @PostMapping("/touch-budgets/root-causes/{teamId}")
    String setCauses(@PathVariable long teamId, @RequestParam(required = false) String causesText,
                     @AuthenticationPrincipal AgentPrincipal agent, RedirectAttributes redirect) {
        List<String> lines = causesText == null ? List.of() : Arrays.asList(causesText.split("\\R"));
        return saved(redirect, () -> causes.replace(teamId, lines, access.actor(agent)), "causes-" + teamId);
    }

    private static String saved(RedirectAttributes redirect, Runnable write, String form) {
        try {
            write.run();
            redirect.addFlashAttribute("flash", "budgets.saved");
        } catch (InvalidInput invalid) {
            redirect.addFlashAttribute("budgetError", form);
            redirect.addFlashAttribute("budgetErrorField", invalid.field());
        }
        return "redirect:/touch-budgets";
    }

    private java.util.Set<Long> requireLead(AgentPrincipal agent) {
        java.util.Set<Long> led = teams.teamsLedBy(access.actor(agent));
        if (led.isEmpty()) {
            throw TicketForbidden.leadsOnly();
        }
        return led;
    }
}
