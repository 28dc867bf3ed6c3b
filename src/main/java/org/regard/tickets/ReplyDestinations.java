package org.regard.tickets;

import org.regard.accounts.Actor;
import org.regard.accounts.AgentPrincipal;
import org.regard.tickets.ReplyChannel.Destination;
import org.regard.tickets.ReplyChannel.Obstacle;
import org.regard.tickets.ReplyChannel.ReplyTarget;
import org.regard.tickets.ReplyChannel.StuckReplies;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Where a reply goes, asked of every {@link ReplyChannel}: the first channel that delivers it wins; when none does,
 * the reply is recorded only, for the first reason a channel gave (or "no mailbox" when no channel module runs). The
 * composer shows this before the reply is sent, and {@link Replying} decides by it, so what the page promised is what
 * happens. No visibility check: callers have read the ticket through {@link TicketQueries} or hold its row lock.
 */
@Component
public class ReplyDestinations {
    private final ObjectProvider<ReplyChannel> channels;
    private final TicketAccess access;

    ReplyDestinations(ObjectProvider<ReplyChannel> channels, TicketAccess access) {
        this.channels = channels;
        this.access = access;
    }

    /** Where a reply to this ticket would go now. */
    public Destination of(ReplyTarget target) {
        Destination refused = null;
        for (ReplyChannel channel : channels.orderedStream().toList()) {
            Destination d = channel.destinationOf(target);
            if (d.delivers()) {
                return d;
            }
            refused = refused == null ? d : refused;
        }
        return refused != null ? refused : Destination.recordedOnly(Obstacle.NO_MAILBOX);
    }

    /** The stuck replies of the agent's teams (every team for an admin), counted over every channel. */
    public StuckReplies stuckFor(AgentPrincipal agent) {
        Actor actor = access.actor(agent);
        int count = 0;
        Set<Long> tickets = new LinkedHashSet<>();
        for (ReplyChannel channel : channels.orderedStream().toList()) {
            StuckReplies s = channel.stuckReplies(actor.isAdmin() ? null : actor.teamIds());
            count += s.count();
            tickets.addAll(s.ticketIds());
        }
        return count == 0 ? StuckReplies.NONE : new StuckReplies(count, List.copyOf(tickets));
    }
}
