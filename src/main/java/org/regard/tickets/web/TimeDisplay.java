package org.regard.tickets.web;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;

/**
 * Shows a moment the way the page's language writes dates, in the server's time zone. Templates call it
 * as {@code ${@timeDisplay.text(instant)}}; the machine-readable value goes into {@code <time datetime>}.
 */
@Component("timeDisplay")
public class TimeDisplay {
    private final ZoneId zone = ZoneId.systemDefault();

    public String text(Instant at) {
        if (at == null) {
            return "";
        }
        return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                .withLocale(LocaleContextHolder.getLocale()).withZone(zone).format(at);
    }

    public String iso(Instant at) {
        return at == null ? "" : DateTimeFormatter.ISO_INSTANT.format(at);
    }
}
