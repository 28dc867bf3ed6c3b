package org.regard.accounts;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;

import java.io.IOException;

/**
 * Where a failed sign-in on the page goes: back to the page, saying only "wrong email or password" or "wait". Unlike
 * Spring Security's default it keeps nothing in the session: the failed attempt carries the typed password, and the
 * shared session store would write it to the database.
 */
class SignInFailurePage implements AuthenticationFailureHandler {
    @Override
    public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws IOException {
        response.sendRedirect(request.getContextPath() + (e instanceof SignInThrottled ? "/login?wait" : "/login?error"));
    }
}
