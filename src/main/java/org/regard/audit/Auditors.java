package org.regard.audit;

/**
 * Says who is acting right now (the signed-in agent of the current request, and its client address). Implemented by
 * the module that knows the agents, so this module depends on none; without an implementation, or outside a request,
 * entries are written as {@link AuditActor#SYSTEM}.
 */
public interface Auditors {
    AuditActor current();
}
