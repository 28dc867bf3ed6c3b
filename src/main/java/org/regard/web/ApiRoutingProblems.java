package org.regard.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.Ordered;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponse;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.ModelAndView;

import java.io.IOException;

/**
 * Problem details for API calls that reach no endpoint: an unknown path (404), a method the path does
 * not take (405), a body type it does not read (415), an answer type it cannot give (406). These fail
 * before a controller is chosen, so {@link ApiProblems} never sees them; without this they would get
 * the generic error JSON. Pages keep their error pages: only {@code /api/} paths are answered here.
 */
@Component
class ApiRoutingProblems implements HandlerExceptionResolver, Ordered {

    @Override
    public ModelAndView resolveException(HttpServletRequest request, HttpServletResponse response, Object handler, Exception ex) {
        boolean reachedAController = handler instanceof HandlerMethod;
        if (reachedAController || !(ex instanceof ErrorResponse error)
                || !request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
            return null;
        }
        try {
            error.getHeaders().forEach((name, values) -> values.forEach(v -> response.addHeader(name, v)));
            ProblemDetail problem = error.getBody();
            if (problem.getTitle() == null || problem.getTitle().isBlank()) {
                problem.setTitle("Request not handled");
            }
            ProblemJson.write(request, response, problem);
            return new ModelAndView();
        } catch (IOException e) {
            return null;
        }
    }

    /** After the resolver that records errors for Boot, before Spring MVC's own resolvers. */
    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 10;
    }
}
