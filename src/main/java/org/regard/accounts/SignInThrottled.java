package org.regard.accounts;

import org.springframework.security.core.AuthenticationException;

import java.io.Serial;
import java.time.Duration;

/** A sign-in refused before its password was checked: too many recent failures from this address or for this name. */
class SignInThrottled extends AuthenticationException {
    @Serial
    private static final long serialVersionUID = 1L;

    private final long retryAfterSeconds;

    SignInThrottled(Duration wait) {
        super("Too many failed sign-ins; retry in " + Math.max(1, (wait.toMillis() + 999) / 1000) + " s");
        this.retryAfterSeconds = Math.max(1, (wait.toMillis() + 999) / 1000);
    }

    long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
