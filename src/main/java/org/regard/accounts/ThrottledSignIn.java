package org.regard.accounts;

import org.regard.audit.AuditAction;
import org.regard.audit.AuditLog;
import org.regard.text.TextInput;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Duration;

/**
 * Password sign-in (the sign-in page and HTTP Basic) behind the {@link LoginThrottle}: an attempt that must wait is
 * refused before its password is checked; every failure is counted and audited with the name that was typed and the
 * client address, never the password; a sign-in through the page is audited too.
 */
class ThrottledSignIn implements AuthenticationProvider {
    private final AuthenticationProvider passwords;
    private final LoginThrottle throttle;
    private final AuditLog audit;
    private final TransactionTemplate tx;

    ThrottledSignIn(AuthenticationProvider passwords, LoginThrottle throttle, AuditLog audit, TransactionTemplate tx) {
        this.passwords = passwords;
        this.throttle = throttle;
        this.audit = audit;
        this.tx = tx;
    }

    @Override
    public Authentication authenticate(Authentication typed) {
        // a name with a NUL (HTTP Basic is not cleaned by the forms' filter) is looked up without it: no account has one
        Authentication attempt = cleaned(typed);
        String name = String.valueOf(attempt.getPrincipal());
        String address = attempt.getDetails() instanceof WebAuthenticationDetails web ? web.getRemoteAddress() : null;
        LoginThrottle.Failures failures = throttle.failures(name, address);
        Duration wait = throttle.waitBefore(failures);
        if (wait.isPositive()) {
            SignInThrottled refused = new SignInThrottled(wait);
            audit.record(AuditAction.SIGN_IN_FAILED, null, name, "agent", null,
                    "refused without checking the password: " + refused.getMessage(), address);
            throw refused;
        }
        Authentication result;
        try {
            result = passwords.authenticate(attempt);
        } catch (AuthenticationException failed) {
            tx.executeWithoutResult(status -> {
                throttle.recordFailure(name, address);
                audit.record(AuditAction.SIGN_IN_FAILED, null, name, "agent", null, "wrong email or password"
                        + (attempt.getDetails() instanceof FormSignInDetails ? "" : " (HTTP Basic)"), address);
            });
            throw failed;
        }
        if (failures.forAccount() > 0) {
            // the page's sign-in is audited once it is complete, after the second factor where there is one
            // (TwoFactorSignIn); an API call with HTTP Basic is not a sign-in worth an entry each time
            throttle.clearAccount(name);
        }
        return result;
    }

    private static Authentication cleaned(Authentication typed) {
        String name = String.valueOf(typed.getPrincipal());
        if (TextInput.isClean(name)) {
            return typed;
        }
        UsernamePasswordAuthenticationToken attempt =
                UsernamePasswordAuthenticationToken.unauthenticated(TextInput.clean(name), typed.getCredentials());
        attempt.setDetails(typed.getDetails());
        return attempt;
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
