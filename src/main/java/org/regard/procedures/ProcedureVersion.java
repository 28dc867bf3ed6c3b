package org.regard.procedures;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One published version of a procedure, whole: never changed once published. Texts per language; a reader gets each
 * text in their language or, marked as such, in the version's {@link #sourceLanguage()} ({@link Shown}).
 */
public record ProcedureVersion(long procedureId, long teamId, int number, Instant publishedAt, Long publishedBy,
                               String sourceLanguage, ClosureGate gate, List<Long> categoryIds,
                               Map<String, String> titles, Map<String, String> appliesWhen, List<Step> steps) {

    /**
     * A step: its {@code key} stays the same across versions; {@code number} counts from 1 in this version's order.
     * {@code fieldType} is null when the step asks for no value. {@code purchaseRef}: the field's value, when the step
     * is ticked, becomes the ticket's purchase reference.
     */
    public record Step(int number, String key, Map<String, String> texts, boolean required, boolean afterPrevious,
                       Long templateId, FieldType fieldType, Map<String, String> fieldLabels, boolean purchaseRef) {

        public Step(int number, String key, Map<String, String> texts, boolean required, boolean afterPrevious,
                    Long templateId, FieldType fieldType, Map<String, String> fieldLabels) {
            this(number, key, texts, required, afterPrevious, templateId, fieldType, fieldLabels, false);
        }
    }

    public Shown title(String language) {
        return Shown.of(titles, language, sourceLanguage);
    }

    /** When the procedure applies, or null when the version does not say. */
    public Shown appliesWhen(String language) {
        return Shown.of(appliesWhen, language, sourceLanguage);
    }

    public Shown text(Step step, String language) {
        return Shown.of(step.texts(), language, sourceLanguage);
    }

    /** The label of the step's field, or null when it has none. */
    public Shown fieldLabel(Step step, String language) {
        return Shown.of(step.fieldLabels(), language, sourceLanguage);
    }
}
