package org.regard.accounts;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * Sign-in settings ({@code regard.security.*}).
 *
 * @param maxLoginFailures failed sign-ins for one address within {@code lockout} before it is locked
 * @param lockout          how long failures are remembered and the lock lasts
 * @param rememberMe       offer "remember me" on the sign-in page (off by default)
 * @param rememberMeKey    the key that signs remember-me cookies; required when remember-me is on
 */
@ConfigurationProperties("regard.security")
record SecuritySettings(@DefaultValue("5") int maxLoginFailures,
                        @DefaultValue("15m") Duration lockout,
                        @DefaultValue("false") boolean rememberMe,
                        String rememberMeKey) {
}
