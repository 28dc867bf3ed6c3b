package org.regard.tickets;

import org.regard.accounts.Actor;
import org.regard.customers.CustomerTickets;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.util.Optional;
import java.util.Set;

/**
 * Answers the customers module's access policies with {@link TicketAccess}'s rule: an actor serves a customer who has
 * a ticket in a team the actor works in; whoever works on every team's tickets serves every customer.
 */
@Component
class CustomersServed implements CustomerTickets {
    private final TicketAccess access;
    private final JdbcClient jdbc;

    CustomersServed(TicketAccess access, JdbcClient jdbc) {
        this.access = access;
        this.jdbc = jdbc;
    }

    @Override
    public boolean serves(Actor actor, long customerId) {
        Optional<Set<Long>> teams = access.visibleTeams(actor);
        if (teams.isEmpty()) {
            return true;
        }
        if (teams.get().isEmpty()) {
            return false;
        }
        return jdbc.sql("select 1 from ticket where customer_id = :customer and team_id in (:teams) limit 1")
                .param("customer", customerId).param("teams", teams.get())
                .query(Integer.class).optional().isPresent();
    }

    @Override
    public boolean mayWorkIn(Actor actor, long teamId) {
        return access.mayWorkIn(actor, teamId);
    }

    @Override
    public Optional<TicketPlace> ticket(long ticketId) {
        return jdbc.sql("select id, customer_id, team_id from ticket where id = ?").param(ticketId)
                .query((rs, n) -> new TicketPlace(rs.getLong(1), rs.getLong(2), rs.getLong(3))).optional();
    }
}
