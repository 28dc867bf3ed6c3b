package org.regard.accounts;

import org.regard.audit.AuditActor;
import org.regard.audit.Auditors;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Tells the audit log who acts: the agent signed in for the current request (page session, API token or HTTP Basic)
 * and the request's client address (as Tomcat resolves it behind trusted proxies,
 * {@code server.forward-headers-strategy=native}). Outside a request (mail intake, the demo, the first start) it is
 * Regard itself.
 */
@Component
class SignedInAuditors implements Auditors {

    @Override
    public AuditActor current() {
        String address = RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes request
                ? request.getRequest().getRemoteAddr() : null;
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth != null && auth.getPrincipal() instanceof AgentPrincipal agent) {
            return new AuditActor(agent.id(), agent.email(), address);
        }
        return address == null ? AuditActor.SYSTEM : new AuditActor(null, null, address);
    }
}
