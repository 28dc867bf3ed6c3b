package org.regard.accounts;

/**
 * What an agent may do. Agents work on the tickets of their teams. Team leads do too, and lead their own teams
 * (see {@link TeamAccess}); they are not administrators. Admins see every team's tickets, lead every team, and manage
 * agents, teams, categories, mailboxes and the audit log.
 */
public enum Role {
    ADMIN, LEAD, AGENT;

    public String authority() {
        return "ROLE_" + name();
    }
}
