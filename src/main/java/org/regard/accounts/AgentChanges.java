package org.regard.accounts;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A change an administrator makes to an agent: a null field keeps its value (so a partial change names only what
 * changes). {@code probationUntil} is null to keep it, empty to end the probation, or the new last day.
 */
public record AgentChanges(String email, String displayName, Role role, List<String> languages, Set<Long> teamIds,
                           Boolean active, Optional<LocalDate> probationUntil, Boolean reviewer) {
    public static final AgentChanges NONE = new AgentChanges(null, null, null, null, null, null, null, null);

    public AgentChanges withActive(boolean value) {
        return new AgentChanges(email, displayName, role, languages, teamIds, value, probationUntil, reviewer);
    }
}
