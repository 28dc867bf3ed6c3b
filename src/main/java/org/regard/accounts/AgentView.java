package org.regard.accounts;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/**
 * An agent as other modules see it.
 *
 * @param probationUntil the last day of the agent's probation, or null when not on probation
 * @param reviewer       whether the agent may review others' work
 * @param timeZone       the IANA id of the zone the agent chose for their pages, or null (their first team's, else the
 *                       desk's: {@link TimeZones#ofAgent})
 */
public record AgentView(long id, String email, String displayName, Role role, String locale,
                        List<String> languages, boolean active, Set<Long> teamIds, LocalDate probationUntil,
                        boolean reviewer, String timeZone) {

    public boolean isAdmin() {
        return role == Role.ADMIN;
    }
}
