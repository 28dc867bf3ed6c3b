package org.regard.accounts;

import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

import java.io.Serial;
import java.util.Collection;
import java.util.List;

/**
 * The signed-in agent, as kept in the (shared, JDBC-backed) session and in the security context of
 * API calls. Team memberships are deliberately not cached here: authorisation asks {@link Accounts}
 * so that a change by an admin takes effect on the next request, on every node.
 */
public final class AgentPrincipal implements UserDetails, CredentialsContainer {
    @Serial
    private static final long serialVersionUID = 1L;

    private final long id;
    private final String email;
    private final String displayName;
    private final Role role;
    private final String locale;
    private final boolean enabled;
    private final boolean locked;
    private String passwordHash;

    AgentPrincipal(long id, String email, String displayName, Role role, String locale,
                   String passwordHash, boolean enabled, boolean locked) {
        this.id = id;
        this.email = email;
        this.displayName = displayName;
        this.role = role;
        this.locale = locale;
        this.passwordHash = passwordHash;
        this.enabled = enabled;
        this.locked = locked;
    }

    static AgentPrincipal of(Agent agent, boolean locked) {
        return new AgentPrincipal(agent.getId(), agent.getEmail(), agent.getDisplayName(), agent.getRole(),
                agent.getLocale(), agent.getPasswordHash(), agent.isActive(), locked);
    }

    public long id() {
        return id;
    }

    public String email() {
        return email;
    }

    public String displayName() {
        return displayName;
    }

    public Role role() {
        return role;
    }

    /** The language the agent chose for pages, or {@code null} to follow the browser. */
    public String locale() {
        return locale;
    }

    public boolean isAdmin() {
        return role == Role.ADMIN;
    }

    /** A copy that carries a new page language, used after the agent changes it on the profile page. */
    public AgentPrincipal withLocale(String newLocale) {
        return new AgentPrincipal(id, email, displayName, role, newLocale, null, enabled, locked);
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return List.of(new SimpleGrantedAuthority(role.authority()));
    }

    @Override
    public String getPassword() {
        return passwordHash;
    }

    @Override
    public String getUsername() {
        return email;
    }

    @Override
    public boolean isAccountNonLocked() {
        return !locked;
    }

    @Override
    public boolean isEnabled() {
        return enabled;
    }

    @Override
    public void eraseCredentials() {
        passwordHash = null;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AgentPrincipal other && other.id == id;
    }

    @Override
    public int hashCode() {
        return Long.hashCode(id);
    }

    @Override
    public String toString() {
        return "AgentPrincipal[id=" + id + ", email=" + email + ", role=" + role + "]";
    }
}
