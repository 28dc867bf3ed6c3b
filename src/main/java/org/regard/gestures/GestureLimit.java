package org.regard.gestures;

import java.math.BigDecimal;
import java.time.Instant;

/** A limit for one kind: a team's (agentId null) or one agent's (teamId null). {@code perMonth} is null when none. */
public record GestureLimit(long id, Long teamId, Long agentId, GestureKind kind, String currency, BigDecimal perGesture,
                           BigDecimal perMonth, Long setBy, Instant setAt) {
}
