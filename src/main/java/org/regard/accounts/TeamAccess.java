package org.regard.accounts;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.util.HashSet;
import java.util.Set;

/**
 * Who leads which team, decided here and nowhere else. A team lead ({@link Role#LEAD}) leads the teams they belong to;
 * an administrator leads every team; Regard itself ({@link Actor#SYSTEM}) may do what a lead may everywhere; a plain
 * agent leads none. Whatever belongs to leading a team (its procedures, touch budgets, gesture limits, queue settings,
 * reports) asks {@link #canLead} or {@link #teamsLedBy}.
 * <p>
 * Leading is not administering: agents, teams, categories, mailboxes and the audit log are for administrators only
 * ({@link #canAdminister}; the pages under {@code /admin/} and the administration API are refused to everyone else by
 * the security chains of {@link SecurityConfiguration}).
 */
@Component
public class TeamAccess {
    private final JdbcClient jdbc;

    TeamAccess(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Whether the actor may do what a lead does for this team. */
    public boolean canLead(Actor actor, long teamId) {
        return actor.isSystem() || actor.isAdmin() || actor.isLead() && actor.teamIds().contains(teamId);
    }

    /** The teams the actor leads: every team for an administrator (and Regard), their own for a lead, none for an agent. */
    public Set<Long> teamsLedBy(Actor actor) {
        if (actor.isSystem() || actor.isAdmin()) {
            return Set.copyOf(new HashSet<>(jdbc.sql("select id from team").query(Long.class).list()));
        }
        return actor.isLead() ? actor.teamIds() : Set.of();
    }

    /** Whether the actor manages the desk: agents, teams, categories, mailboxes, the audit log. */
    public boolean canAdminister(Actor actor) {
        return actor.isSystem() || actor.isAdmin();
    }
}
