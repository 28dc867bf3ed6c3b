package org.regard.languages;

/**
 * The language a text was found to be written in (an ISO 639-1 code among the configured languages), how sure the
 * detector is (0..1, relative to the other configured languages), and whether that is sure enough to act on.
 */
public record Detection(String language, double confidence, boolean confident) {
}
