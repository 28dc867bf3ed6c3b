package org.regard.review;

import org.regard.accounts.Actor;
import org.regard.audit.AuditAction;
import org.regard.audit.AuditLog;
import org.regard.text.TextInput;
import org.regard.tickets.Tickets;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Instant;

/**
 * A reviewer approves (as written, or with their edit of a reply's text) or returns a piece of work with a comment.
 * One transaction: the ticket's row is locked first, then the review row (the order every writer of a ticket's work
 * takes: ticket, then what hangs on it, so that a decision racing the author's withdrawal waits instead of
 * deadlocking), found visible, pending and not the reviewer's own; the module owning the
 * work hears the decision ({@link ReviewedWork}) and writes its part (an approved reply's outbox row); the row records
 * who decided, when and what changed; the audit log gets a line. A second decision on the same review, however it
 * arrives, finds it decided and changes nothing ({@link ReviewDecided}).
 */
@Service
public class DecidingReview {
    /** The longest comment a reviewer may give when returning work. */
    public static final int MAX_COMMENT = 2000;
    /** The longest text a reviewer's edit may have (a reply's limit). */
    public static final int MAX_TEXT = 100_000;

    private final ReviewStore store;
    private final ReviewAccess access;
    private final Tickets tickets;
    private final ObjectProvider<ReviewedWork> works;
    private final AuditLog audit;
    private final Clock clock;

    DecidingReview(ReviewStore store, ReviewAccess access, Tickets tickets, ObjectProvider<ReviewedWork> works, AuditLog audit,
                   Clock clock) {
        this.store = store;
        this.access = access;
        this.tickets = tickets;
        this.works = works;
        this.audit = audit;
        this.clock = clock;
    }

    /** Approves; {@code editedText} (a reply's new text) is null or blank-free when given, and ignored when unchanged. */
    @Transactional
    public ReviewRow approve(long reviewId, String editedText, Actor actor) {
        String edit = null;
        if (editedText != null) {
            if (editedText.isBlank()) {
                throw new ReviewInvalid("body", "The edited text is empty: approve without an edit, or write the reply.");
            }
            checkText("body", editedText, MAX_TEXT);
            edit = editedText;
        }
        ReviewRow review = pendingFor(reviewId, actor);
        if (edit != null && edit.equals(review.summary())) {
            edit = null;
        }
        if (edit != null && !"reply".equals(review.kind())) {
            throw new ReviewInvalid("body", "Only a reply's text can be edited by its reviewer.");
        }
        Instant now = clock.instant();
        work(review.kind()).approved(review.subjectId(), review.id(), actor, edit, now);
        store.decide(review.id(), ReviewState.APPROVED, actor.agentId(), now, null, edit);
        audit.record(AuditAction.REVIEW_DECIDED, "review", review.id(), "approved " + review.kind() + " " + review.subjectId()
                + " on ticket " + review.ticketId() + (edit != null ? " with changes" : "") + " after " + review.waited(now).toSeconds() + " s");
        return store.find(review.id()).orElseThrow();
    }

    /** Returns the work to its author with a comment (required). */
    @Transactional
    public ReviewRow returnToAuthor(long reviewId, String comment, Actor actor) {
        if (comment == null || comment.isBlank()) {
            throw new ReviewInvalid("comment", "Say what the author should change: the comment is empty.");
        }
        String trimmed = comment.strip();
        checkText("comment", trimmed, MAX_COMMENT);
        ReviewRow review = pendingFor(reviewId, actor);
        Instant now = clock.instant();
        work(review.kind()).returned(review.subjectId(), review.id(), actor, trimmed, now);
        store.decide(review.id(), ReviewState.RETURNED, actor.agentId(), now, trimmed, null);
        audit.record(AuditAction.REVIEW_DECIDED, "review", review.id(), "returned " + review.kind() + " " + review.subjectId()
                + " on ticket " + review.ticketId() + " after " + review.waited(now).toSeconds() + " s");
        return store.find(review.id()).orElseThrow();
    }

    private ReviewRow pendingFor(long reviewId, Actor actor) {
        if (actor.isSystem() || actor.agentId() == null) {
            throw new ReviewForbidden(ReviewForbidden.Why.NOT_REVIEWER);
        }
        ReviewRow seen = store.find(reviewId).orElseThrow(() -> new ReviewNotFound(reviewId));
        access.requireDecide(actor, seen);
        if (seen.state() != ReviewState.PENDING) {
            throw new ReviewDecided(seen);
        }
        // the ticket first, as its author's withdrawal (and every other writer of the ticket's work) takes it; then the
        // row, read again under its lock: someone decided or its author withdrew it while we waited (ReviewDecided)
        tickets.lockForDecision(seen.ticketId());
        ReviewRow review = store.lock(reviewId).orElseThrow(() -> new ReviewNotFound(reviewId));
        if (review.state() != ReviewState.PENDING) {
            throw new ReviewDecided(review);
        }
        return review;
    }

    private ReviewedWork work(String kind) {
        return works.orderedStream().filter(w -> w.kind().equals(kind)).findFirst()
                .orElseThrow(() -> new IllegalStateException("Nothing handles reviews of kind " + kind));
    }

    private static void checkText(String field, String text, int max) {
        if (text.length() > max) {
            throw new ReviewInvalid(field, "At most " + max + " characters.");
        }
        TextInput.problem(text).ifPresent(p -> {
            throw new ReviewInvalid(field, p);
        });
    }
}
