package org.regard.audit;

import java.time.Instant;

/**
 * One recorded action.
 *
 * @param actorId     the agent who acted, or null (an anonymous sign-in attempt, Regard itself)
 * @param actor       who acted as shown then (the agent's address, or what a failed sign-in typed as its address),
 *                    kept as text so the entry still reads right after the agent changes or leaves
 * @param targetType  what was acted on ("agent", "team", "customer", "token", "mailbox", "setting", …)
 * @param targetId    its id, or null
 * @param details     a short human-readable account (never a secret: no password, code or token)
 * @param clientAddress the address the request came from, as Regard trusts it behind its proxies, or null
 */
public record AuditEntry(long id, Instant at, AuditAction action, Long actorId, String actor, String targetType,
                         String targetId, String details, String clientAddress) {
}
