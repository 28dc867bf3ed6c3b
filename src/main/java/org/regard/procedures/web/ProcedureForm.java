package org.regard.procedures.web;

import org.regard.procedures.ProcedureDraft;
import org.regard.procedures.ProcedureVersion;
import org.springframework.util.MultiValueMap;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The procedure form as typed: read from the request to publish, or from a version to edit, and shown again as typed
 * when refused. Steps are repeated blocks ({@code step3_text_fr}, {@code step3_required}...); a block left blank (no
 * text, no label, no template, no field) is no step, so the form offers a few blank blocks for new steps, and
 * {@link #withBlankSteps} a few more, without JavaScript.
 */
public final class ProcedureForm {
    /** Blank step blocks offered below the steps. */
    static final int BLANK_STEPS = 3;

    String team = "";
    String sourceLanguage = "";
    String gate = "warn";
    String basedOn = "";
    final Set<Long> categories = new LinkedHashSet<>();
    final Map<String, String> titles = new LinkedHashMap<>();
    final Map<String, String> appliesWhen = new LinkedHashMap<>();
    final List<StepForm> steps = new ArrayList<>();

    /** One step block as typed. */
    public static final class StepForm {
        String key = "";
        final Map<String, String> texts = new LinkedHashMap<>();
        boolean required = true;
        boolean afterPrevious;
        String template = "";
        String fieldType = "";
        boolean purchaseRef;
        final Map<String, String> labels = new LinkedHashMap<>();

        public String getKey() {
            return key;
        }

        public String text(String language) {
            return texts.getOrDefault(language, "");
        }

        public String label(String language) {
            return labels.getOrDefault(language, "");
        }

        public boolean isRequired() {
            return required;
        }

        public boolean isAfterPrevious() {
            return afterPrevious;
        }

        public String getTemplate() {
            return template;
        }

        public String getFieldType() {
            return fieldType;
        }

        public boolean isPurchaseRef() {
            return purchaseRef;
        }

        boolean blank() {
            return texts.values().stream().allMatch(String::isBlank) && labels.values().stream().allMatch(String::isBlank)
                    && template.isBlank() && fieldType.isBlank();
        }
    }

    static ProcedureForm empty(String sourceLanguage) {
        ProcedureForm form = new ProcedureForm();
        form.sourceLanguage = sourceLanguage;
        return form.withBlankSteps(BLANK_STEPS);
    }

    static ProcedureForm of(ProcedureVersion version) {
        ProcedureForm form = new ProcedureForm();
        form.team = String.valueOf(version.teamId());
        form.sourceLanguage = version.sourceLanguage();
        form.gate = version.gate().code();
        form.basedOn = String.valueOf(version.number());
        form.categories.addAll(version.categoryIds());
        form.titles.putAll(version.titles());
        form.appliesWhen.putAll(version.appliesWhen());
        for (ProcedureVersion.Step step : version.steps()) {
            StepForm s = new StepForm();
            s.key = step.key();
            s.texts.putAll(step.texts());
            s.required = step.required();
            s.afterPrevious = step.afterPrevious();
            s.template = step.templateId() == null ? "" : String.valueOf(step.templateId());
            s.fieldType = step.fieldType() == null ? "" : step.fieldType().code();
            s.purchaseRef = step.purchaseRef();
            s.labels.putAll(step.fieldLabels());
            form.steps.add(s);
        }
        return form.withBlankSteps(BLANK_STEPS);
    }

    static ProcedureForm read(MultiValueMap<String, String> params, List<String> languages) {
        ProcedureForm form = new ProcedureForm();
        form.team = first(params, "team");
        form.sourceLanguage = first(params, "sourceLanguage");
        form.gate = first(params, "gate");
        form.basedOn = first(params, "basedOn");
        for (String category : params.getOrDefault("categories", List.of())) {
            try {
                form.categories.add(Long.valueOf(category.strip()));
            } catch (NumberFormatException ignored) {
                // not a category of this form: nothing to keep
            }
        }
        for (String l : languages) {
            form.titles.put(l, first(params, "title_" + l));
            form.appliesWhen.put(l, first(params, "when_" + l));
        }
        int count = Math.min(parse(first(params, "stepCount"), 0), 200);
        for (int i = 0; i < count; i++) {
            String p = "step" + i + "_";
            StepForm s = new StepForm();
            s.key = first(params, p + "key");
            for (String l : languages) {
                s.texts.put(l, first(params, p + "text_" + l));
                s.labels.put(l, first(params, p + "label_" + l));
            }
            s.required = params.containsKey(p + "required");
            s.afterPrevious = params.containsKey(p + "after");
            s.template = first(params, p + "template");
            s.fieldType = first(params, p + "fieldType");
            s.purchaseRef = params.containsKey(p + "purchaseRef");
            form.steps.add(s);
        }
        return form;
    }

    /** The same form with {@code count} more blank step blocks. */
    ProcedureForm withBlankSteps(int count) {
        for (int i = 0; i < count; i++) {
            steps.add(new StepForm());
        }
        return this;
    }

    /** The blocks that are steps (not blank), in order: the draft's step {@code i} is block {@code blocks().get(i)}. */
    List<Integer> blocks() {
        List<Integer> blocks = new ArrayList<>();
        for (int i = 0; i < steps.size(); i++) {
            if (!steps.get(i).blank()) {
                blocks.add(i);
            }
        }
        return blocks;
    }

    ProcedureDraft draft() {
        List<ProcedureDraft.StepDraft> drafts = new ArrayList<>();
        for (int block : blocks()) {
            StepForm s = steps.get(block);
            drafts.add(new ProcedureDraft.StepDraft(s.key.isBlank() ? null : s.key, s.texts, s.required, s.afterPrevious,
                    s.template.isBlank() ? null : parseLong(s.template), s.fieldType.isBlank() ? null : s.fieldType, s.labels,
                    s.purchaseRef));
        }
        return new ProcedureDraft(team.isBlank() ? null : parseLong(team), List.copyOf(categories), sourceLanguage, gate,
                titles, appliesWhen, drafts, basedOn.isBlank() ? null : parse(basedOn, -1));
    }

    // read by the template

    public String getTeam() {
        return team;
    }

    public String getSourceLanguage() {
        return sourceLanguage;
    }

    public String getGate() {
        return gate;
    }

    public String getBasedOn() {
        return basedOn;
    }

    public Set<Long> getCategories() {
        return categories;
    }

    public String title(String language) {
        return titles.getOrDefault(language, "");
    }

    public String appliesWhen(String language) {
        return appliesWhen.getOrDefault(language, "");
    }

    public List<StepForm> getSteps() {
        return steps;
    }

    private static String first(MultiValueMap<String, String> params, String name) {
        String value = params.getFirst(name);
        return value == null ? "" : value;
    }

    private static int parse(String value, int otherwise) {
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            return otherwise;
        }
    }

    /** A number typed where an id belongs, or -1 (which names nothing, and is refused as such). */
    private static long parseLong(String value) {
        try {
            return Long.parseLong(value.strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
