package org.regard.review;

import org.regard.accounts.Actor;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * The review queue: asking for a review (in the caller's transaction) and reading what waits, for whom. A piece of
 * work has at most one pending round: asking again while one waits returns that round.
 */
@Service
public class ReviewQueue implements Reviews {
    /** The most rows a queue page or API answer lists. */
    public static final int MAX_LISTED = 500;

    private final ReviewStore store;
    private final ReviewAccess access;
    private final Clock clock;

    ReviewQueue(ReviewStore store, ReviewAccess access, Clock clock) {
        this.store = store;
        this.access = access;
        this.clock = clock;
    }

    @Override
    @Transactional
    public long request(ReviewRequest request) {
        if (request.kind() == null || request.kind().isBlank() || request.reasons().isEmpty()) {
            throw new IllegalArgumentException("A review needs a kind and at least one reason.");
        }
        Optional<ReviewRow> latest = store.latest(request.kind(), request.subjectId());
        if (latest.isPresent() && latest.get().state() == ReviewState.PENDING) {
            return latest.get().id();
        }
        int round = latest.map(r -> r.round() + 1).orElse(1);
        return store.insert(request, round, clock.instant());
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<ReviewSummary> latest(String kind, long subjectId) {
        return store.latest(kind, subjectId).map(ReviewRow::summaryView);
    }

    /** The newest round of a piece of work, whole. */
    @Transactional(readOnly = true)
    public Optional<ReviewRow> latestRow(String kind, long subjectId) {
        return store.latest(kind, subjectId);
    }

    /** Reviews in a state that the actor may see (their teams; every team for an administrator), oldest first. */
    @Transactional(readOnly = true)
    public List<ReviewRow> inState(ReviewState state, Actor actor) {
        return store.inState(state, access.visibleTeams(actor), MAX_LISTED);
    }

    /** One review the actor may see; {@link ReviewNotFound} otherwise, so that nobody learns what another team holds. */
    @Transactional(readOnly = true)
    public ReviewRow get(long id, Actor actor) {
        return store.find(id).filter(r -> access.canSee(actor, r)).orElseThrow(() -> new ReviewNotFound(id));
    }

    /** Every round of a piece of work, oldest first (the history an author and a reviewer see). */
    @Transactional(readOnly = true)
    public List<ReviewRow> rounds(String kind, long subjectId) {
        return store.rounds(kind, subjectId);
    }

    /** Every round on a ticket, oldest first. */
    @Transactional(readOnly = true)
    public List<ReviewRow> ofTicket(long ticketId) {
        return store.ofTicket(ticketId);
    }
}
