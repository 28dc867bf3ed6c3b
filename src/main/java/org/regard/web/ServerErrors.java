package org.regard.web;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.catalina.Valve;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Problem details for the API's errors that no controller answers, so that every error under {@code /api/} is
 * {@code application/problem+json}:
 * <ul>
 *   <li>errors sent on the way to a controller (Spring Security's firewall refusing {@code ;} or an encoded
 *   {@code %2f}, a filter's {@code sendError}): Boot would forward them to {@code /error} and answer its own JSON;</li>
 *   <li>requests the server refuses before Regard sees them ({@code ..%2f}, an encoded NUL or backslash in the path):
 *   Tomcat would answer an HTML page.</li>
 * </ul>
 * Pages keep their error pages.
 */
@Configuration
class ServerErrors {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Bean
    FilterRegistrationBean<ApiErrorDispatch> apiErrorDispatch() {
        FilterRegistrationBean<ApiErrorDispatch> registration = new FilterRegistrationBean<>(new ApiErrorDispatch());
        registration.setDispatcherTypes(DispatcherType.ERROR);
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 30);
        return registration;
    }

    /** After Boot's own customisation, which puts a plain error report valve on the host: ours replaces it. */
    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> apiErrorReports() {
        return new WebServerFactoryCustomizer<>() {
            @Override
            public void customize(TomcatServletWebServerFactory factory) {
                factory.addContextCustomizers(context -> {
                    if (context.getParent() instanceof org.apache.catalina.core.StandardHost host) {
                        // the host adds a valve of this class when it has none: ours is there, so it adds no other
                        host.setErrorReportValveClass(ApiErrorReportValve.class.getName());
                    }
                    var pipeline = context.getParent().getPipeline();
                    for (Valve valve : pipeline.getValves()) {
                        if (valve instanceof ErrorReportValve) {
                            pipeline.removeValve(valve);
                        }
                    }
                    pipeline.addValve(new ApiErrorReportValve());
                });
            }
        };
    }

    static boolean isApi(String uri) {
        return uri != null && uri.startsWith("/api/");
    }

    /** The error dispatch of an API call: answered here rather than by Boot's error controller. */
    static final class ApiErrorDispatch extends OncePerRequestFilter {
        @Override
        protected boolean shouldNotFilterErrorDispatch() {
            return false;
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            String uri = (String) request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
            if (!isApi(uri) || response.isCommitted()) {
                chain.doFilter(request, response);
                return;
            }
            Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
            HttpStatus status = HttpStatus.resolve(code instanceof Integer i ? i : 500);
            ProblemDetail problem = describe(status == null ? HttpStatus.INTERNAL_SERVER_ERROR : status);
            problem.setInstance(URI.create("/api/"));
            try {
                problem.setInstance(URI.create(uri));
            } catch (IllegalArgumentException unusable) {
                // the path itself was the problem; "/api/" says enough
            }
            response.resetBuffer();
            ProblemJson.write(request, response, problem);
        }
    }

    static ProblemDetail describe(HttpStatus status) {
        String detail = switch (status) {
            case BAD_REQUEST -> "The request could not be understood: its path, a header or its encoding is not accepted "
                    + "(encoded slashes, backslashes, semicolons and '..' segments are refused in paths).";
            case NOT_FOUND -> "There is nothing at this path.";
            case CONTENT_TOO_LARGE -> "The request is larger than the server accepts.";
            default -> status.is5xxServerError()
                    ? "Something went wrong on our side. The error has been logged; please try again later."
                    : "The request was refused (" + status.getReasonPhrase() + ").";
        };
        return ApiProblems.problem(status, status.getReasonPhrase(), detail);
    }

    /** Tomcat's error report, as a problem document for the API's paths, as its usual short page for the others. */
    public static final class ApiErrorReportValve extends ErrorReportValve {
        public ApiErrorReportValve() {
            setShowReport(false);
            setShowServerInfo(false);
        }

        @Override
        protected void report(Request request, Response response, Throwable throwable) {
            if (!isApi(request.getRequestURI())) {
                super.report(request, response, throwable);
                return;
            }
            int code = response.getStatus();
            if (code < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
                return;
            }
            HttpStatus status = HttpStatus.resolve(code);
            ProblemDetail problem = describe(status == null ? HttpStatus.BAD_REQUEST : status);
            Map<String, Object> fields = new LinkedHashMap<>();
            fields.put("type", "about:blank");
            fields.put("title", problem.getTitle());
            fields.put("status", code);
            fields.put("detail", problem.getDetail());
            try {
                response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
                response.setCharacterEncoding("UTF-8");
                PrintWriter writer = response.getReporter();
                if (writer != null) {
                    writer.write(JSON.writeValueAsString(fields));
                    response.finishResponse();
                }
            } catch (IOException | IllegalStateException e) {
                // the connection is gone or the answer already started: nothing more to say
            }
        }
    }
}
