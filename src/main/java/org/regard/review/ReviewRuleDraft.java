package org.regard.review;

import java.util.List;

/**
 * A review rule as sent by the page or the API, not yet checked: {@code kind} by its code, {@code target} the id of the
 * category, customer or organization, {@code words} one word or phrase each, {@code team} null for every team,
 * {@code active} null for active.
 */
public record ReviewRuleDraft(String kind, Long target, List<String> words, Long team, Boolean active) {
}
