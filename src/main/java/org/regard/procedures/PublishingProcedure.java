package org.regard.procedures;

import org.regard.accounts.Accounts;
import org.regard.accounts.Actor;
import org.regard.accounts.AgentPrincipal;
import org.regard.accounts.TeamAccess;
import org.regard.accounts.TeamView;
import org.regard.audit.AuditAction;
import org.regard.audit.AuditLog;
import org.regard.languages.Languages;
import org.regard.procedures.ProcedureDraft.StepDraft;
import org.regard.text.TextInput;
import org.regard.tickets.Categories;
import org.regard.tickets.ReplyTemplates;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Publishing a version of a procedure, the first one (creating the procedure) or the next. The draft is checked and
 * cleaned ({@link #checked}), the author's right to write for the team verified ({@link TeamAccess#canLead}), the
 * categories checked against the team's other procedures, each step given its key ({@link StepKeys}), and the version
 * inserted whole with an audit entry, in one transaction.
 */
@Component
@Transactional
class PublishingProcedure {
    private final ProcedureStore store;
    private final Accounts accounts;
    private final TeamAccess teamAccess;
    private final Categories categories;
    private final ReplyTemplates templates;
    private final Languages languages;
    private final AuditLog audit;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    PublishingProcedure(ProcedureStore store, Accounts accounts, TeamAccess teamAccess, Categories categories,
                        ReplyTemplates templates, Languages languages, AuditLog audit, Clock clock,
                        ApplicationEventPublisher events) {
        this.events = events;
        this.store = store;
        this.accounts = accounts;
        this.teamAccess = teamAccess;
        this.categories = categories;
        this.templates = templates;
        this.languages = languages;
        this.audit = audit;
        this.clock = clock;
    }

    /** Creates the procedure and publishes version 1; returns the procedure's id. */
    long create(ProcedureDraft draft, AgentPrincipal agent) {
        Actor actor = actorOf(agent);
        if (!actor.isAdmin() && !actor.isLead()) {
            throw new ProcedureForbidden();
        }
        if (draft.teamId() == null) {
            throw new ProcedureInvalid("team", "is required", "procedures.error.team");
        }
        TeamView team = accounts.team(draft.teamId())
                .orElseThrow(() -> new ProcedureInvalid("team", "is not a team", "procedures.error.team"));
        if (!teamAccess.canLead(actor, team.id())) {
            throw new ProcedureForbidden();
        }
        ProcedureDraft clean = checked(draft, languages.configured());
        List<String> keys = StepKeys.assign(Set.of(), 1, clean.steps()).keys();
        requireKnown(clean);
        requireFree(team.id(), clean.categoryIds(), null);
        Instant now = clock.instant();
        long id = store.insertProcedure(team.id(), now);
        insert(id, team, 1, clean, keys, actor, now);
        store.advance(id, 0, 1, keys.size() + 1);
        return id;
    }

    /** Publishes the next version of the procedure. */
    void publish(long id, ProcedureDraft draft, AgentPrincipal agent) {
        ProcedureStore.Head head = store.head(id).orElseThrow(() -> new ProcedureNotFound(id));
        Actor actor = actorOf(agent);
        if (!teamAccess.canLead(actor, head.teamId())) {
            throw new ProcedureForbidden();
        }
        if (head.retired()) {
            throw new ProcedureRetired(id);
        }
        if (draft.basedOn() != null && draft.basedOn() != head.currentVersion()) {
            throw new ProcedureConflict(id, draft.basedOn(), head.currentVersion());
        }
        ProcedureDraft clean = checked(draft, languages.configured());
        Set<String> previousKeys = store.version(id, head.teamId(), head.currentVersion()).orElseThrow().steps().stream()
                .map(ProcedureVersion.Step::key).collect(Collectors.toSet());
        StepKeys.Assigned assigned = StepKeys.assign(previousKeys, head.nextStepKey(), clean.steps());
        requireKnown(clean);
        requireFree(head.teamId(), clean.categoryIds(), id);
        int number = head.currentVersion() + 1;
        if (!store.advance(id, head.currentVersion(), number, assigned.nextKey())) {
            throw new ProcedureConflict(id, head.currentVersion(), head.currentVersion() + 1);
        }
        TeamView team = accounts.team(head.teamId()).orElseThrow();
        insert(id, team, number, clean, assigned.keys(), actor, clock.instant());
    }

    private void insert(long id, TeamView team, int number, ProcedureDraft clean, List<String> keys, Actor actor, Instant now) {
        ClosureGate gate = ClosureGate.parse(clean.gate()).orElseThrow();
        store.insertVersion(id, number, clean, gate, keys, now, actor.agentId());
        try {
            store.replaceCategories(id, team.id(), clean.categoryIds());
        } catch (DuplicateKeyException raced) {
            // another procedure of the team took one of the categories since requireFree looked (the transaction cannot
            // ask which one any more: PostgreSQL refuses every statement after a failed one)
            throw new CategoryTaken();
        }
        audit.record(AuditAction.SETTINGS_CHANGED, "procedure", id, "published version " + number + " of “"
                + clean.titles().get(clean.sourceLanguage()) + "” for team " + team.baseName() + " (categories "
                + clean.categoryIds().stream().map(c -> categories.category(c).map(Categories.CategoryView::baseName)
                .orElse(String.valueOf(c))).collect(Collectors.joining(", ")) + "; "
                + clean.steps().size() + " steps; closure gate " + gate.code() + ")");
        List<Map<String, String>> stepTexts = new ArrayList<>();
        clean.steps().forEach(s -> {
            stepTexts.add(s.texts());
            stepTexts.add(s.fieldLabels());
        });
        events.publishEvent(ProcedureEvents.Published.of(id, team.id(), number, clean.sourceLanguage(), clean.titles(),
                clean.appliesWhen(), stepTexts, now));
    }

    private Actor actorOf(AgentPrincipal agent) {
        if (agent == null) {
            throw new ProcedureForbidden();
        }
        return accounts.actor(agent);
    }

    /** Categories and reply templates named by the draft exist. */
    private void requireKnown(ProcedureDraft clean) {
        for (Long category : clean.categoryIds()) {
            if (categories.category(category).isEmpty()) {
                throw new ProcedureInvalid("categories", "names " + category + ", which is not a category", "procedures.error.category");
            }
        }
        for (int i = 0; i < clean.steps().size(); i++) {
            Long template = clean.steps().get(i).templateId();
            if (template != null && templates.template(template).isEmpty()) {
                throw new ProcedureInvalid("steps[" + i + "].template", "names " + template + ", which is not a reply template",
                        "procedures.error.template");
            }
        }
    }

    /** No other procedure of the team applies to these categories. */
    private void requireFree(long teamId, List<Long> categoryIds, Long procedureId) {
        Map<Long, Long> held = store.holders(teamId, categoryIds, procedureId);
        if (!held.isEmpty()) {
            Map.Entry<Long, Long> first = held.entrySet().iterator().next();
            String name = categories.category(first.getKey()).map(Categories.CategoryView::name).orElse(String.valueOf(first.getKey()));
            throw new CategoryTaken(first.getKey(), name, first.getValue());
        }
    }

    /**
     * The draft with its texts cleaned (stripped, blank ones dropped, language codes in lower case), or the first
     * problem found: languages not among the team's, a missing source text, too long a text, no categories, no steps or
     * too many, an unknown gate or field type.
     */
    static ProcedureDraft checked(ProcedureDraft draft, List<String> configured) {
        String source = draft.sourceLanguage() == null ? "" : draft.sourceLanguage().strip().toLowerCase(Locale.ROOT);
        if (source.isEmpty()) {
            throw new ProcedureInvalid("sourceLanguage", "is required", "procedures.error.required");
        }
        if (!configured.contains(source)) {
            throw new ProcedureInvalid("sourceLanguage", "must be one of the team's languages: " + String.join(", ", configured),
                    "procedures.error.language");
        }
        String gate = draft.gate() == null || draft.gate().isBlank() ? ClosureGate.WARN.code() : draft.gate();
        ClosureGate parsedGate = ClosureGate.parse(gate).orElseThrow(() -> new ProcedureInvalid("gate",
                "must be warn or block", "procedures.error.gate"));
        Map<String, String> titles = texts(draft.titles(), "titles", Procedures.MAX_TITLE, configured);
        if (!titles.containsKey(source)) {
            throw new ProcedureInvalid("titles." + source, "is required (the title in the source language)", "procedures.error.required");
        }
        Map<String, String> when = texts(draft.appliesWhen(), "appliesWhen", Procedures.MAX_APPLIES_WHEN, configured);
        if (draft.categoryIds().isEmpty()) {
            throw new ProcedureInvalid("categories", "must name at least one category", "procedures.error.noCategories");
        }
        if (draft.steps().isEmpty()) {
            throw new ProcedureInvalid("steps", "must have at least one step", "procedures.error.noSteps");
        }
        if (draft.steps().size() > Procedures.MAX_STEPS) {
            throw new ProcedureInvalid("steps", "must be at most " + Procedures.MAX_STEPS + " steps", "procedures.error.tooManySteps",
                    Procedures.MAX_STEPS);
        }
        List<StepDraft> steps = new ArrayList<>();
        int purchaseSteps = 0;
        for (int i = 0; i < draft.steps().size(); i++) {
            StepDraft step = draft.steps().get(i);
            String field = "steps[" + i + "]";
            if (step == null) {
                throw new ProcedureInvalid(field, "is empty", "procedures.error.required");
            }
            Map<String, String> texts = texts(step.texts(), field + ".texts", Procedures.MAX_STEP_TEXT, configured);
            if (!texts.containsKey(source)) {
                throw new ProcedureInvalid(field + ".texts." + source, "is required (the step in the source language)",
                        "procedures.error.required");
            }
            Map<String, String> labels = texts(step.fieldLabels(), field + ".fieldLabels", Procedures.MAX_FIELD_LABEL, configured);
            String type = step.fieldType() == null || step.fieldType().isBlank() ? null : step.fieldType();
            if (type != null) {
                FieldType parsed = FieldType.parse(type).orElseThrow(() -> new ProcedureInvalid(field + ".fieldType",
                        "must be one of text, number, date, yes-no", "procedures.error.fieldType"));
                type = parsed.code();
                if (!labels.containsKey(source)) {
                    throw new ProcedureInvalid(field + ".fieldLabels." + source, "is required when the step has a field",
                            "procedures.error.fieldLabel");
                }
            } else if (!labels.isEmpty()) {
                throw new ProcedureInvalid(field + ".fieldType", "is required when the field has a label", "procedures.error.fieldTypeMissing");
            }
            if (step.purchaseRef() && !FieldType.TEXT.code().equals(type)) {
                throw new ProcedureInvalid(field + ".purchaseRef", "needs a field of type text", "procedures.error.purchaseRef");
            }
            if (step.purchaseRef() && purchaseSteps++ > 0) {
                throw new ProcedureInvalid(field + ".purchaseRef", "is given by one step only", "procedures.error.purchaseRefOnce");
            }
            steps.add(new StepDraft(step.key(), texts, step.required(), step.afterPrevious(), step.templateId(), type, labels,
                    step.purchaseRef()));
        }
        return new ProcedureDraft(draft.teamId(), draft.categoryIds(), source, parsedGate.code(), titles, when, steps, draft.basedOn());
    }

    /** Texts per language, cleaned; refuses a language not configured, a text Regard cannot keep, one too long. */
    private static Map<String, String> texts(Map<String, String> given, String field, int max, List<String> configured) {
        Map<String, String> kept = new LinkedHashMap<>();
        given.forEach((language, text) -> {
            String code = language == null ? "" : language.strip().toLowerCase(Locale.ROOT);
            if (!configured.contains(code)) {
                throw new ProcedureInvalid(field, "names " + language + ", which is not one of the team's languages: "
                        + String.join(", ", configured), "procedures.error.language");
            }
            if (text == null || text.isBlank()) {
                return;
            }
            String value = text.strip();
            TextInput.problem(value).ifPresent(problem -> {
                throw new ProcedureInvalid(field + "." + code, problem, "procedures.error.text");
            });
            if (value.length() > max) {
                throw new ProcedureInvalid(field + "." + code, "must be at most " + max + " characters long",
                        "procedures.error.tooLong", max);
            }
            kept.put(code, value);
        });
        return kept;
    }
}
