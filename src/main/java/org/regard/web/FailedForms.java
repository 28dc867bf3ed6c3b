package org.regard.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;

import java.net.URI;
import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A page shown in answer to a form (the form again, with its errors) stands at the address the form was posted to,
 * which answers only POST: reloading it, or coming back to it, used to show an error page. This names the page the
 * form was on (its {@code Referer}, same host only, without any {@code _csrf} parameter), and the layout's top bar
 * hands it to static/js/regard.js, which puts it in the address bar. Every form of every module gets this.
 */
class FailedForms implements HandlerInterceptor {
    /** The model attribute the layout reads. */
    static final String PAGE = "formPage";

    @Override
    public void postHandle(HttpServletRequest request, HttpServletResponse response, Object handler, ModelAndView mav) {
        if (mav == null || !"POST".equals(request.getMethod()) || request.getHeader("HX-Request") != null
                || request.getRequestURI().startsWith("/api/")) {
            return;
        }
        String view = mav.getViewName();
        if (view == null || view.startsWith("redirect:") || view.startsWith("forward:") || view.contains("::")) {
            return;
        }
        pageOf(request.getHeader("Referer"), request.getHeader("Host"), request.getRequestURI())
                .ifPresent(page -> mav.addObject(PAGE, page));
    }

    /** The path and query of the page that sent the form, when it is on this host and is not the form's own address. */
    static Optional<String> pageOf(String referer, String host, String postedTo) {
        if (referer == null || host == null) {
            return Optional.empty();
        }
        URI uri;
        try {
            uri = new URI(referer);
        } catch (java.net.URISyntaxException e) {
            return Optional.empty();
        }
        String path = uri.getRawPath();
        if (!host.equalsIgnoreCase(uri.getRawAuthority()) || path == null || !path.startsWith("/") || path.startsWith("//")
                || path.equals(postedTo)) {
            return Optional.empty();
        }
        String query = uri.getRawQuery() == null ? "" : Arrays.stream(uri.getRawQuery().split("&"))
                .filter(p -> !p.isEmpty() && !p.equals("_csrf") && !p.startsWith("_csrf="))
                .collect(Collectors.joining("&"));
        return Optional.of(query.isEmpty() ? path : path + "?" + query);
    }
}
