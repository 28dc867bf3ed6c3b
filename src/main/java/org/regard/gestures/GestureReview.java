package org.regard.gestures;

import org.regard.accounts.Actor;
import org.regard.review.ReviewedWork;
import org.springframework.stereotype.Component;

import java.time.Instant;

/**
 * Hears the review queue's decision on a gesture held above its author's limit, inside the decision's transaction:
 * approved, it stands; returned, it is refused with the reviewer's comment. A gesture no longer pending is left as it is.
 */
@Component
class GestureReview implements ReviewedWork {
    private final GestureStore store;

    GestureReview(GestureStore store) {
        this.store = store;
    }

    @Override
    public String kind() {
        return RecordingGesture.REVIEW_KIND;
    }

    @Override
    public void approved(long subjectId, long reviewId, Actor reviewer, String editedText, Instant now) {
        store.decide(subjectId, GestureState.STANDING, reviewer.agentId(), now, null);
    }

    @Override
    public void returned(long subjectId, long reviewId, Actor reviewer, String comment, Instant now) {
        store.decide(subjectId, GestureState.RETURNED, reviewer.agentId(), now, comment);
    }
}
