package org.regard.accounts;

import java.util.List;
import java.util.Set;

/** An agent as other modules see it. */
public record AgentView(long id, String email, String displayName, Role role, String locale,
                        List<String> languages, boolean active, Set<Long> teamIds) {

    public boolean isAdmin() {
        return role == Role.ADMIN;
    }
}
