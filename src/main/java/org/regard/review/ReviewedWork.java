package org.regard.review;

import org.regard.accounts.Actor;

import java.time.Instant;

/**
 * Implemented by the module that owns a kind of reviewed work, to hear the decision. Called inside the decision's
 * transaction, after the review row has been locked and found pending: what the implementation writes commits with the
 * decision or not at all (an approved reply's outbox row, a gesture standing).
 */
public interface ReviewedWork {

    /** The {@link ReviewRequest#kind()} this implementation handles. */
    String kind();

    /** The reviewer approved; {@code editedText} is the reviewer's edit of a reply, or null when approved as written. */
    void approved(long subjectId, long reviewId, Actor reviewer, String editedText, Instant now);

    /** The reviewer sent it back with a comment (a gesture returned does not stand). */
    void returned(long subjectId, long reviewId, Actor reviewer, String comment, Instant now);
}
