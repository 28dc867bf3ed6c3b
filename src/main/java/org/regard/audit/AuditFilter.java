package org.regard.audit;

import java.time.Instant;

/**
 * Which entries to read: any of these may be null (no restriction).
 *
 * @param action  one action
 * @param actorId one agent's actions
 * @param from    entries at or after this moment
 * @param until   entries before this moment
 */
public record AuditFilter(AuditAction action, Long actorId, Instant from, Instant until) {
    public static final AuditFilter ALL = new AuditFilter(null, null, null, null);
}
