package org.regard.procedures.web;

import jakarta.servlet.http.HttpServletResponse;
import org.regard.accounts.Accounts;
import org.regard.accounts.AgentPrincipal;
import org.regard.languages.Languages;
import org.regard.procedures.Checklist;
import org.regard.procedures.Checklists;
import org.regard.procedures.PreviousStepOpen;
import org.regard.procedures.ProcedureVersion;
import org.regard.procedures.Shown;
import org.regard.procedures.StepValueInvalid;
import org.regard.tickets.ReplyTemplates;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * The checklist beside a ticket's conversation. The ticket page only holds an element that loads
 * {@code /tickets/{id}/checklist} (htmx), so the tickets module knows nothing of procedures. Without htmx the same
 * address is a page of its own; each step's form posts normally and comes back to the ticket.
 */
@Controller
class ChecklistController {
    private final Checklists checklists;
    private final Accounts accounts;
    private final ReplyTemplates templates;
    private final Languages languages;
    private final MessageSource messages;

    ChecklistController(Checklists checklists, Accounts accounts, ReplyTemplates templates, Languages languages,
                        MessageSource messages) {
        this.checklists = checklists;
        this.accounts = accounts;
        this.templates = templates;
        this.languages = languages;
        this.messages = messages;
    }

    /** One step as the fragment shows it; {@code error} and {@code typed} only on the step a refused form was about. */
    record Row(Checklist.Item item, Shown text, Shown label, String templateName, String markedByName, Instant markedAt,
               String value, String error) {
        public ProcedureVersion.Step step() {
            return item.step();
        }

        /** Its checkbox is disabled: it waits for the step before. */
        public boolean waiting() {
            return !item.done() && !item.available();
        }
    }

    @GetMapping("/tickets/{id}/checklist")
    String show(@PathVariable long id, @RequestHeader(name = "HX-Request", required = false) String htmx,
                @AuthenticationPrincipal AgentPrincipal agent, Locale locale, Model model, HttpServletResponse response) {
        response.addHeader("Vary", "HX-Request");
        Checklist checklist = checklists.of(id, agent).orElse(null);
        return render(id, checklist, null, null, null, htmx != null, locale, model);
    }

    @PostMapping("/tickets/{id}/checklist/steps/{stepKey}")
    String mark(@PathVariable long id, @PathVariable String stepKey, @RequestParam(defaultValue = "false") boolean done,
                @RequestParam(required = false) String value,
                @RequestHeader(name = "HX-Request", required = false) String htmx,
                @AuthenticationPrincipal AgentPrincipal agent, Locale locale, Model model, HttpServletResponse response) {
        String error;
        HttpStatus status;
        try {
            Checklist checklist = checklists.mark(id, stepKey, done, value, agent);
            if (htmx == null) {
                return "redirect:/tickets/" + id;
            }
            return render(id, checklist, null, null, null, true, locale, model);
        } catch (StepValueInvalid invalid) {
            error = messages.getMessage(invalid.code(), invalid.arguments().toArray(), locale);
            status = HttpStatus.BAD_REQUEST;
        } catch (PreviousStepOpen previous) {
            error = messages.getMessage("checklist.error.previous", null, locale);
            status = HttpStatus.CONFLICT;
        }
        if (htmx == null) {
            response.setStatus(status.value());
        }
        // htmx swaps only successful answers, so its fragment gets the error with a 200
        return render(id, checklists.of(id, agent).orElse(null), stepKey, value, error, htmx != null, locale, model);
    }

    private String render(long ticketId, Checklist checklist, String errorKey, String typed, String error, boolean fragment,
                          Locale locale, Model model) {
        model.addAttribute("ticketId", ticketId);
        model.addAttribute("checklist", checklist);
        model.addAttribute("lang", locale.getLanguage());
        if (checklist != null) {
            String lang = locale.getLanguage();
            ProcedureVersion version = checklist.procedure();
            Map<Long, String> names = accounts.agentNames(checklist.items().stream().map(Checklist.Item::markedBy)
                    .filter(Objects::nonNull).distinct().toList());
            List<Row> rows = new ArrayList<>();
            for (Checklist.Item item : checklist.items()) {
                ProcedureVersion.Step step = item.step();
                boolean refused = step.key().equals(errorKey);
                String templateName = step.templateId() == null ? null
                        : templates.template(step.templateId()).map(ReplyTemplates.TemplateView::name).orElse(null);
                rows.add(new Row(item, version.text(step, lang), version.fieldLabel(step, lang), templateName,
                        item.markedBy() == null ? null : names.getOrDefault(item.markedBy(), "?"), item.markedAt(),
                        refused ? typed : item.value(), refused ? error : null));
            }
            model.addAttribute("procedureTitle", version.title(lang));
            model.addAttribute("rows", rows);
            model.addAttribute("languageNames", languageNames(locale));
        }
        return fragment ? "procedures/checklist :: checklist" : "procedures/checklist-page";
    }

    /** The name of each language a text may be in, in the page's language (the code when there is none). */
    private Map<String, String> languageNames(Locale locale) {
        Map<String, String> names = new LinkedHashMap<>();
        List<String> codes = new ArrayList<>(languages.configured());
        codes.add(locale.getLanguage());
        for (String code : codes) {
            names.put(code, messages.getMessage("language.name." + code, null, code.toUpperCase(Locale.ROOT), locale));
        }
        return names;
    }
}
