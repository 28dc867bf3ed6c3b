package org.regard.accounts.web;

import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.stereotype.Component;

/**
 * The sessions an agent is signed in with, on every node (they live in the shared session store). Ended
 * when an admin deactivates the agent or changes their role (on the pages or through the API), so the change
 * applies at once instead of when the session expires.
 */
@Component
public class SignedInSessions {
    private final FindByIndexNameSessionRepository<?> sessions;

    SignedInSessions(FindByIndexNameSessionRepository<?> sessions) {
        this.sessions = sessions;
    }

    public void endAllOf(String email) {
        sessions.findByPrincipalName(email).keySet().forEach(sessions::deleteById);
    }
}
