package org.regard.accounts;

import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.util.Locale;

/**
 * Locks an address after repeated failed sign-ins. Failures live in the database so that every
 * node counts the same attempts; a successful sign-in clears them.
 */
@Component
class LoginThrottle {
    private final JdbcClient jdbc;
    private final SecuritySettings settings;
    private final Clock clock;

    LoginThrottle(JdbcClient jdbc, SecuritySettings settings, Clock clock) {
        this.jdbc = jdbc;
        this.settings = settings;
        this.clock = clock;
    }

    boolean isLocked(String username) {
        Instant since = clock.instant().minus(settings.lockout());
        long failures = jdbc.sql("select count(*) from login_failure where username = ? and failed_at > ?")
                .params(normalize(username), java.sql.Timestamp.from(since)).query(Long.class).single();
        return failures >= settings.maxLoginFailures();
    }

    @EventListener
    void onFailure(AuthenticationFailureBadCredentialsEvent event) {
        String username = String.valueOf(event.getAuthentication().getPrincipal());
        Instant now = clock.instant();
        jdbc.sql("insert into login_failure (username, failed_at) values (?, ?)")
                .params(normalize(username), java.sql.Timestamp.from(now)).update();
        // Failures older than the lockout no longer count; dropping them here keeps the table small
        // even when someone tries many different addresses.
        jdbc.sql("delete from login_failure where failed_at < ?")
                .params(java.sql.Timestamp.from(now.minus(settings.lockout()))).update();
    }

    @EventListener
    void onSuccess(AuthenticationSuccessEvent event) {
        if (event.getAuthentication().getPrincipal() instanceof AgentPrincipal agent) {
            jdbc.sql("delete from login_failure where username = ?").params(normalize(agent.getUsername())).update();
        }
    }

    private static String normalize(String username) {
        // a name typed into HTTP Basic is not cleaned by the page forms' filter: a NUL would fail the insert on PostgreSQL
        String trimmed = username == null ? "" : org.regard.text.TextInput.clean(username).strip().toLowerCase(Locale.ROOT);
        return trimmed.length() > 254 ? trimmed.substring(0, 254) : trimmed;
    }
}
