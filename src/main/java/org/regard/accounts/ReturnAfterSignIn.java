package org.regard.accounts;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.web.savedrequest.CookieRequestCache;
import org.springframework.security.web.savedrequest.RequestCache;

/**
 * Where an agent who was sent to the sign-in page goes back to after signing in: the page they asked for, kept in a
 * cookie (a path on this site only; Spring Security refuses anything else), not in the session, so that anonymous
 * requests (bookmarks, scanners trying paths) store no session row. Only page loads are kept: not htmx fragments, not
 * the browser's favicon, not error pages.
 */
final class ReturnAfterSignIn {
    private ReturnAfterSignIn() {
    }

    static RequestCache cache() {
        CookieRequestCache cache = new CookieRequestCache();
        cache.setRequestMatcher(ReturnAfterSignIn::isPageLoad);
        cache.setCookieCustomizer(cookie -> cookie.setAttribute("SameSite", "Lax"));
        return cache;
    }

    static boolean isPageLoad(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return "GET".equals(request.getMethod()) && request.getHeader("HX-Request") == null
                && !path.startsWith("/favicon") && !path.startsWith("/error");
    }
}
