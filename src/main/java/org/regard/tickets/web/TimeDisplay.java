package org.regard.tickets.web;

import org.regard.accounts.AgentPrincipal;
import org.regard.accounts.TimeZones;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;

/**
 * Shows a moment the way the page's language writes dates, in the signed-in agent's time zone
 * ({@link TimeZones#ofAgent}: their own, else their first team's, else the desk's; the desk's when nobody is signed in).
 * Templates call it as {@code ${@timeDisplay.text(instant)}}; the machine-readable value goes into
 * {@code <time datetime>} as a UTC instant, like the API's.
 */
@Component("timeDisplay")
public class TimeDisplay {
    private static final DateTimeFormatter EXACT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final TimeZones zones;

    TimeDisplay(TimeZones zones) {
        this.zones = zones;
    }

    public String text(Instant at) {
        if (at == null) {
            return "";
        }
        return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                .withLocale(LocaleContextHolder.getLocale()).withZone(zone()).format(at);
    }

    /** To the second, the same in every language (the audit log's). */
    public String exact(Instant at) {
        return at == null ? "" : EXACT.withZone(zone()).format(at);
    }

    public String iso(Instant at) {
        return at == null ? "" : DateTimeFormatter.ISO_INSTANT.format(at);
    }

    /** The zone this request's times are shown in. */
    public ZoneId zone() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth != null && auth.getPrincipal() instanceof AgentPrincipal agent) {
            return zones.ofAgent(agent.id());
        }
        return zones.desk();
    }
}
