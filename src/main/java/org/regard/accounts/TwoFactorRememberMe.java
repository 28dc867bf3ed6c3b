package org.regard.accounts;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.web.authentication.rememberme.InvalidCookieException;
import org.springframework.security.web.authentication.rememberme.TokenBasedRememberMeServices;

/**
 * "Remember me" (when an operator turns it on) never stands in for the second factor: an agent who signs in with one,
 * or must, is not given a remember-me cookie, and a cookie issued before they enrolled no longer signs them in.
 */
class TwoFactorRememberMe extends TokenBasedRememberMeServices {
    private final TwoFactor twoFactor;

    TwoFactorRememberMe(String key, UserDetailsService agents, TwoFactor twoFactor) {
        super(key, agents);
        this.twoFactor = twoFactor;
    }

    @Override
    protected UserDetails processAutoLoginCookie(String[] cookieTokens, HttpServletRequest request, HttpServletResponse response) {
        UserDetails user = super.processAutoLoginCookie(cookieTokens, request, response);
        if (user instanceof AgentPrincipal agent && twoFactor.passwordIsNotEnough(agent.id(), agent.role())) {
            throw new InvalidCookieException("This agent signs in with a second factor; remember-me does not replace it.");
        }
        return user;
    }

    @Override
    public void onLoginSuccess(HttpServletRequest request, HttpServletResponse response, Authentication authentication) {
        if (authentication.getPrincipal() instanceof AgentPrincipal agent && twoFactor.passwordIsNotEnough(agent.id(), agent.role())) {
            return;
        }
        super.onLoginSuccess(request, response, authentication);
    }
}
