package org.regard.reports;

import org.regard.ratings.RatingEvents.RatingGiven;
import org.regard.tickets.TicketEvents.AgentLoggedContact;
import org.regard.tickets.TicketEvents.PurchaseReferenced;
import org.regard.tickets.TicketEvents.RootCauseNoted;
import org.regard.tickets.TicketEvents.TicketFlagged;
import org.regard.tickets.TicketEvents.TicketsMerged;
import org.regard.tickets.TicketEvents.AgentReplied;
import org.regard.tickets.TicketEvents.CustomerWrote;
import org.regard.tickets.TicketEvents.ReplyWithdrawn;
import org.regard.tickets.TicketEvents.TicketOpened;
import org.regard.tickets.TicketEvents.TicketStatusChanged;
import org.regard.tickets.TouchDirection;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import static org.regard.reports.TeamDayCounter.Counter.*;

/**
 * Keeps each team's daily activity from the tickets module's events. Each listener runs after the
 * ticket's transaction committed, in its own transaction; the event publication registry delivers an
 * event again after a crash until its listener has completed.
 */
@Component
class ActivityLedger {
    private final TeamDayCounter counter;
    private final ReportFacts facts;

    ActivityLedger(TeamDayCounter counter, ReportFacts facts) {
        this.counter = counter;
        this.facts = facts;
    }

    /** A new ticket, and its first message's inbound touch unless a machine wrote it. */
    @ApplicationModuleListener
    void on(TicketOpened event) {
        facts.opened(event.ticketId(), event.teamId(), event.channel().name(), event.language(), event.tier(), event.at());
        if (event.automated()) {
            counter.increment(event.teamId(), event.at(), TICKETS_OPENED);
        } else {
            counter.increment(event.teamId(), event.at(), TICKETS_OPENED, TOUCHES_IN);
        }
    }

    /** A ticket flagged for a lead (its touches reached the alarm, a bad rating with a comment): the flags report. */
    @ApplicationModuleListener
    void on(TicketFlagged event) {
        facts.flagged(event.ticketId(), event.teamId(), event.categoryId(), event.reason(), event.at());
    }

    @ApplicationModuleListener
    void on(RootCauseNoted event) {
        facts.rootCauseNoted(event.ticketId(), event.rootCause(), event.at());
    }

    /** The purchase a ticket is about: its touches count for that purchase (touches per purchase). */
    @ApplicationModuleListener
    void on(PurchaseReferenced event) {
        facts.purchaseReferenced(event.ticketId(), event.purchaseRef(), event.at());
    }

    /** A duplicate merged into a survivor: its touches are the survivor's now, and no longer count for its purchase. */
    @ApplicationModuleListener
    void on(TicketsMerged event) {
        facts.mergedAway(event.mergedId());
    }

    /** The customer's rating (every answer and change of it; the latest of each request counts): satisfaction. */
    @ApplicationModuleListener
    void on(RatingGiven event) {
        facts.rated(new ReportFacts.Answer(event.requestId(), event.ticketId(), event.teamId(), event.score().name(),
                event.resolvedAt(), event.answeredAt()));
    }

    @ApplicationModuleListener
    void on(CustomerWrote event) {
        counter.increment(event.teamId(), event.at(), TOUCHES_IN);
    }

    /** A reply recorded only (it left Regard by no channel and the agent gave it no other way) is no touch. */
    @ApplicationModuleListener(condition = "#event.touch()")
    void on(AgentReplied event) {
        counter.increment(event.teamId(), event.at(), TOUCHES_OUT);
    }

    @ApplicationModuleListener
    void on(ReplyWithdrawn event) {
        counter.decrement(event.teamId(), event.at(), TOUCHES_OUT);
    }

    @ApplicationModuleListener
    void on(AgentLoggedContact event) {
        counter.increment(event.teamId(), event.at(), event.direction() == TouchDirection.INBOUND ? TOUCHES_IN : TOUCHES_OUT);
    }

    /**
     * Only resolutions and reopenings count; the condition keeps every other status change out of the publication
     * registry. One resolved while a required step of its procedure was open (with a written reason) counts in both.
     * A reopening (back to open from resolved or closed) counts against the ticket's latest resolution.
     */
    @ApplicationModuleListener(condition = "#event.to().name() == 'RESOLVED' or (#event.to().name() == 'OPEN'"
            + " and (#event.from().name() == 'RESOLVED' or #event.from().name() == 'CLOSED'))")
    void on(TicketStatusChanged event) {
        if (event.to() != org.regard.tickets.TicketStatus.RESOLVED) {
            facts.reopened(event.ticketId(), event.at());
            return;
        }
        facts.resolved(event.ticketId(), event.teamId(), event.at());
        if (event.overOpenStep()) {
            counter.increment(event.teamId(), event.at(), TICKETS_RESOLVED, RESOLVED_OVER_OPEN_STEP);
        } else {
            counter.increment(event.teamId(), event.at(), TICKETS_RESOLVED);
        }
    }
}
