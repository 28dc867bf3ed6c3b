package org.regard.tickets;

import org.regard.accounts.Actor;
import org.regard.accounts.TeamAccess;
import org.regard.audit.AuditAction;
import org.regard.audit.AuditLog;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * The root causes each team offers its leads for a flagged ticket. A team that never edited its list offers the
 * built-in one ({@link #DEFAULTS}: keys the pages translate); a team's own labels are shown as written.
 */
@Service
@Transactional
public class RootCauses {
    /** The built-in list, as keys ({@code rootcause.<key>} in the message bundles). */
    public static final List<String> DEFAULTS = List.of("unclear_answer", "product_defect", "missing_information", "policy", "other");
    public static final int MAX_LABEL = 100;
    public static final int MAX_CAUSES = 30;

    private final JdbcClient jdbc;
    private final TeamAccess teams;
    private final AuditLog audit;

    RootCauses(JdbcClient jdbc, TeamAccess teams, AuditLog audit) {
        this.jdbc = jdbc;
        this.teams = teams;
        this.audit = audit;
    }

    /** The team's list, in its order. */
    @Transactional(readOnly = true)
    public List<String> of(long teamId) {
        List<String> own = jdbc.sql("select label from team_root_cause where team_id = ? order by position").param(teamId)
                .query(String.class).list();
        return own.isEmpty() ? DEFAULTS : own;
    }

    /**
     * Replaces the team's list (blank lines dropped, duplicates once; an empty list brings back the built-in one).
     * Leads of the team and admins only; audited.
     *
     * @throws TicketForbidden when the actor does not lead the team
     * @throws InvalidInput    naming {@code causes} when a label is too long or there are too many
     */
    public List<String> replace(long teamId, List<String> causes, Actor actor) {
        if (!teams.canLead(actor, teamId)) {
            throw TicketForbidden.leadsOnly();
        }
        LinkedHashSet<String> clean = new LinkedHashSet<>();
        for (String c : causes == null ? List.<String>of() : causes) {
            if (c != null && !c.isBlank()) {
                if (c.strip().length() > MAX_LABEL) {
                    throw new InvalidInput("causes", "must each be at most " + MAX_LABEL + " characters");
                }
                clean.add(c.strip());
            }
        }
        if (clean.size() > MAX_CAUSES) {
            throw new InvalidInput("causes", "must be at most " + MAX_CAUSES);
        }
        List<String> before = of(teamId);
        List<String> after = clean.isEmpty() ? DEFAULTS : new ArrayList<>(clean);
        if (before.equals(after)) {
            return before;
        }
        jdbc.sql("delete from team_root_cause where team_id = ?").param(teamId).update();
        if (!clean.isEmpty()) {
            int position = 0;
            for (String label : clean) {
                jdbc.sql("insert into team_root_cause (team_id, position, label) values (?, ?, ?)").params(teamId, position++, label).update();
            }
        }
        audit.record(AuditAction.SETTINGS_CHANGED, "root-causes", teamId, "root causes: " + String.join(", ", after));
        return after;
    }
}
