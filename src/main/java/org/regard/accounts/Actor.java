package org.regard.accounts;

import java.util.Optional;
import java.util.Set;

/**
 * Who does something, as the access policies see it at that moment: an agent with their role and teams read fresh
 * for the use case at hand, or {@link #SYSTEM} for work Regard does on nobody's behalf (mail intake, the demo, the
 * sender). Never null: a use case that acts for nobody says so with {@link #SYSTEM}. {@code probationUntil} is the
 * last day of the agent's probation (null when not on probation), read in the same statement as the role, for the
 * review module's hold on a probationer's replies.
 */
public record Actor(Long agentId, Role role, Set<Long> teamIds, java.time.LocalDate probationUntil) {
    /** Regard itself. */
    public static final Actor SYSTEM = new Actor(null, null, Set.of());

    public Actor {
        teamIds = Set.copyOf(teamIds);
    }

    /** An actor not on probation. */
    public Actor(Long agentId, Role role, Set<Long> teamIds) {
        this(agentId, role, teamIds, null);
    }

    public boolean isSystem() {
        return agentId == null;
    }

    public boolean isAdmin() {
        return role == Role.ADMIN;
    }

    /** A team lead (of their own teams; see {@link TeamAccess}). An admin is not a lead but leads every team. */
    public boolean isLead() {
        return role == Role.LEAD;
    }

    /** The agent's id, or empty for {@link #SYSTEM}. */
    public Optional<Long> agent() {
        return Optional.ofNullable(agentId);
    }
}
