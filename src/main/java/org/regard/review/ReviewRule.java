package org.regard.review;

import java.time.Instant;
import java.util.List;

/**
 * A review rule as stored. {@code targetId} is the category's, customer's or organization's id (null for
 * {@link ReviewRuleKind#WORDS}); {@code words} the words and phrases as the administrator wrote them (empty for the
 * other kinds); {@code teamId} the one team it applies to, or null for every team. Who created and last changed it
 * (null: Regard itself).
 */
public record ReviewRule(long id, ReviewRuleKind kind, Long targetId, List<String> words, Long teamId, boolean active,
                         Instant createdAt, Long createdBy, Instant updatedAt, Long updatedBy) {
    public ReviewRule {
        words = List.copyOf(words);
    }

    /** Whether the rule is looked at for a reply of this team. */
    public boolean appliesToTeam(long team) {
        return teamId == null || teamId == team;
    }
}
