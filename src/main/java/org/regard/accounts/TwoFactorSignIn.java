package org.regard.accounts;

import org.regard.audit.AuditAction;
import org.regard.audit.AuditLog;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.savedrequest.RequestCache;
import org.springframework.security.web.savedrequest.SavedRequest;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.Serial;
import java.io.Serializable;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The step between the password and the second factor. After the right password of an agent who has two-factor
 * sign-in (or must set it up), the session is <em>not</em> signed in: its security context is emptied and only a
 * {@link Pending} note is kept in the session (which agent, which step, how many wrong codes, since when). Every page
 * and API call is then refused as for anyone not signed in; the second-step pages ({@code /login/two-factor/**}) read
 * the note, and only the right code signs the session in (with a new session id).
 */
@Component
class TwoFactorSignIn implements AuthenticationSuccessHandler {
    static final String PENDING = TwoFactorSignIn.class.getName() + ".PENDING";
    static final String CODE_PAGE = "/login/two-factor";
    static final String ENROL_PAGE = "/login/two-factor/enrol";
    /** Wrong codes one sign-in may type before it must start again from the password. */
    static final int MAX_WRONG_CODES = 3;
    /** How long the second step waits for its code. */
    static final Duration PATIENCE = Duration.ofMinutes(5);
    static final String DEFAULT_TARGET = "/inbox";

    private final TwoFactor twoFactor;
    private final AgentRepository agents;
    private final Clock clock;
    private final AuthenticationSuccessHandler withoutSecondStep;
    private final SecurityContextHolderStrategy holder = SecurityContextHolder.getContextHolderStrategy();
    private final SecurityContextRepository contexts = new HttpSessionSecurityContextRepository();
    private final RequestCache requests = ReturnAfterSignIn.cache();
    private final AuditLog audit;

    TwoFactorSignIn(TwoFactor twoFactor, AgentRepository agents, Clock clock, AuditLog audit) {
        this.twoFactor = twoFactor;
        this.agents = agents;
        this.clock = clock;
        this.audit = audit;
        this.withoutSecondStep = SecurityConfiguration.afterSignIn(requests);
    }

    /** A sign-in waiting for its second factor, kept in the (shared) session. */
    record Pending(long agentId, String email, TwoFactor.NextStep step, int wrongCodes, Instant since) implements Serializable {
        @Serial
        private static final long serialVersionUID = 1L;

        Pending withWrongCode() {
            return new Pending(agentId, email, step, wrongCodes + 1, since);
        }
    }

    @Override
    public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response, Authentication authentication)
            throws IOException, jakarta.servlet.ServletException {
        if (authentication.getPrincipal() instanceof AgentPrincipal agent) {
            TwoFactor.NextStep next = twoFactor.nextStepAfterPassword(agent.id(), agent.role());
            if (next != TwoFactor.NextStep.NONE) {
                // the password filter has just stored the signed-in context: take it back until the code is right
                holder.clearContext();
                HttpSession session = request.getSession();
                session.removeAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY);
                session.setAttribute(PENDING, new Pending(agent.id(), agent.getUsername(), next, 0, clock.instant()));
                response.sendRedirect(request.getContextPath() + (next == TwoFactor.NextStep.CODE ? CODE_PAGE : ENROL_PAGE));
                return;
            }
            audit.record(AuditAction.SIGN_IN, agent.id(), agent.getUsername(), "agent", agent.id(), "signed in",
                    request.getRemoteAddr());
        }
        withoutSecondStep.onAuthenticationSuccess(request, response, authentication);
    }

    /** The sign-in waiting in this session for this step, if it is not too old. */
    Optional<Pending> pending(HttpServletRequest request, TwoFactor.NextStep step) {
        HttpSession session = request.getSession(false);
        if (session == null || !(session.getAttribute(PENDING) instanceof Pending pending)) {
            return Optional.empty();
        }
        if (pending.since().plus(PATIENCE).isBefore(clock.instant())) {
            session.removeAttribute(PENDING);
            return Optional.empty();
        }
        return pending.step() == step ? Optional.of(pending) : Optional.empty();
    }

    /** Counts a wrong code; returns false when the sign-in has used up its attempts and must start again. */
    boolean wrongCode(HttpServletRequest request, Pending pending) {
        Pending after = pending.withWrongCode();
        if (after.wrongCodes() >= MAX_WRONG_CODES) {
            abandon(request);
            return false;
        }
        request.getSession().setAttribute(PENDING, after);
        return true;
    }

    void abandon(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.removeAttribute(PENDING);
        }
    }

    /**
     * Signs the session in as the pending agent, read fresh (a deactivated agent is not signed in), under a new
     * session id. Returns where to go next: the page that asked for sign-in, or the inbox.
     */
    Optional<String> complete(HttpServletRequest request, HttpServletResponse response, Pending pending) {
        abandon(request);
        Optional<Agent> agent = agents.findById(pending.agentId()).filter(Agent::isActive);
        if (agent.isEmpty()) {
            return Optional.empty();
        }
        AgentPrincipal principal = AgentPrincipal.of(agent.get(), false);
        principal.eraseCredentials();
        request.changeSessionId();
        UsernamePasswordAuthenticationToken signedIn =
                UsernamePasswordAuthenticationToken.authenticated(principal, null, principal.getAuthorities());
        signedIn.setDetails(new WebAuthenticationDetails(request));
        SecurityContext context = holder.createEmptyContext();
        context.setAuthentication(signedIn);
        holder.setContext(context);
        contexts.saveContext(context, request, response);
        audit.record(AuditAction.SIGN_IN, principal.id(), principal.getUsername(), "agent", principal.id(),
                "signed in with the second factor", request.getRemoteAddr());
        SavedRequest saved = requests.getRequest(request, response);
        return Optional.of(saved == null ? request.getContextPath() + DEFAULT_TARGET
                : RelativeRedirect.of(request, saved.getRedirectUrl()));
    }
}
