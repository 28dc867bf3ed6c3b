package org.regard.review;

import org.regard.accounts.Accounts;
import org.regard.accounts.Actor;
import org.regard.accounts.AgentView;
import org.springframework.stereotype.Component;

import java.util.Set;

/**
 * Who sees and decides reviews, in one place. An administrator sees every team's reviews; anyone else sees the reviews
 * of their own teams. Deciding takes a reviewer: an agent given the reviewer right, a lead of the review's team, or an
 * administrator — and never on one's own work.
 */
@Component
public class ReviewAccess {
    private final Accounts accounts;

    ReviewAccess(Accounts accounts) {
        this.accounts = accounts;
    }

    /** The teams whose reviews the actor sees; {@code null} for every team. */
    Set<Long> visibleTeams(Actor actor) {
        return actor.isSystem() || actor.isAdmin() ? null : actor.teamIds();
    }

    public boolean canSee(Actor actor, ReviewRow review) {
        return actor.isSystem() || actor.isAdmin() || actor.teamIds().contains(review.teamId());
    }

    /** Whether the actor may decide reviews of this team at all (their own work aside). One read of the agent at most. */
    public boolean isReviewerFor(Actor actor, long teamId) {
        if (actor.isAdmin()) {
            return true;
        }
        if (actor.agentId() == null || !actor.teamIds().contains(teamId)) {
            return false;
        }
        return actor.isLead() || accounts.agent(actor.agentId()).map(AgentView::reviewer).orElse(false);
    }

    /** Fails unless the actor may decide this review: seen (else not found), a reviewer, and not its author. */
    void requireDecide(Actor actor, ReviewRow review) {
        if (!canSee(actor, review)) {
            throw new ReviewNotFound(review.id());
        }
        if (actor.agentId() != null && actor.agentId() == review.authorAgentId()) {
            throw new ReviewForbidden(ReviewForbidden.Why.OWN_WORK);
        }
        if (!isReviewerFor(actor, review.teamId())) {
            throw new ReviewForbidden(ReviewForbidden.Why.NOT_REVIEWER);
        }
    }
}
