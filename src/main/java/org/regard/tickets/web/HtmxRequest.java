package org.regard.tickets.web;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

/**
 * Whether a request came from htmx and wants a piece of a page rather than the whole page. A history
 * restore (the browser's back button after an htmx swap) always wants the whole page.
 */
record HtmxRequest(boolean fromHtmx, boolean historyRestore) {
    static final String HEADER = "HX-Request";

    boolean wantsFragment() {
        return fromHtmx && !historyRestore;
    }

    static HtmxRequest of(HttpServletRequest request) {
        return new HtmxRequest("true".equals(request.getHeader(HEADER)),
                "true".equals(request.getHeader("HX-History-Restore-Request")));
    }

    /** Lets handlers take an {@code HtmxRequest} parameter. */
    static final class Resolver implements HandlerMethodArgumentResolver {
        @Override
        public boolean supportsParameter(MethodParameter parameter) {
            return parameter.getParameterType() == HtmxRequest.class;
        }

        @Override
        public Object resolveArgument(MethodParameter parameter, ModelAndViewContainer mav, NativeWebRequest request,
                                      WebDataBinderFactory binders) {
            return of(request.getNativeRequest(HttpServletRequest.class));
        }
    }
}
