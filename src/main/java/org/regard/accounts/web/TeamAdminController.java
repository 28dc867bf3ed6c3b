package org.regard.accounts.web;

import org.regard.text.LocalNames;

import jakarta.servlet.http.HttpServletResponse;
import org.regard.accounts.Accounts;
import org.regard.accounts.AgentAdministration;
import org.regard.accounts.TeamAdministration;
import org.regard.accounts.TeamView;
import org.regard.accounts.TimeZones;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.util.Map;
import java.util.stream.Collectors;

/** The admin's page for teams: the list with their active members, creating a team and renaming one. */
@Controller
class TeamAdminController {
    static final int MAX_NAME_LENGTH = 100;

    private final Accounts accounts;
    private final AgentAdministration administration;
    private final TeamAdministration teamAdministration;
    private final TimeZones zones;

    TeamAdminController(Accounts accounts, AgentAdministration administration, TeamAdministration teamAdministration,
                        TimeZones zones) {
        this.accounts = accounts;
        this.administration = administration;
        this.teamAdministration = teamAdministration;
        this.zones = zones;
    }

    @GetMapping("/admin/teams")
    String list(Model model) {
        return page(model);
    }

    @PostMapping("/admin/teams")
    String create(@RequestParam(defaultValue = "") String name, HttpServletResponse response, Model model,
                  RedirectAttributes redirect) {
        String problem = problemWith(name);
        if (problem == null) {
            try {
                TeamView team = administration.createTeam(name);
                return done(redirect, "admin.teams.created", team.name());
            } catch (AgentAdministration.TeamNameTaken | DataIntegrityViolationException taken) {
                problem = "admin.error.name.taken";
            }
        }
        model.addAttribute("createName", name);
        model.addAttribute("createError", problem);
        response.setStatus(HttpStatus.BAD_REQUEST.value());
        return page(model);
    }

    /** Renames the team and names it in other languages (fields name_en, name_fr, ...; empty: the base name). */
    @PostMapping("/admin/teams/{id}")
    String rename(@PathVariable long id, @RequestParam(defaultValue = "") String name,
                  @RequestParam Map<String, String> parameters, HttpServletResponse response,
                  Model model, RedirectAttributes redirect) {
        accounts.team(id).orElseThrow();
        Map<String, String> translations = LocalNames.fromForm(parameters);
        String problem = problemWith(name);
        if (problem == null && LocalNames.problem(translations, MAX_NAME_LENGTH).isPresent()) {
            problem = "admin.error.name.tooLong";
        }
        if (problem == null) {
            try {
                TeamView team = administration.renameTeam(id, name, translations);
                return done(redirect, "admin.teams.renamed", team.name());
            } catch (AgentAdministration.TeamNameTaken | DataIntegrityViolationException taken) {
                problem = "admin.error.name.taken";
            }
        }
        model.addAttribute("renameId", id);
        model.addAttribute("renameName", name);
        model.addAttribute("renameNames", translations);
        model.addAttribute("renameError", problem);
        response.setStatus(HttpStatus.BAD_REQUEST.value());
        return page(model);
    }

    /** Turns routing by the customer's language on or off for the team's new tickets. */
    @PostMapping("/admin/teams/{id}/routing")
    String routing(@PathVariable long id, @RequestParam(defaultValue = "false") boolean assignByLanguage,
                   RedirectAttributes redirect) {
        TeamView team = accounts.team(id).orElseThrow();
        administration.assignByLanguage(id, assignByLanguage);
        return done(redirect, assignByLanguage ? "admin.teams.byLanguageOn" : "admin.teams.byLanguageOff", team.name());
    }

    /** The zone the team's days are counted in from now on (empty: the desk's default); an unknown one is a 400. */
    @PostMapping("/admin/teams/{id}/time-zone")
    String timeZone(@PathVariable long id, @RequestParam(defaultValue = "") String timeZone, HttpServletResponse response,
                    Model model, RedirectAttributes redirect) {
        TeamView team = accounts.team(id).orElseThrow();
        try {
            teamAdministration.changeTimeZone(id, timeZone);
        } catch (TimeZones.Unknown unknown) {
            model.addAttribute("zoneId", id);
            model.addAttribute("zoneValue", timeZone);
            model.addAttribute("zoneError", "admin.error.zone");
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return page(model);
        }
        return done(redirect, "admin.teams.zoneSaved", team.name());
    }

    private static String problemWith(String name) {
        if (name.isBlank()) {
            return "admin.error.name.required";
        }
        return name.strip().length() > MAX_NAME_LENGTH ? "admin.error.name.tooLong" : null;
    }

    private static String done(RedirectAttributes redirect, String message, String name) {
        redirect.addFlashAttribute("message", message);
        redirect.addFlashAttribute("messageArg", name);
        return "redirect:/admin/teams";
    }

    private String page(Model model) {
        var teams = accounts.teams();
        Map<Long, Integer> members = teams.stream().collect(Collectors.toMap(TeamView::id,
                t -> accounts.activeMembersOf(t.id()).size()));
        model.addAttribute("teams", teams);
        model.addAttribute("memberCounts", members);
        model.addAttribute("teamZones", teamAdministration.all().stream().filter(t -> t.timeZone() != null)
                .collect(Collectors.toMap(t -> t.team().id(), TeamAdministration.StaffedTeam::timeZone)));
        model.addAttribute("zoneChoices", TimeZones.choices());
        model.addAttribute("deskZone", zones.desk().getId());
        model.addAttribute("byLanguage", teams.stream().map(TeamView::id).filter(accounts::assignsByLanguage)
                .collect(Collectors.toSet()));
        return "admin/teams";
    }
}
