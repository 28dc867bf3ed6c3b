package org.regard.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.regard.accounts.AgentPrincipal;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.DelegatingSecurityContextRepository;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * What every page's layout needs: who is signed in, as the request attribute {@code currentAgent}. Set before any
 * handler runs, so that pages rendered by an exception handler and Boot's error page (a 404 for a path that does not
 * exist) keep the navigation too; a model attribute would reach only the views that controllers return.
 */
class LayoutModel implements HandlerInterceptor {
    static final String CURRENT_AGENT = "currentAgent";
    private static final SecurityContextRepository SAVED_CONTEXT = new DelegatingSecurityContextRepository(
            new RequestAttributeSecurityContextRepository(), new HttpSessionSecurityContextRepository());

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null) {
            // the error dispatch after a request ends: Spring Security loaded the context for the request, not again
            auth = SAVED_CONTEXT.loadDeferredContext(request).get().getAuthentication();
        }
        if (auth != null && auth.getPrincipal() instanceof AgentPrincipal agent) {
            request.setAttribute(CURRENT_AGENT, agent);
        }
        return true;
    }
}
