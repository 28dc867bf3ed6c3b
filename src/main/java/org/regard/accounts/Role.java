package org.regard.accounts;

/** What an agent may do. Admins see every team's tickets and manage agents, teams and categories. */
public enum Role {
    ADMIN, AGENT;

    public String authority() {
        return "ROLE_" + name();
    }
}
