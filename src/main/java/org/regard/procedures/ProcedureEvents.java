package org.regard.procedures;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What happens to procedures, published inside the transaction that did it, for modules that keep something in step
 * (the search index). Each event carries what its listeners need, so that none reads the procedures' tables.
 */
public final class ProcedureEvents {
    private ProcedureEvents() {
    }

    /**
     * A version was published (the first one creates the procedure). {@code title} is the title in the version's
     * source language; {@code text} every other text of the version, in every language, one a line: the titles, when
     * it applies, the steps and their fields' labels.
     */
    public record Published(long procedureId, long teamId, int version, String title, String text, Instant at) {
        static Published of(long procedureId, long teamId, int version, String sourceLanguage, Map<String, String> titles,
                            Map<String, String> appliesWhen, List<Map<String, String>> stepTexts, Instant at) {
            List<String> lines = new ArrayList<>();
            titles.forEach((language, title) -> {
                if (!language.equals(sourceLanguage)) {
                    lines.add(title);
                }
            });
            lines.addAll(appliesWhen.values());
            stepTexts.forEach(texts -> lines.addAll(texts.values()));
            return new Published(procedureId, teamId, version, titles.getOrDefault(sourceLanguage, ""),
                    String.join("\n", lines.stream().filter(l -> l != null && !l.isBlank()).toList()), at);
        }

        static Published of(ProcedureVersion v) {
            List<Map<String, String>> steps = new ArrayList<>();
            v.steps().forEach(s -> {
                steps.add(s.texts());
                steps.add(s.fieldLabels());
            });
            return of(v.procedureId(), v.teamId(), v.number(), v.sourceLanguage(), v.titles(), v.appliesWhen(), steps,
                    v.publishedAt());
        }
    }

    /** A procedure was retired: it applies to no new ticket. */
    public record Retired(long procedureId, long teamId, Instant at) {
    }
}
