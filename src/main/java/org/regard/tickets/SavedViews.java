package org.regard.tickets;

import org.regard.accounts.Actor;
import org.regard.accounts.AgentPrincipal;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Inbox filters an agent saves under a name: for themselves, or shared with one of their teams, whose members then
 * see it as a tab too. Only the members of that team (and its owner) see or use a shared view; the owner or an
 * administrator deletes it. The filter is kept as the inbox's query string and read back by the inbox.
 */
@Component
public class SavedViews {
    /** Longest name a view may have. */
    public static final int MAX_NAME = 80;
    /** Longest stored filter. */
    public static final int MAX_FILTER = 2000;
    /** Most views one agent sees as tabs. */
    public static final int MAX_VISIBLE = 30;

    private final JdbcClient jdbc;
    private final TicketAccess access;
    private final Clock clock;

    SavedViews(JdbcClient jdbc, TicketAccess access, Clock clock) {
        this.jdbc = jdbc;
        this.access = access;
        this.clock = clock;
    }

    /** A saved view: {@code teamId} is the team it is shared with, null for its owner alone. */
    public record SavedView(long id, long ownerId, Long teamId, String name, String filter) {
        public boolean shared() {
            return teamId != null;
        }
    }

    /** The agent's own views and those shared with their teams, by name. */
    @Transactional(readOnly = true)
    public List<SavedView> visibleTo(AgentPrincipal agent, Set<Long> teamIds) {
        return jdbc.sql("select id, owner_id, team_id, name, filter from saved_view where owner_id = :me"
                        + " or team_id in (:teams) order by name, id limit :max")
                .param("me", agent.id()).param("teams", teamIds.isEmpty() ? List.of(-1L) : List.copyOf(teamIds))
                .param("max", MAX_VISIBLE).query(SavedViews::view).list();
    }

    /** The view, whoever may see it. */
    @Transactional(readOnly = true)
    public Optional<SavedView> find(long id) {
        return jdbc.sql("select id, owner_id, team_id, name, filter from saved_view where id = ?").param(id)
                .query(SavedViews::view).optional();
    }

    /** Whether the agent sees and uses this view: theirs, or shared with a team they are in. */
    public boolean mayUse(SavedView view, Set<Long> teamIds, AgentPrincipal agent) {
        return view.ownerId() == agent.id() || (view.teamId() != null && teamIds.contains(view.teamId()));
    }

    /**
     * Saves a view. {@code sharedWith} must be a team the agent works in (an administrator may share with any team);
     * a blank or overlong name is refused with {@link InvalidInput}.
     */
    @Transactional
    public SavedView save(String name, String filter, Long sharedWith, AgentPrincipal agent) {
        TicketInput.requireText(name, MAX_NAME, "name");
        String cleanName = name.strip();
        if (filter == null || filter.length() > MAX_FILTER) {
            throw new InvalidInput("filter", "is too long to keep");
        }
        if (sharedWith != null) {
            Actor actor = access.actor(agent);
            if (!actor.isAdmin() && !actor.teamIds().contains(sharedWith)) {
                throw new InvalidInput("team", "must be one of your teams");
            }
        }
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("insert into saved_view (owner_id, team_id, name, filter, created_at) values (?, ?, ?, ?, ?)")
                .params(agent.id(), sharedWith, cleanName, filter, Timestamp.from(clock.instant()))
                .update(key, "id");
        return new SavedView(key.getKey().longValue(), agent.id(), sharedWith, cleanName, filter);
    }

    /** Deletes a view its owner or an administrator no longer wants; false when the agent may not. */
    @Transactional
    public boolean delete(long id, AgentPrincipal agent) {
        return jdbc.sql("delete from saved_view where id = ? and (owner_id = ? or ?)")
                .params(id, agent.id(), agent.isAdmin()).update() > 0;
    }

    private static SavedView view(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new SavedView(rs.getLong(1), rs.getLong(2), rs.getObject(3, Long.class), rs.getString(4), rs.getString(5));
    }
}
