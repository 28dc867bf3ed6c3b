package org.regard.audit;

/**
 * Who an entry says acted: the agent's id and address as they were, and where the request came from.
 *
 * @param id            the agent, or null for Regard itself
 * @param name          the agent's address (or what a failed sign-in typed), or "system"
 * @param clientAddress the request's address as Regard trusts it behind its proxies, or null outside a request
 */
public record AuditActor(Long id, String name, String clientAddress) {
    /** Regard's own work (first start, the demo, mailboxes declared in configuration): no agent, no request. */
    public static final AuditActor SYSTEM = new AuditActor(null, "system", null);
}
