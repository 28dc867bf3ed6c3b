package org.regard.accounts;

import jakarta.servlet.http.HttpServletResponse;
import org.regard.audit.AuditLog;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.savedrequest.RequestCache;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.header.writers.ContentSecurityPolicyHeaderWriter;
import org.springframework.security.web.header.writers.DelegatingRequestMatcherHeaderWriter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.header.writers.frameoptions.XFrameOptionsHeaderWriter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.transaction.support.TransactionTemplate;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Who may call what. Two filter chains:
 * <ul>
 *   <li>the API and the operations endpoints ({@code /api/**}, {@code /actuator/**}): stateless,
 *   HTTP Basic or a personal API token, errors as RFC 9457 problem details;</li>
 *   <li>the web pages: form login with a session shared by all nodes (Spring Session JDBC), CSRF on
 *   every form, and a Content-Security-Policy that allows no inline script. Anonymous requests create no session (the
 *   sign-in form's CSRF token and the page to return to are in cookies: {@link SignInCsrfTokens},
 *   {@link ReturnAfterSignIn}) and a failed sign-in stores nothing in it.</li>
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
    static final String[] ADMIN_API = {"/api/v1/agents/**", "/api/v1/teams/**", "/api/v1/categories/**", "/api/v1/tiers/**",
            "/api/v1/audit/**", "/api/v1/review-rules/**"};
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

    /** bcrypt, stored as {@code {bcrypt}...}; passwords over bcrypt's 72 bytes are pre-hashed (see {@link PasswordHashing}). */
    @Bean
    PasswordEncoder passwordEncoder() {
        return new DelegatingPasswordEncoder("bcrypt", Map.of("bcrypt", new PasswordHashing()));
    }

    /** Password sign-in for the sign-in page and HTTP Basic, throttled and audited (see {@link ThrottledSignIn}). */
    @Bean
    AuthenticationProvider passwordSignIn(AgentDetailsService agents, PasswordEncoder encoder, LoginThrottle throttle,
                                          AuditLog audit, TransactionTemplate tx) {
        DaoAuthenticationProvider passwords = new DaoAuthenticationProvider(agents);
        passwords.setPasswordEncoder(encoder);
        passwords.setUserDetailsPasswordService(agents);
        return new ThrottledSignIn(passwords, throttle, audit, tx);
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
        RequestCache returnTo = ReturnAfterSignIn.cache();
        http.authorizeHttpRequests(auth -> auth
                        .requestMatchers("/login", "/css/**", "/js/**", "/webjars/**", "/favicon.ico", "/favicon.svg", "/error",
                                "/v3/api-docs", "/v3/api-docs/**").permitAll()
                        // the second step of a sign-in: useful only to a session whose password step left it pending
                        .requestMatchers(TwoFactorSignIn.CODE_PAGE, TwoFactorSignIn.ENROL_PAGE).permitAll()
                        // the customer's rating page: no account, the signed link is the key (module ratings)
                        .requestMatchers("/rating/**").permitAll()
                        .requestMatchers("/admin/**").hasRole("ADMIN")
                        .anyRequest().authenticated())
                .formLogin(form -> form.loginPage("/login").successHandler(twoFactorSignIn).permitAll()
                        .authenticationDetailsSource(FormSignInDetails::new).failureHandler(new SignInFailurePage()))
                .exceptionHandling(e -> e.authenticationEntryPoint(signInFirst()))
                .csrf(csrf -> csrf.csrfTokenRepository(new SignInCsrfTokens()))
                .requestCache(cache -> cache.requestCache(returnTo))
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

    /**
     * Sends a visitor to the sign-in page by a relative redirect ({@code Location: /login}): an absolute one would be
     * built from the Host header the client sent, and could point anywhere.
     */
    private static AuthenticationEntryPoint signInFirst() {
        LoginUrlAuthenticationEntryPoint entryPoint = new LoginUrlAuthenticationEntryPoint("/login");
        entryPoint.setFavorRelativeUris(true);
        return entryPoint;
    }

    /**
     * After signing in, back to the page first asked for ({@code returnTo}), else the inbox, by a relative redirect
     * ({@link RelativeRedirect}). {@link TwoFactorSignIn} uses it for agents without a second step.
     */
    static AuthenticationSuccessHandler afterSignIn(RequestCache returnTo) {
        SavedRequestAwareAuthenticationSuccessHandler handler = new SavedRequestAwareAuthenticationSuccessHandler();
        handler.setRequestCache(returnTo);
        handler.setDefaultTargetUrl("/inbox");
        handler.setRedirectStrategy((request, response, url) ->
                response.sendRedirect(response.encodeRedirectURL(RelativeRedirect.of(request, url))));
        return handler;
    }

    private static void unauthorized(jakarta.servlet.http.HttpServletRequest request, HttpServletResponse response,
                                     org.springframework.security.core.AuthenticationException e) throws IOException {
        if (e instanceof SignInThrottled throttled) {
            response.setHeader("Retry-After", String.valueOf(throttled.retryAfterSeconds()));
            writeProblem(response, HttpStatus.TOO_MANY_REQUESTS, "Too many failed sign-ins",
                    "Too many failed sign-ins from this address or for this account; try again in "
                            + throttled.retryAfterSeconds() + " s.", request.getRequestURI());
            return;
        }
        response.setHeader("WWW-Authenticate", "Basic realm=\"Regard\", Bearer");
        String detail = "Sign in with an API token (Authorization: Bearer ...) or HTTP Basic with an agent's email and password.";
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
