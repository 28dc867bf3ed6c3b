package org.regard.accounts;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/**
 * An agent as other modules see it.
 *
 * @param probationUntil the last day of the agent's probation, or null when not on probation
 * @param reviewer       whether the agent may review others' work
 */
public record AgentView(long id, String email, String displayName, Role role, String locale,
                        List<String> languages, boolean active, Set<Long> teamIds, LocalDate probationUntil,
                        boolean reviewer) {

    public boolean isAdmin() {
        return role == Role.ADMIN;
    }
}
