package org.regard.accounts.web;

import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.stereotype.Component;

/**
 * The sessions an agent is signed in with, on every node (they live in the shared session store). Ended
 * when an admin deactivates the agent or changes their role, so the change applies at once instead of
 * when the session expires.
 */
@Component
class SignedInSessions {
    private final FindByIndexNameSessionRepository<?> sessions;

    SignedInSessions(FindByIndexNameSessionRepository<?> sessions) {
        this.sessions = sessions;
    }

    void endAllOf(String email) {
        sessions.findByPrincipalName(email).keySet().forEach(sessions::deleteById);
    }
}
