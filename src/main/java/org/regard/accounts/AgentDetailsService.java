package org.regard.accounts;

import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsPasswordService;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Loads agents for form login and HTTP Basic (throttling happens before, in {@link ThrottledSignIn}). */
@Service
class AgentDetailsService implements UserDetailsService, UserDetailsPasswordService {
    private final AgentRepository agents;

    AgentDetailsService(AgentRepository agents) {
        this.agents = agents;
    }

    @Override
    @Transactional(readOnly = true)
    public UserDetails loadUserByUsername(String username) {
        Agent agent = agents.findByEmail(Agent.normalizeEmail(username))
                .orElseThrow(() -> new UsernameNotFoundException("No such agent"));
        return AgentPrincipal.of(agent, false);
    }

    /** Re-hashes a password whose hash uses outdated parameters, on the next successful sign-in. */
    @Override
    @Transactional
    public UserDetails updatePassword(UserDetails user, String newPassword) {
        Agent agent = agents.findByEmail(user.getUsername()).orElseThrow();
        agent.changePasswordHash(newPassword);
        agents.save(agent);
        return AgentPrincipal.of(agent, false);
    }
}
