package org.regard.tickets;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Asks every {@link ReplyHold} about a reply, under its ticket's lock, and combines their reasons (each once, in order). */
@Component
class ReplyHolds {
    private final ObjectProvider<ReplyHold> holds;

    ReplyHolds(ObjectProvider<ReplyHold> holds) {
        this.holds = holds;
    }

    /** Empty when the reply may go out now. */
    List<String> reasons(Ticket ticket, org.regard.accounts.Actor author, String body, boolean authorAsked) {
        var reply = new ReplyHold.Reply(ticket.getId(), ticket.getTeamId(), ticket.getCategoryId(), ticket.getCustomerId(),
                author.agentId(), body, authorAsked, author.probationUntil());
        Set<String> reasons = new LinkedHashSet<>();
        holds.orderedStream().forEach(hold -> reasons.addAll(hold.reasons(reply)));
        return List.copyOf(reasons);
    }
}
