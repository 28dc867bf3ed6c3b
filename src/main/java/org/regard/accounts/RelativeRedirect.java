package org.regard.accounts;

import jakarta.servlet.http.HttpServletRequest;

import java.net.URI;

/**
 * Where to send a browser after signing in, as a path on this site: the page remembered before the sign-in was kept as
 * a whole URL, host included, built from the headers of the request that asked for it; a forged {@code Host} or
 * {@code X-Forwarded-Host} there must not send anyone elsewhere.
 */
final class RelativeRedirect {
    private RelativeRedirect() {
    }

    static String of(HttpServletRequest request, String url) {
        URI target = URI.create(url);
        boolean whole = target.isAbsolute() || target.getRawAuthority() != null;
        if (!whole) {
            return request.getContextPath() + url;
        }
        String path = target.getRawPath() == null || target.getRawPath().isEmpty() ? "/" : target.getRawPath();
        return path + (target.getRawQuery() == null ? "" : "?" + target.getRawQuery());
    }
}
