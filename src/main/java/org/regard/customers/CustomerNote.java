package org.regard.customers;

import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

import java.time.Instant;

@Table("customer_note")
class CustomerNote {
    @Id
    private Long id;
    private long customerId;
    private String body;
    private boolean pinned;
    private Long authorAgentId;
    private Instant createdAt;

    CustomerNote() {
    }

    CustomerNote(long customerId, String body, boolean pinned, Long authorAgentId, Instant createdAt) {
        this.customerId = customerId;
        this.body = body.strip();
        this.pinned = pinned;
        this.authorAgentId = authorAgentId;
        this.createdAt = createdAt;
    }

    long getCustomerId() {
        return customerId;
    }

    void pin() {
        pinned = true;
    }

    void unpin() {
        pinned = false;
    }

    Customers.NoteView view() {
        return new Customers.NoteView(id, body, pinned, authorAgentId, createdAt);
    }
}
