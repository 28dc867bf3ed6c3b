package org.regard.ratings;

import org.regard.accounts.AgentPrincipal;
import org.regard.ratings.RatingEvents.RatingGiven;
import org.regard.tickets.TicketAccess;
import org.regard.tickets.TicketQueries;
import org.regard.text.TextInput;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * The customer's ratings: opened and answered through a signed link (no account), and read by agents on the ticket,
 * the person card and the API (agents see their teams' ratings, administrators all).
 */
@Service
public class Ratings {
    public static final int MAX_COMMENT = 2000;
    public static final int MAX_LIST = 500;

    private final RatingStore store;
    private final RatingLinks links;
    private final TicketQueries tickets;
    private final TicketAccess access;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Ratings(RatingStore store, RatingLinks links, TicketQueries tickets, TicketAccess access,
            ApplicationEventPublisher events, Clock clock) {
        this.store = store;
        this.links = links;
        this.tickets = tickets;
        this.access = access;
        this.events = events;
        this.clock = clock;
    }

    /**
     * The request a link names, if its signature is right and it was sent.
     *
     * @throws RatingLinkRefused for anything but a genuine link
     * @throws RatingExpired     for a genuine link past its seven days
     */
    public Rating open(long requestId, String signature) {
        Rating rating = store.find(requestId).filter(r -> "SENT".equals(r.state()))
                .filter(r -> links.valid(r.id(), r.ticketId(), signature))
                .orElseThrow(RatingLinkRefused::new);
        if (!clock.instant().isBefore(rating.expiresAt())) {
            throw new RatingExpired(rating.language());
        }
        return rating;
    }

    /** The ticket's subject, for the public page (the customer wrote it, or an agent for them). */
    public String subjectOf(Rating rating) {
        return tickets.ticket(rating.ticketId()).map(TicketQueries.TicketRow::subject).orElse("");
    }

    /**
     * Records (or changes) the answer through a signed link, with an optional comment.
     *
     * @throws RatingInvalid for a missing score or a comment that is too long
     */
    @Transactional
    public Rating answer(long requestId, String signature, String scoreValue, String comment) {
        Rating rating = open(requestId, signature);
        Score score = Score.parse(scoreValue).orElseThrow(() -> new RatingInvalid("score", "ratings.error.score",
                "Choose good, okay or bad."));
        String text = comment == null || comment.isBlank() ? null : TextInput.clean(comment.strip());
        if (text != null && text.length() > MAX_COMMENT) {
            throw new RatingInvalid("comment", "ratings.error.comment", "The comment is longer than " + MAX_COMMENT + " characters.");
        }
        Instant now = clock.instant();
        if (!store.answer(requestId, score, text, now)) {
            throw new RatingExpired(rating.language());
        }
        events.publishEvent(new RatingGiven(requestId, rating.ticketId(), rating.teamId(), score, text != null,
                rating.resolvedAt(), now));
        return store.find(requestId).orElseThrow();
    }

    /**
     * The answered ratings of tickets with ids in ({@code afterTicketId}, {@code uptoTicketId}], oldest request first. No
     * access check: for the reports' backfill only (it counts answers given before the reports heard them).
     */
    @Transactional(readOnly = true)
    public List<Rating> answeredOfTickets(long afterTicketId, long uptoTicketId) {
        return store.answeredOfTickets(afterTicketId, uptoTicketId);
    }

    /** The ticket's answered ratings, newest first. */
    public List<Rating> ofTicket(long ticketId, AgentPrincipal agent) {
        tickets.requireVisible(ticketId, agent);
        return store.answeredOfTicket(ticketId);
    }

    /** The customer's answered ratings on tickets of the agent's teams (all for an administrator), newest first. */
    public List<Rating> ofCustomer(long customerId, AgentPrincipal agent) {
        return store.answeredOfCustomer(customerId, access.visibleTeams(agent).orElse(null), 100);
    }

    /** Answered ratings by filter (each may be null), newest answer first, at most {@link #MAX_LIST}. */
    public List<Rating> list(Long teamId, Instant from, Instant to, Score score, int limit, AgentPrincipal agent) {
        Set<Long> teams = access.visibleTeams(agent).orElse(null);
        return store.answered(teams, teamId, from, to, score, Math.max(1, Math.min(limit, MAX_LIST)));
    }
}
