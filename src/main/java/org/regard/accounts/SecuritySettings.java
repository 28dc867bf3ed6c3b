package org.regard.accounts;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * Sign-in settings ({@code regard.security.*}).
 *
 * @param signInFailuresBeforeDelay failed sign-ins from one client address, or for one account name, within
 *                                  {@code signInFailureWindow} that cost no waiting; each further failure doubles the
 *                                  wait before the next attempt (1 s, 2 s, 4 s, ...)
 * @param signInFailureWindow       how long a failed sign-in counts
 * @param maxSignInDelay            the longest wait between two attempts
 * @param rememberMe                offer "remember me" on the sign-in page (off by default)
 * @param rememberMeKey             the key that signs remember-me cookies; required when remember-me is on
 */
@ConfigurationProperties("regard.security")
record SecuritySettings(@DefaultValue("5") int signInFailuresBeforeDelay,
                        @DefaultValue("15m") Duration signInFailureWindow,
                        @DefaultValue("5m") Duration maxSignInDelay,
                        @DefaultValue("false") boolean rememberMe,
                        String rememberMeKey) {
}
