package org.regard.tickets;

import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

import java.time.Instant;

/**
 * One entry in a ticket's conversation. Messages are never edited or deleted, with two exceptions: a reply taken back
 * inside its undo window leaves, and a reply held for review ({@code reviewState} not null) is revised by its author
 * or changed by its reviewer until it is approved, after which it stands like any other.
 */
@Table("message")
class Message {
    @Id
    private Long id;
    private long ticketId;
    private MessageKind kind;
    private Channel channel;
    private TouchDirection touch;
    private Long authorAgentId;
    private Long authorCustomerId;
    private String body;
    private Instant createdAt;
    private String submissionKey;
    private String language;
    private String reviewState;
    private String reviewReasons;
    private Long reviewerAgentId;
    private Instant reviewDecidedAt;
    private String reviewNextStatus;
    private String reviewComment;
    private String reviewOriginalBody;
    private Integer reviewRound;
    private String reviewResolutionReason;

    Message() {
    }

    Message(long ticketId, MessageKind kind, Channel channel, TouchDirection touch, Long authorAgentId,
            Long authorCustomerId, String body, Instant createdAt, String submissionKey) {
        this.ticketId = ticketId;
        this.kind = kind;
        this.channel = channel;
        this.touch = touch;
        this.authorAgentId = authorAgentId;
        this.authorCustomerId = authorCustomerId;
        this.body = body;
        this.createdAt = createdAt;
        this.submissionKey = submissionKey;
    }

    Long getId() {
        return id;
    }

    long getTicketId() {
        return ticketId;
    }

    MessageKind getKind() {
        return kind;
    }

    Channel getChannel() {
        return channel;
    }

    TouchDirection getTouch() {
        return touch;
    }

    Long getAuthorAgentId() {
        return authorAgentId;
    }

    Long getAuthorCustomerId() {
        return authorCustomerId;
    }

    String getBody() {
        return body;
    }

    Instant getCreatedAt() {
        return createdAt;
    }

    String submissionKey() {
        return submissionKey;
    }

    /** The language the customer wrote this message in, when detected (customer messages only). */
    String getLanguage() {
        return language;
    }

    Message writtenIn(String detectedLanguage) {
        this.language = detectedLanguage;
        return this;
    }

    /** PENDING, APPROVED or RETURNED for a reply held for review; null for every message never held. */
    String getReviewState() {
        return reviewState;
    }

    /** Why it was held: codes, one per line. */
    String getReviewReasons() {
        return reviewReasons;
    }

    Long getReviewerAgentId() {
        return reviewerAgentId;
    }

    Instant getReviewDecidedAt() {
        return reviewDecidedAt;
    }

    /** The status its author chose, applied only when it is approved. */
    String getReviewNextStatus() {
        return reviewNextStatus;
    }

    String getReviewComment() {
        return reviewComment;
    }

    /** What the author wrote, when the reviewer changed it on approval. */
    String getReviewOriginalBody() {
        return reviewOriginalBody;
    }

    /** Why "then resolved" may go ahead with a required step open, given with the held reply (applied at approval). */
    String getReviewResolutionReason() {
        return reviewResolutionReason;
    }

    /** The review round: 1 when first held, one more per resubmission; null for a message never held. */
    Integer getReviewRound() {
        return reviewRound;
    }

    /** Written held, waiting for a reviewer; nothing of it reaches the customer until then. */
    Message held(java.util.List<String> reasons, TicketStatus nextStatus, String resolutionReason) {
        this.reviewState = ReviewState.PENDING.name();
        this.reviewResolutionReason = resolutionReason;
        this.reviewReasons = String.join("\n", reasons);
        this.reviewNextStatus = nextStatus == null ? null : nextStatus.name();
        return this;
    }

    /** The states of a held reply. */
    enum ReviewState {
        PENDING, APPROVED, RETURNED
    }
}
