package org.regard.procedures;

import java.util.List;
import java.util.Map;

/**
 * A procedure as its author sends it to publish a version. Texts are given per language code ({@code titles},
 * {@code appliesWhen}); the source language's title is required, blank texts are treated as absent. {@code teamId}
 * is read when the procedure is created (a procedure stays with its team); {@code basedOn}, when given, is the version
 * the author started from: publishing fails if another version was published meanwhile.
 */
public record ProcedureDraft(Long teamId, List<Long> categoryIds, String sourceLanguage, String gate,
                             Map<String, String> titles, Map<String, String> appliesWhen, List<StepDraft> steps,
                             Integer basedOn) {

    public ProcedureDraft {
        categoryIds = categoryIds == null ? List.of() : categoryIds.stream().filter(java.util.Objects::nonNull).distinct().toList();
        titles = titles == null ? Map.of() : titles;
        appliesWhen = appliesWhen == null ? Map.of() : appliesWhen;
        steps = steps == null ? List.of() : List.copyOf(steps);
    }

    /**
     * One step as sent: {@code key} is the key of a step of the version it follows (kept), or null for a new step;
     * {@code texts} and {@code fieldLabels} per language; {@code fieldType} one of {@code text, number, date, yes-no}
     * or null for no field; {@code purchaseRef}: the field (of type text) gives the ticket's purchase reference.
     */
    public record StepDraft(String key, Map<String, String> texts, boolean required, boolean afterPrevious,
                            Long templateId, String fieldType, Map<String, String> fieldLabels, boolean purchaseRef) {
        public StepDraft {
            texts = texts == null ? Map.of() : texts;
            fieldLabels = fieldLabels == null ? Map.of() : fieldLabels;
        }

        public StepDraft(String key, Map<String, String> texts, boolean required, boolean afterPrevious,
                         Long templateId, String fieldType, Map<String, String> fieldLabels) {
            this(key, texts, required, afterPrevious, templateId, fieldType, fieldLabels, false);
        }
    }
}
