package org.regard.accounts;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.header.writers.ContentSecurityPolicyHeaderWriter;
import org.springframework.security.web.header.writers.DelegatingRequestMatcherHeaderWriter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.header.writers.frameoptions.XFrameOptionsHeaderWriter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * Who may call what. Two filter chains:
 * <ul>
 *   <li>the API and the operations endpoints ({@code /api/**}, {@code /actuator/**}): stateless,
 *   HTTP Basic or a personal API token, errors as RFC 9457 problem details;</li>
 *   <li>the web pages: form login with a session shared by all nodes (Spring Session JDBC), CSRF on
 *   every form, and a Content-Security-Policy that allows no inline script.</li>
 * </ul>
 * Administration is for administrators only, on both chains: the pages under {@code /admin/} (agents, teams,
 * categories, mailboxes, preference fields, the audit log and its export) and the administration API
 * ({@link #ADMIN_API}); agents and team leads get 403. Ticket-level rules (an agent or lead sees only the tickets of
 * their teams) are enforced where tickets are read, through {@link Accounts#canSeeTeam}; what a lead may do for
 * their teams is decided by {@link TeamAccess}.
 */
@Configuration
class SecurityConfiguration {
    /** The administration API: administrators only, like the pages under {@code /admin/} (leads are not admins). */
    static final String[] ADMIN_API = {"/api/v1/agents/**", "/api/v1/teams/**", "/api/v1/categories/**", "/api/v1/audit/**"};
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; "
            + "form-action 'self'; frame-src 'self'; frame-ancestors 'none'";
    /** The formatted version of a message, shown in a sandboxed frame of the ticket page: the one page we frame. */
    static final String FRAMED_MAIL = "/mail/messages/*/html";
    /** Its policy (the endpoint sets its own; this one covers its error pages): no script, only our own pages frame it. */
    static final String FRAMED_MAIL_POLICY = "sandbox; default-src 'none'; img-src 'self' data:; "
            + "style-src 'unsafe-inline'; frame-ancestors 'self'";

    /**
     * No tracing spans around each security filter, authentication and authorisation: nothing here collects traces,
     * and wrapping every filter of every request in an observation took about 6 % of the CPU samples of an API
     * create (JFR, {@code bench/profile.sh}). Request
     * metrics ({@code http.server.requests}) stay.
     */
    @Bean
    SecurityObservationSettings securityObservationSettings() {
        return SecurityObservationSettings.noObservations();
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    @Order(1)
    SecurityFilterChain apiChain(HttpSecurity http, ApiTokens tokens, TwoFactor twoFactor) throws Exception {
        AuthenticationEntryPoint entryPoint = SecurityConfiguration::unauthorized;
        http.securityMatcher("/api/**", "/actuator/**")
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers("/actuator/health", "/actuator/health/**").permitAll()
                        .requestMatchers("/actuator/**").hasRole("ADMIN")
                        .requestMatchers(ADMIN_API).hasRole("ADMIN")
                        .anyRequest().authenticated())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                // Stateless calls carry credentials in a header, never a cookie, so CSRF cannot apply.
                .csrf(csrf -> csrf.disable())
                .httpBasic(basic -> basic.authenticationEntryPoint(entryPoint))
                .addFilterBefore(new ApiTokenAuthenticationFilter(tokens, entryPoint), BasicAuthenticationFilter.class)
                .addFilterAfter(new TwoFactorBasicGuard(twoFactor), BasicAuthenticationFilter.class)
                .exceptionHandling(e -> e.authenticationEntryPoint(entryPoint).accessDeniedHandler(forbidden()))
                .headers(h -> h.contentSecurityPolicy(c -> c.policyDirectives("default-src 'none'; frame-ancestors 'none'")));
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain webChain(HttpSecurity http, SecuritySettings settings, AgentDetailsService agents,
                                 TwoFactorSignIn twoFactorSignIn, TwoFactor twoFactor) throws Exception {
        RequestMatcher framed = PathPatternRequestMatcher.withDefaults().matcher(FRAMED_MAIL);
        RequestMatcher pages = new NegatedRequestMatcher(framed);
        http.authorizeHttpRequests(auth -> auth
                        .requestMatchers("/login", "/css/**", "/js/**", "/webjars/**", "/favicon.ico", "/error",
                                "/v3/api-docs", "/v3/api-docs/**").permitAll()
                        // the second step of a sign-in: useful only to a session whose password step left it pending
                        .requestMatchers(TwoFactorSignIn.CODE_PAGE, TwoFactorSignIn.ENROL_PAGE).permitAll()
                        .requestMatchers("/admin/**").hasRole("ADMIN")
                        .anyRequest().authenticated())
                .formLogin(form -> form.loginPage("/login").successHandler(twoFactorSignIn).permitAll())
                .logout(logout -> logout.logoutSuccessUrl("/login?logout").permitAll())
                .headers(h -> h
                        .addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(pages,
                                new ContentSecurityPolicyHeaderWriter(CONTENT_SECURITY_POLICY)))
                        .addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(framed,
                                new ContentSecurityPolicyHeaderWriter(FRAMED_MAIL_POLICY)))
                        .referrerPolicy(r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN))
                        .frameOptions(f -> f.disable())
                        .addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(pages,
                                new XFrameOptionsHeaderWriter(XFrameOptionsHeaderWriter.XFrameOptionsMode.DENY)))
                        .addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(framed,
                                new XFrameOptionsHeaderWriter(XFrameOptionsHeaderWriter.XFrameOptionsMode.SAMEORIGIN))));
        if (settings.rememberMe()) {
            if (settings.rememberMeKey() == null || settings.rememberMeKey().isBlank()) {
                throw new IllegalStateException("regard.security.remember-me=true needs regard.security.remember-me-key");
            }
            http.rememberMe(r -> r.key(settings.rememberMeKey())
                    .rememberMeServices(new TwoFactorRememberMe(settings.rememberMeKey(), agents, twoFactor)));
        }
        return http.build();
    }

    private static void unauthorized(jakarta.servlet.http.HttpServletRequest request, HttpServletResponse response,
                                     org.springframework.security.core.AuthenticationException e) throws IOException {
        response.setHeader("WWW-Authenticate", "Basic realm=\"Regard\", Bearer");
        String detail = e instanceof org.springframework.security.authentication.LockedException
                ? "Too many failed sign-ins for this account; try again later."
                : "Sign in with an API token (Authorization: Bearer ...) or HTTP Basic with an agent's email and password.";
        writeProblem(response, HttpStatus.UNAUTHORIZED, "Authentication required", detail, request.getRequestURI());
    }

    private static AccessDeniedHandler forbidden() {
        return (request, response, e) -> writeProblem(response, HttpStatus.FORBIDDEN, "Forbidden",
                "Your account is not allowed to do this.", request.getRequestURI());
    }

    static void writeProblem(HttpServletResponse response, HttpStatus status, String title, String detail, String instance)
            throws IOException {
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write("{\"type\":\"about:blank\",\"title\":" + json(title) + ",\"status\":" + status.value()
                + ",\"detail\":" + json(detail) + ",\"instance\":" + json(instance) + "}");
    }

    private static String json(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        b.append(String.format("\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.append('"').toString();
    }
}
