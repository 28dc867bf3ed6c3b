package org.regard.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.MessageSource;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.HtmlUtils;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Keeps the door shut until Regard is ready. The web server starts listening before the start-up work is done (the
 * first administrator, and with {@code regard.demo=true} the whole demo desk, which takes a while): until the
 * application is ready, every page answers 503 with a short "starting" page in the browser's language that reloads
 * itself, and the API a 503 problem. Nothing else runs for such a request: no session is read, nothing is written.
 * The health endpoint, styles and scripts pass, so a load balancer can ask and the page keeps its looks.
 * <p>
 * The door opens once, on {@link ApplicationReadyEvent} (published after every start-up runner has finished), and
 * stays open until the process ends.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class StartupGate extends OncePerRequestFilter {
    /** Seconds after which the waiting page reloads itself, and the API client may try again. */
    static final int RETRY_SECONDS = 3;

    private final MessageSource messages;
    private final boolean demo;
    private volatile boolean open;

    StartupGate(MessageSource messages, @Value("${regard.demo:false}") boolean demo) {
        this.messages = messages;
        this.demo = demo;
    }

    @EventListener(ApplicationReadyEvent.class)
    void open() {
        open = true;
    }

    boolean isOpen() {
        return open;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        if (open) {
            return true;
        }
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return path.startsWith("/actuator/") || path.startsWith("/css/") || path.startsWith("/js/")
                || path.startsWith("/webjars/") || path.startsWith("/favicon");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (open) {
            chain.doFilter(request, response);
            return;
        }
        Locale locale = request.getLocale();
        String detail = messages.getMessage(demo ? "startup.demo" : "startup.starting", null, locale);
        response.setHeader("Retry-After", Integer.toString(RETRY_SECONDS));
        response.setHeader("Cache-Control", "no-store");
        response.setHeader("X-Content-Type-Options", "nosniff");
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (path.startsWith("/api/")) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, detail);
            problem.setTitle(messages.getMessage("startup.title", null, Locale.ENGLISH));
            ProblemJson.write(request, response, problem);
            return;
        }
        response.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
        response.setHeader("Refresh", Integer.toString(RETRY_SECONDS));
        response.setHeader("Content-Security-Policy", "default-src 'none'; style-src 'self'; frame-ancestors 'none'");
        response.setContentType("text/html");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        String title = HtmlUtils.htmlEscape(messages.getMessage("startup.title", null, locale), "UTF-8");
        response.getWriter().write("""
                <!DOCTYPE html>
                <html lang="%s">
                <head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
                <title>%s</title><link rel="stylesheet" href="%s/css/regard.css"></head>
                <body><main id="main" class="page narrow"><h1>%s</h1><p class="startup">%s</p></main></body>
                </html>
                """.formatted(HtmlUtils.htmlEscape(locale.getLanguage()), title,
                HtmlUtils.htmlEscape(request.getContextPath()), title, HtmlUtils.htmlEscape(detail, "UTF-8")));
    }
}
