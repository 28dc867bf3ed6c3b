package org.regard.tickets;

import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

import java.time.Instant;

/** One entry in a ticket's conversation. Messages are never edited or deleted. */
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
}
