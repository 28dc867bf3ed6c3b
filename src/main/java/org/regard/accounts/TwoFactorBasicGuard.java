package org.regard.accounts;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;

/**
 * HTTP Basic is a password alone: an agent who signs in with a second factor (or must) cannot use it for the API, or
 * the password would be enough after all. Such an agent uses a personal API token, which is a second secret of its
 * own. Runs after the Basic filter, only on calls that carry Basic credentials.
 */
class TwoFactorBasicGuard extends OncePerRequestFilter {
    private final TwoFactor twoFactor;

    TwoFactorBasicGuard(TwoFactor twoFactor) {
        this.twoFactor = twoFactor;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (header != null && header.regionMatches(true, 0, "Basic ", 0, 6)
                && authentication != null && authentication.getPrincipal() instanceof AgentPrincipal agent
                && twoFactor.passwordIsNotEnough(agent.id(), agent.role())) {
            SecurityContextHolder.clearContext();
            response.setHeader("WWW-Authenticate", "Bearer");
            SecurityConfiguration.writeProblem(response, HttpStatus.UNAUTHORIZED, "Authentication required",
                    "This account signs in with a second factor: call the API with a personal API token "
                            + "(Authorization: Bearer ...), not with the password.", request.getRequestURI());
            return;
        }
        chain.doFilter(request, response);
    }
}
