package org.regard.accounts;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

/**
 * Slows down password guessing without locking anyone out. Failed sign-ins are counted per client address and per
 * account name (whether or not an agent has that address, so the answers tell nothing about who has an account)
 * over a window ({@link SecuritySettings#signInFailureWindow()}). Past the free failures, each further failure
 * doubles the wait before the next attempt, up to {@link SecuritySettings#maxSignInDelay()}:
 * <ul>
 *   <li>an address waits for its own failures, whichever accounts it tried;</li>
 *   <li>an address that has failed at least once also waits for the failures of the account name it tries, from any
 *   address, so many addresses sharing the guesses of one account are slowed down too;</li>
 *   <li>an address without failures is never made to wait: the owner of an account under attack still signs in.</li>
 * </ul>
 * Failures live in the database, so every node counts the same attempts. A successful sign-in clears the failures of
 * its account name, not those of its address (a guesser with an account of their own cannot wipe their trail).
 */
@Component
class LoginThrottle {
    /** What the window holds for one attempt; {@code null} instants when there was no failure. */
    record Failures(int fromAddress, Instant lastFromAddress, int forAccount, Instant lastForAccount) {
    }

    private final JdbcClient jdbc;
    private final SecuritySettings settings;
    private final Clock clock;

    LoginThrottle(JdbcClient jdbc, SecuritySettings settings, Clock clock) {
        this.jdbc = jdbc;
        this.settings = settings;
        this.clock = clock;
    }

    Failures failures(String accountName, String clientAddress) {
        String name = normalize(accountName);
        String address = address(clientAddress);
        Timestamp since = Timestamp.from(clock.instant().minus(settings.signInFailureWindow()));
        return jdbc.sql("""
                        select sum(case when client_address = :address then 1 else 0 end),
                               max(case when client_address = :address then failed_at end),
                               sum(case when username = :name then 1 else 0 end),
                               max(case when username = :name then failed_at end)
                        from login_failure where failed_at > :since and (client_address = :address or username = :name)""")
                .param("address", address).param("name", name).param("since", since)
                .query((rs, n) -> new Failures(rs.getInt(1), instant(rs.getTimestamp(2)), rs.getInt(3), instant(rs.getTimestamp(4))))
                .single();
    }

    /** How long this attempt must still wait; zero when it may go ahead. */
    Duration waitBefore(Failures failures) {
        Instant now = clock.instant();
        Duration wait = remaining(failures.fromAddress(), failures.lastFromAddress(), now);
        if (failures.fromAddress() > 0) {
            Duration account = remaining(failures.forAccount(), failures.lastForAccount(), now);
            wait = account.compareTo(wait) > 0 ? account : wait;
        }
        return wait;
    }

    void recordFailure(String accountName, String clientAddress) {
        Instant now = clock.instant();
        jdbc.sql("insert into login_failure (username, client_address, failed_at) values (?, ?, ?)")
                .params(normalize(accountName), address(clientAddress), Timestamp.from(now)).update();
        // failures older than the window no longer count; dropping them here keeps the table small
        jdbc.sql("delete from login_failure where failed_at < ?")
                .params(Timestamp.from(now.minus(settings.signInFailureWindow()))).update();
    }

    void clearAccount(String accountName) {
        jdbc.sql("delete from login_failure where username = ?").param(normalize(accountName)).update();
    }

    private Duration remaining(int failures, Instant last, Instant now) {
        int over = failures - settings.signInFailuresBeforeDelay();
        if (over < 0 || last == null) {
            return Duration.ZERO;
        }
        Duration delay = Duration.ofSeconds(1L << Math.min(over, 30));
        if (delay.compareTo(settings.maxSignInDelay()) > 0) {
            delay = settings.maxSignInDelay();
        }
        Duration left = Duration.between(now, last.plus(delay));
        return left.isNegative() ? Duration.ZERO : left;
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }

    static String normalize(String accountName) {
        // a name typed into HTTP Basic is not cleaned by the page forms' filter: a NUL would fail the insert on PostgreSQL
        String trimmed = accountName == null ? "" : org.regard.text.TextInput.clean(accountName).strip().toLowerCase(Locale.ROOT);
        return trimmed.length() > 254 ? trimmed.substring(0, 254) : trimmed;
    }

    private static String address(String clientAddress) {
        String a = clientAddress == null || clientAddress.isBlank() ? "unknown" : clientAddress.strip();
        return a.length() > 64 ? a.substring(0, 64) : a;
    }
}
