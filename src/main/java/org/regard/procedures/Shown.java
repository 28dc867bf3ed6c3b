package org.regard.procedures;

import java.util.Map;

/**
 * One text as a reader gets it: in the language they asked for, or else in the version's source language, with
 * {@code fallback} saying so (the page tells the reader which language they read and why).
 */
public record Shown(String text, String language, boolean fallback) {

    /** The text in {@code wanted}, else in {@code source} (marked as a fallback); null when neither has one. */
    public static Shown of(Map<String, String> texts, String wanted, String source) {
        String there = wanted == null ? null : texts.get(wanted);
        if (there != null && !there.isBlank()) {
            return new Shown(there, wanted, false);
        }
        String fallback = texts.get(source);
        if (fallback == null || fallback.isBlank()) {
            return null;
        }
        return new Shown(fallback, source, wanted != null && !wanted.equals(source));
    }
}
