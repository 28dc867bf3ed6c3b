package org.regard.procedures;

import org.junit.jupiter.api.Test;
import org.regard.procedures.ProcedureDraft.StepDraft;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Step keys across versions, and what a draft must hold to be published. */
class VersioningTest {
    private static final List<String> LANGUAGES = List.of("en", "fr", "de", "vi");

    @Test
    void aFirstVersionNumbersItsKeysFromOne() {
        StepKeys.Assigned assigned = StepKeys.assign(Set.of(), 1, List.of(step(null, "Check"), step(null, "Refund")));

        assertThat(assigned.keys()).containsExactly("s1", "s2");
        assertThat(assigned.nextKey()).isEqualTo(3);
    }

    @Test
    void carriedStepsKeepTheirKeysWhereverTheyMoveAndNewStepsGetUnusedOnes() {
        // version 1 had s1, s2, s3; s2 was removed, s3 moved first, two new steps added; s4 was given before
        StepKeys.Assigned assigned = StepKeys.assign(Set.of("s1", "s3"), 5,
                List.of(step("s3", "Third, now first"), step(null, "New"), step("s1", "First"), step(" ", "Another new")));

        assertThat(assigned.keys()).containsExactly("s3", "s5", "s1", "s6");
        assertThat(assigned.nextKey()).isEqualTo(7);
    }

    @Test
    void aKeyTheVersionBeforeDidNotHaveOrOneGivenTwiceIsRefused() {
        assertThatThrownBy(() -> StepKeys.assign(Set.of("s1"), 2, List.of(step("s1", "A"), step("s9", "B"))))
                .isInstanceOfSatisfying(ProcedureInvalid.class, e -> {
                    assertThat(e.field()).isEqualTo("steps[1].key");
                    assertThat(e.stepIndex()).isEqualTo(1);
                });
        assertThatThrownBy(() -> StepKeys.assign(Set.of("s1"), 2, List.of(step("s1", "A"), step("s1", "B"))))
                .isInstanceOfSatisfying(ProcedureInvalid.class, e -> assertThat(e.code()).isEqualTo("procedures.error.stepKeyTwice"));
    }

    @Test
    void aCheckedDraftIsCleanedAndKeepsOnlyWhatIsWritten() {
        ProcedureDraft clean = PublishingProcedure.checked(new ProcedureDraft(1L, List.of(3L, 3L), " FR ", null,
                Map.of("fr", "  Remboursement ", "en", " "), Map.of("fr", "Quand un client demande"),
                List.of(new StepDraft(null, Map.of("fr", " Vérifier "), true, false, null, "YES-NO", Map.of("fr", "Payé ?"))), null), LANGUAGES);

        assertThat(clean.sourceLanguage()).isEqualTo("fr");
        assertThat(clean.gate()).isEqualTo("warn");
        assertThat(clean.categoryIds()).containsExactly(3L);
        assertThat(clean.titles()).containsExactly(Map.entry("fr", "Remboursement"));
        assertThat(clean.steps().getFirst().texts()).containsExactly(Map.entry("fr", "Vérifier"));
        assertThat(clean.steps().getFirst().fieldType()).isEqualTo("yes-no");
    }

    @Test
    void aDraftWithoutWhatItNeedsIsRefusedNamingTheField() {
        assertThat(problem(draft(List.of()))).isEqualTo("steps");
        List<StepDraft> tooMany = new ArrayList<>();
        for (int i = 0; i <= Procedures.MAX_STEPS; i++) {
            tooMany.add(step(null, "Step " + i));
        }
        assertThat(problem(draft(tooMany))).isEqualTo("steps");
        assertThat(problem(draft(List.of(step(null, "x".repeat(Procedures.MAX_STEP_TEXT + 1)))))).isEqualTo("steps[0].texts.en");
        assertThat(problem(draft(List.of(new StepDraft(null, Map.of("fr", "Seulement en français"), true, false, null, null, null)))))
                .isEqualTo("steps[0].texts.en");
        assertThat(problem(draft(List.of(new StepDraft(null, Map.of("en", "Ask"), true, false, null, "colour", Map.of("en", "Colour"))))))
                .isEqualTo("steps[0].fieldType");
        assertThat(problem(draft(List.of(new StepDraft(null, Map.of("en", "Ask"), true, false, null, "number", null)))))
                .isEqualTo("steps[0].fieldLabels.en");
        assertThat(problem(draft(List.of(new StepDraft(null, Map.of("en", "Ask", "es", "Preguntar"), true, false, null, null, null)))))
                .isEqualTo("steps[0].texts");
        assertThat(problem(new ProcedureDraft(1L, List.of(1L), "en", "never", Map.of("en", "T"), null, List.of(step(null, "A")), null)))
                .isEqualTo("gate");
        assertThat(problem(new ProcedureDraft(1L, List.of(1L), "en", null, Map.of("en", "T".repeat(Procedures.MAX_TITLE + 1)), null,
                List.of(step(null, "A")), null))).isEqualTo("titles.en");
        assertThat(problem(new ProcedureDraft(1L, List.of(), "en", null, Map.of("en", "T"), null, List.of(step(null, "A")), null)))
                .isEqualTo("categories");
        assertThat(problem(new ProcedureDraft(1L, List.of(1L), "es", null, Map.of("en", "T"), null, List.of(step(null, "A")), null)))
                .isEqualTo("sourceLanguage");
    }

    @Test
    void aReaderGetsTheirLanguageOrTheSourceMarkedAsSuch() {
        Map<String, String> texts = Map.of("en", "Refund", "de", "Erstattung");

        assertThat(Shown.of(texts, "de", "en")).isEqualTo(new Shown("Erstattung", "de", false));
        assertThat(Shown.of(texts, "fr", "en")).isEqualTo(new Shown("Refund", "en", true));
        assertThat(Shown.of(texts, "en", "en")).isEqualTo(new Shown("Refund", "en", false));
    }

    private static String problem(ProcedureDraft draft) {
        try {
            PublishingProcedure.checked(draft, LANGUAGES);
            return null;
        } catch (ProcedureInvalid e) {
            return e.field();
        }
    }

    private static ProcedureDraft draft(List<StepDraft> steps) {
        return new ProcedureDraft(1L, List.of(1L), "en", "block", Map.of("en", "Refund"), null, steps, null);
    }

    private static StepDraft step(String key, String text) {
        return new StepDraft(key, Map.of("en", text), true, false, null, null, null);
    }
}
