package org.regard.accounts;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

import java.io.Serial;

/**
 * The details of a sign-in through the sign-in page (as opposed to HTTP Basic on each API call): only these are
 * audited as {@code SIGN_IN}. The client address is {@code request.getRemoteAddr()}, which the forwarded-headers
 * handling sets from {@code X-Forwarded-For} only for requests from the configured trusted proxies.
 */
class FormSignInDetails extends WebAuthenticationDetails {
    @Serial
    private static final long serialVersionUID = 1L;

    FormSignInDetails(HttpServletRequest request) {
        super(request);
    }
}
