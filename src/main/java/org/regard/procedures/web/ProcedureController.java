package org.regard.procedures.web;

import jakarta.servlet.http.HttpServletResponse;
import org.regard.accounts.Accounts;
import org.regard.accounts.AgentPrincipal;
import org.regard.accounts.TeamView;
import org.regard.languages.Languages;
import org.regard.procedures.ProcedureConflict;
import org.regard.procedures.ProcedureForbidden;
import org.regard.procedures.ProcedureInvalid;
import org.regard.procedures.ProcedureNotFound;
import org.regard.procedures.ProcedureRetired;
import org.regard.procedures.ProcedureVersion;
import org.regard.procedures.Procedures;
import org.regard.procedures.Procedures.ProcedureView;
import org.regard.tickets.Categories;
import org.regard.tickets.ReplyTemplates;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The team's manual as pages: the list and a procedure (any version) for every agent, printable, in the agent's
 * language with the source language as a marked fallback; the form that creates a procedure or publishes its next
 * version for administrators and the team's leads.
 */
@Controller
class ProcedureController {
    private final Procedures procedures;
    private final Accounts accounts;
    private final Categories categories;
    private final ReplyTemplates templates;
    private final Languages languages;
    private final MessageSource messages;

    ProcedureController(Procedures procedures, Accounts accounts, Categories categories, ReplyTemplates templates,
                        Languages languages, MessageSource messages) {
        this.procedures = procedures;
        this.accounts = accounts;
        this.categories = categories;
        this.templates = templates;
        this.languages = languages;
        this.messages = messages;
    }

    @GetMapping("/procedures")
    String list(@AuthenticationPrincipal AgentPrincipal agent, Locale locale, Model model) {
        List<Procedures.ProcedureSummary> all = procedures.all();
        model.addAttribute("procedures", all.stream().filter(p -> !p.retired()).toList());
        model.addAttribute("retiredProcedures", all.stream().filter(Procedures.ProcedureSummary::retired).toList());
        model.addAttribute("lang", locale.getLanguage());
        model.addAttribute("teamNames", teamNames());
        model.addAttribute("categoryNames", categoryNames());
        model.addAttribute("canCreate", !procedures.teamsWrittenBy(agent).isEmpty());
        return "procedures/list";
    }

    @GetMapping("/procedures/{id}")
    String show(@PathVariable long id, @RequestParam(required = false) Integer version,
                @AuthenticationPrincipal AgentPrincipal agent, Locale locale, Model model) {
        ProcedureView procedure = procedures.procedure(id).orElseThrow(() -> new ProcedureNotFound(id));
        ProcedureVersion shown = version == null ? procedure.current()
                : procedures.version(id, version).orElseThrow(() -> new ProcedureNotFound(id, version));
        model.addAttribute("procedure", procedure);
        model.addAttribute("version", shown);
        model.addAttribute("lang", locale.getLanguage());
        model.addAttribute("teamName", teamNames().getOrDefault(procedure.teamId(), "#" + procedure.teamId()));
        model.addAttribute("categoryNames", categoryNames());
        model.addAttribute("templateNames", templates.all().stream()
                .collect(Collectors.toMap(ReplyTemplates.TemplateView::id, ReplyTemplates.TemplateView::name)));
        List<Long> named = new java.util.ArrayList<>(procedure.versions().stream()
                .map(Procedures.VersionStamp::publishedBy).filter(java.util.Objects::nonNull).toList());
        if (procedure.retiredBy() != null) {
            named.add(procedure.retiredBy());
        }
        model.addAttribute("agentNames", accounts.agentNames(named));
        boolean canEdit = procedures.canWrite(agent, procedure.teamId());
        model.addAttribute("canEdit", canEdit);
        model.addAttribute("behind", canEdit ? procedures.behind(id, agent) : List.of());
        model.addAttribute("languageNames", languageNames(locale));
        return "procedures/show";
    }

    /** Moves one ticket ({@code ticket}) or every open one following an older version to the current version. */
    @PostMapping("/procedures/{id}/moves")
    String move(@PathVariable long id, @RequestParam(required = false) Long ticket,
                @AuthenticationPrincipal AgentPrincipal agent, RedirectAttributes redirect) {
        try {
            Procedures.Moved moved = procedures.moveToCurrent(id,
                    ticket == null ? java.util.Optional.empty() : java.util.Optional.of(List.of(ticket)), agent);
            redirect.addFlashAttribute("moved", moved.moved().size());
            redirect.addFlashAttribute("movedTo", moved.toVersion());
            return "redirect:/procedures/" + id;
        } catch (ProcedureForbidden forbidden) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN);
        }
    }

    /** Retires the procedure (administrators, the team's leads): it applies to no new ticket; its page says so. */
    @PostMapping("/procedures/{id}/retire")
    String retire(@PathVariable long id, @AuthenticationPrincipal AgentPrincipal agent, RedirectAttributes redirect) {
        try {
            procedures.retire(id, agent);
            redirect.addFlashAttribute("retired", true);
            return "redirect:/procedures/" + id;
        } catch (ProcedureForbidden forbidden) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN);
        } catch (ProcedureRetired retired) {
            throw new ResponseStatusException(HttpStatus.CONFLICT);
        }
    }

    private static void requireLive(ProcedureView procedure) {
        if (procedure.retired()) {
            throw new ResponseStatusException(HttpStatus.CONFLICT);
        }
    }

    @GetMapping("/procedures/new")
    String create(@AuthenticationPrincipal AgentPrincipal agent, Model model) {
        requireAuthor(agent);
        return form(ProcedureForm.empty(languages.configured().getFirst()), null, agent, model);
    }

    @PostMapping("/procedures")
    String create(@RequestParam MultiValueMap<String, String> params, @AuthenticationPrincipal AgentPrincipal agent,
                  Locale locale, Model model, HttpServletResponse response, RedirectAttributes redirect) {
        requireAuthor(agent);
        ProcedureForm form = ProcedureForm.read(params, languages.configured());
        if (params.containsKey("more")) {
            return form(form.withBlankSteps(ProcedureForm.BLANK_STEPS), null, agent, model);
        }
        try {
            ProcedureView created = procedures.create(form.draft(), agent);
            redirect.addFlashAttribute("published", created.current().number());
            return "redirect:/procedures/" + created.id();
        } catch (ProcedureForbidden forbidden) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN);
        } catch (ProcedureInvalid invalid) {
            refused(form, invalid.field(), messages.getMessage(invalid.code(), invalid.arguments().toArray(), locale), model, response);
            return form(form, null, agent, model);
        }
    }

    @GetMapping("/procedures/{id}/edit")
    String edit(@PathVariable long id, @AuthenticationPrincipal AgentPrincipal agent, Model model) {
        ProcedureView procedure = procedures.procedure(id).orElseThrow(() -> new ProcedureNotFound(id));
        requireAuthor(agent, procedure);
        requireLive(procedure);
        return form(ProcedureForm.of(procedure.current()), procedure, agent, model);
    }

    @PostMapping("/procedures/{id}")
    String publish(@PathVariable long id, @RequestParam MultiValueMap<String, String> params,
                   @AuthenticationPrincipal AgentPrincipal agent, Locale locale, Model model, HttpServletResponse response,
                   RedirectAttributes redirect) {
        ProcedureView procedure = procedures.procedure(id).orElseThrow(() -> new ProcedureNotFound(id));
        requireAuthor(agent, procedure);
        requireLive(procedure);
        ProcedureForm form = ProcedureForm.read(params, languages.configured());
        form.team = String.valueOf(procedure.teamId());
        if (params.containsKey("more")) {
            return form(form.withBlankSteps(ProcedureForm.BLANK_STEPS), procedure, agent, model);
        }
        try {
            ProcedureView published = procedures.publish(id, form.draft(), agent);
            redirect.addFlashAttribute("published", published.current().number());
            return "redirect:/procedures/" + id;
        } catch (ProcedureForbidden forbidden) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN);
        } catch (ProcedureInvalid invalid) {
            refused(form, invalid.field(), messages.getMessage(invalid.code(), invalid.arguments().toArray(), locale), model, response);
        } catch (ProcedureConflict conflict) {
            refused(form, "basedOn", messages.getMessage("procedures.error.conflict", null, locale), model, response);
        }
        return form(form, procedure, agent, model);
    }

    private String form(ProcedureForm form, ProcedureView procedure, AgentPrincipal agent, Model model) {
        Set<Long> writable = procedures.teamsWrittenBy(agent);
        model.addAttribute("form", form);
        model.addAttribute("procedure", procedure);
        model.addAttribute("languages", languages.configured());
        model.addAttribute("teams", accounts.teams().stream().filter(t -> writable.contains(t.id())).toList());
        model.addAttribute("teamName", procedure == null ? null : teamNames().getOrDefault(procedure.teamId(), ""));
        model.addAttribute("categories", categories.all().stream()
                .filter(c -> c.active() || form.categories.contains(c.id())).toList());
        model.addAttribute("templates", templates.all());
        model.addAttribute("fieldTypes", List.of("text", "number", "date", "yes-no"));
        model.addAttribute("languageNames", languageNames(LocaleContextHolder.getLocale()));
        return "procedures/form";
    }

    /** The form comes back with a 400 and the error beside the field it is about. */
    private static void refused(ProcedureForm form, String field, String message, Model model, HttpServletResponse response) {
        model.addAttribute("errorField", formField(form, field));
        model.addAttribute("errorMessage", message);
        response.setStatus(HttpStatus.BAD_REQUEST.value());
    }

    /** The form's name for a field the use case names: {@code steps[1].texts.fr} is block 3's {@code step3_text_fr}. */
    static String formField(ProcedureForm form, String field) {
        String name = field;
        if (name.startsWith("steps[")) {
            int index = Integer.parseInt(name.substring("steps[".length(), name.indexOf(']')));
            List<Integer> blocks = form.blocks();
            int block = index < blocks.size() ? blocks.get(index) : index;
            name = "step" + block + "_" + name.substring(name.indexOf(']') + 2);
        }
        return name.replace("texts.", "text_").replace("fieldLabels.", "label_").replace("titles.", "title_")
                .replace("appliesWhen.", "when_");
    }

    private void requireAuthor(AgentPrincipal agent) {
        if (procedures.teamsWrittenBy(agent).isEmpty()) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN);
        }
    }

    private void requireAuthor(AgentPrincipal agent, ProcedureView procedure) {
        if (!procedures.canWrite(agent, procedure.teamId())) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN);
        }
    }

    /** The name of each language a text may be in, in the page's language (the code when there is none). */
    private Map<String, String> languageNames(Locale locale) {
        Map<String, String> names = new LinkedHashMap<>();
        List<String> codes = new java.util.ArrayList<>(languages.configured());
        codes.add(locale.getLanguage());
        for (String code : codes) {
            names.put(code, messages.getMessage("language.name." + code, null, code.toUpperCase(Locale.ROOT), locale));
        }
        return names;
    }

    private Map<Long, String> teamNames() {
        Map<Long, String> names = new LinkedHashMap<>();
        for (TeamView team : accounts.teams()) {
            names.put(team.id(), team.name());
        }
        return names;
    }

    private Map<Long, String> categoryNames() {
        Map<Long, String> names = new LinkedHashMap<>();
        categories.all().forEach(c -> names.put(c.id(), c.name()));
        return names;
    }
}
