package org.regard.tickets;

import org.regard.accounts.Accounts;
import org.regard.accounts.Actor;
import org.regard.tickets.ReplyChannel.Destination;
import org.regard.tickets.ReplyChannel.ReplyTarget;
import org.regard.tickets.TicketCommands.Reply;
import org.regard.tickets.TicketEvents.AgentReplied;
import org.regard.tickets.TicketEvents.ReplyHeld;
import org.regard.tickets.TicketEvents.TicketAssigned;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;

/**
 * An agent answers the customer, optionally moving the ticket on and taking it when nobody has it. A new ticket
 * becomes open with its first answer. Where the reply goes is decided under the ticket's lock by
 * {@link ReplyDestinations}, exactly as the composer previewed it: a reply a channel carries (email) is an outbound
 * touch, and the channel module queues it in this same transaction when it hears {@link AgentReplied}; a reply no
 * channel carries is recorded only, and is a touch only when the agent gave the answer by phone or in person.
 * <p>
 * A reply that a {@link ReplyHold} holds (or whose author asked for a review) is written held: not sent, no touch, its
 * status kept for the approval, announced as {@link ReplyHeld} instead ({@link ReleasingReply} sends it when approved).
 * How the author gave the answer ({@code toldBy}) does not apply to a held reply: it has not been given yet.
 */
@Component
class Replying {
    private final MessageWriting writing;
    private final ReplyDestinations destinations;
    private final TicketRows rows;
    private final Accounts accounts;
    private final ApplicationEventPublisher events;
    private final ResolutionGates gates;
    private final ResolutionReviewing reviewing;
    private final ReplyHolds holds;

    Replying(MessageWriting writing, ReplyDestinations destinations, TicketRows rows, Accounts accounts,
             ApplicationEventPublisher events, ResolutionGates gates, ResolutionReviewing reviewing, ReplyHolds holds) {
        this.holds = holds;
        this.writing = writing;
        this.destinations = destinations;
        this.rows = rows;
        this.accounts = accounts;
        this.events = events;
        this.gates = gates;
        this.reviewing = reviewing;
    }

    Tickets.Written reply(long ticketId, Reply cmd, Actor actor) {
        TicketInput.requireText(cmd.body(), Tickets.MAX_BODY, "body");
        ResolutionGates.reason(cmd.resolutionReason());
        long agentId = actor.agent().orElseThrow(() -> new IllegalArgumentException("Only an agent replies."));
        Destination[] decided = new Destination[1];
        boolean[] taken = new boolean[1];
        List<String> heldFor = new ArrayList<>();
        return writing.write(ticketId, actor, cmd.submissionKey(), cmd.attachments(), (ticket, now, key) -> {
            heldFor.addAll(holds.reasons(ticket, actor, cmd.body(), cmd.askReview()));
            List<Ticket.Change> changes = new ArrayList<>();
            Message m;
            if (!heldFor.isEmpty()) {
                // held: nothing reaches the customer, nothing is a touch, and the status waits for the approval
                ticket.noteActivity(now);
                m = new Message(ticketId, MessageKind.REPLY, Channel.WEB, null, agentId, null, cmd.body(), now, key)
                        .held(heldFor, cmd.nextStatus(), cmd.resolutionReason());
                changes.add(new Ticket.Change("review", null, "held"));
            } else {
                changes.addAll(moveOn(ticket, cmd.nextStatus(), cmd.resolutionReason(), agentId, now));
                Destination destination = destinations.of(new ReplyTarget(ticketId, ticket.getTeamId(), ticket.getCustomerId(),
                        ticket.getChannel()));
                decided[0] = destination;
                Channel channel = destination.delivers() ? destination.channel() : cmd.toldBy() != null ? cmd.toldBy() : Channel.WEB;
                boolean touch = destination.delivers() || cmd.toldBy() != null;
                if (touch) {
                    ticket.recordTouch(TouchDirection.OUTBOUND, now);
                } else {
                    ticket.noteActivity(now);
                }
                m = new Message(ticketId, MessageKind.REPLY, channel, touch ? TouchDirection.OUTBOUND : null,
                        agentId, null, cmd.body(), now, key);
            }
            if (cmd.takeIt() && ticket.getAssigneeId() == null && actor.teamIds().contains(ticket.getTeamId())) {
                List<Ticket.Change> assigned = ticket.assignTo(agentId, now);
                changes.addAll(assigned);
                taken[0] = !assigned.isEmpty();
            }
            return new MessageWriting.Draft(m, changes);
        }, (ticket, messageId, m, now) -> {
            if (heldFor.isEmpty()) {
                events.publishEvent(new AgentReplied(ticketId, ticket.getTeamId(), agentId, messageId, m.getChannel(),
                        ticket.getCustomerId(), ticket.getSubject(), cmd.body(), now, m.getTouch() != null, decided[0]));
            } else {
                events.publishEvent(new ReplyHeld(ticketId, ticket.getTeamId(), agentId, messageId, heldFor, cmd.body(), 1, now));
            }
            if (taken[0]) {
                events.publishEvent(new TicketAssigned(ticketId, ticket.getTeamId(), ticket.getStatus(), agentId, agentId, now));
            }
        });
    }

    /**
     * The first answer opens a new ticket; then the status the agent chose. A status a resolved or closed ticket cannot
     * take means someone resolved it while the agent wrote: they are told who, and when.
     */
    List<Ticket.Change> moveOn(Ticket ticket, TicketStatus nextStatus, String reason, long agentId, java.time.Instant now) {
        List<Ticket.Change> changes = new ArrayList<>();
        TicketStatus before = ticket.getStatus();
        if (ticket.getStatus() == TicketStatus.NEW) {
            changes.addAll(ticket.moveTo(TicketStatus.OPEN, now));
        }
        if (nextStatus != null) {
            TicketStatus current = ticket.getStatus();
            if (!current.isActive() && nextStatus != current && !current.canMoveTo(nextStatus)) {
                var last = rows.lastMoveTo(ticket.getId(), current);
                String name = last.flatMap(c -> c.actorAgentId() == null ? java.util.Optional.empty()
                        : accounts.agent(c.actorAgentId()).map(a -> a.displayName())).orElse(null);
                throw new ResolvedMeanwhile(current, nextStatus, name, last.map(TicketRows.StatusMove::at).orElse(null));
            }
            if (reviewing.diverts(ticket, nextStatus)) {
                // the reply goes; the resolution waits for a second person's review
                changes.addAll(reviewing.request(ticket, reason, agentId, now));
                return changes;
            }
            changes.addAll(ticket.moveTo(nextStatus, now));
            gates.require(ticket, before, reason)
                    .ifPresent(r -> changes.add(new Ticket.Change(ResolutionGates.REASON_FIELD, null, r)));
        }
        return changes;
    }
}
