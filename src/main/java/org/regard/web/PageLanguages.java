package org.regard.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.regard.accounts.AgentPrincipal;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.servlet.LocaleResolver;

import java.util.List;
import java.util.Locale;

/**
 * Chooses the language of every page: the agent's own choice when signed in and set, otherwise the
 * best match of the browser's Accept-Language among the languages Regard is translated into. API calls are answered
 * in English (one language per answer: the problem details' own words are English).
 */
class PageLanguages implements LocaleResolver {
    static final List<Locale> SUPPORTED = List.of(Locale.ENGLISH, Locale.FRENCH, Locale.GERMAN, Locale.of("vi"));

    @Override
    public Locale resolveLocale(HttpServletRequest request) {
        if (request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
            // the API speaks English only: its titles, details and documentation are English, so the validation
            // messages inside them are too, whatever the agent's page language or the Accept-Language header
            return Locale.ENGLISH;
        }
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth != null && auth.getPrincipal() instanceof AgentPrincipal agent && agent.locale() != null) {
            return Locale.forLanguageTag(agent.locale());
        }
        String header = request.getHeader("Accept-Language");
        if (header == null || header.isBlank()) {
            return Locale.ENGLISH;
        }
        try {
            Locale best = Locale.lookup(Locale.LanguageRange.parse(header), SUPPORTED);
            return best == null ? Locale.ENGLISH : best;
        } catch (IllegalArgumentException malformed) {
            return Locale.ENGLISH;
        }
    }

    @Override
    public void setLocale(HttpServletRequest request, HttpServletResponse response, Locale locale) {
        throw new UnsupportedOperationException("The page language is chosen on the agent's profile page.");
    }
}
