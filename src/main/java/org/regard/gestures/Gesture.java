package org.regard.gestures;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A gesture recorded on a ticket. {@code categoryId} is the ticket's when it was recorded (null when it had none);
 * {@code heldBecause} says why it went to review (null when it stood at once); {@code decidedBy}, {@code decidedAt}
 * and {@code comment} are the reviewer's.
 */
public record Gesture(long id, long ticketId, long customerId, long teamId, Long categoryId, long agentId,
                      GestureKind kind, BigDecimal amount, String currency, String reason, GestureState state,
                      String heldBecause, Instant createdAt, Long decidedBy, Instant decidedAt, String comment) {
}
