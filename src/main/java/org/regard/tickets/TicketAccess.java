package org.regard.tickets;

import org.regard.accounts.Accounts;
import org.regard.accounts.Actor;
import org.regard.accounts.AgentPrincipal;
import org.springframework.stereotype.Component;

import java.util.Optional;
import java.util.Set;

/**
 * Who may see and work on which ticket, decided here and nowhere else: an agent works on the tickets of their teams,
 * an administrator on every ticket, and {@link Actor#SYSTEM} (mail intake, the demo) on every ticket.
 */
@Component
public class TicketAccess {
    private final Accounts accounts;
    private final TicketRepository tickets;

    TicketAccess(Accounts accounts, TicketRepository tickets) {
        this.accounts = accounts;
        this.tickets = tickets;
    }

    /** The signed-in agent as an actor, with role and teams read fresh (one query). */
    public Actor actor(AgentPrincipal agent) {
        return accounts.actor(agent);
    }

    /** Whether the actor may see and work on tickets of this team. */
    public boolean mayWorkIn(Actor actor, long teamId) {
        return actor.isSystem() || actor.isAdmin() || actor.teamIds().contains(teamId);
    }

    /** Whether the agent may see and work on tickets of this team. */
    public boolean mayWorkIn(AgentPrincipal agent, long teamId) {
        return agent.isAdmin() || mayWorkIn(actor(agent), teamId);
    }

    /** The teams whose tickets the actor sees, or empty when they see every team's. */
    public Optional<Set<Long>> visibleTeams(Actor actor) {
        return actor.isSystem() || actor.isAdmin() ? Optional.empty() : Optional.of(actor.teamIds());
    }

    /** The teams whose tickets the agent sees, or empty when they see every team's. */
    public Optional<Set<Long>> visibleTeams(AgentPrincipal agent) {
        return agent.isAdmin() ? Optional.empty() : visibleTeams(actor(agent));
    }

    void requireWorkOn(Actor actor, Ticket ticket) {
        if (!mayWorkIn(actor, ticket.getTeamId())) {
            throw new TicketForbidden(ticket.getId());
        }
    }

    /** An agent opens tickets only for their own teams; an administrator and Regard itself for any. */
    void requireOpenIn(Actor actor, long teamId) {
        if (!mayWorkIn(actor, teamId)) {
            throw new IllegalArgumentException("You can only open tickets for a team you belong to.");
        }
    }

    /** Loads a ticket the agent may see, or explains why not (not found, or another team's). */
    Ticket visibleTicket(long ticketId, AgentPrincipal agent) {
        Ticket ticket = tickets.findById(ticketId).orElseThrow(() -> new TicketNotFound(ticketId));
        if (!mayWorkIn(agent, ticket.getTeamId())) {
            throw new TicketForbidden(ticketId);
        }
        return ticket;
    }

    /** Fails unless the agent may see the ticket. */
    public void requireVisible(long ticketId, AgentPrincipal agent) {
        visibleTicket(ticketId, agent);
    }
}
