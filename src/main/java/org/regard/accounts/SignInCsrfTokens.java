package org.regard.accounts;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.CsrfTokenRepository;
import org.springframework.security.web.csrf.HttpSessionCsrfTokenRepository;

/**
 * CSRF tokens in the session once there is one, and in a cookie before (the double-submit pattern): a visitor who
 * only opens the sign-in page gets no session, so no row in the shared session store. Signed-in pages keep the
 * session-bound token. Signing in replaces the token (Spring Security's CSRF authentication strategy) and clears the
 * cookie.
 */
class SignInCsrfTokens implements CsrfTokenRepository {
    static final String HEADER = "X-CSRF-TOKEN";

    private final HttpSessionCsrfTokenRepository session = new HttpSessionCsrfTokenRepository();
    private final CookieCsrfTokenRepository cookie = new CookieCsrfTokenRepository();

    SignInCsrfTokens() {
        session.setHeaderName(HEADER);
        cookie.setHeaderName(HEADER);
        cookie.setCookieName("REGARD-SIGN-IN-CSRF");
        cookie.setCookieCustomizer(c -> c.sameSite("Strict"));
    }

    @Override
    public CsrfToken generateToken(HttpServletRequest request) {
        return session.generateToken(request);
    }

    @Override
    public void saveToken(CsrfToken token, HttpServletRequest request, HttpServletResponse response) {
        if (request.getSession(false) != null) {
            session.saveToken(token, request, response);
            if (token == null) {
                cookie.saveToken(null, request, response);
            }
        } else {
            cookie.saveToken(token, request, response);
        }
    }

    @Override
    public CsrfToken loadToken(HttpServletRequest request) {
        CsrfToken token = request.getSession(false) == null ? null : session.loadToken(request);
        return token != null ? token : cookie.loadToken(request);
    }
}
