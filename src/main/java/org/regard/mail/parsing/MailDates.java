package org.regard.mail.parsing;

import jakarta.mail.internet.MailDateFormat;

import java.text.ParsePosition;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Date;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads the Date header: RFC 5322 dates, and the obsolete and sloppy forms real mailers still write. */
final class MailDates {

    private static final Pattern DATE = Pattern.compile(
            "(?:[A-Za-z]{2,12},?\\s*)?(\\d{1,2})[\\s-]+([A-Za-z]{3,12})\\.?[\\s-]+(\\d{2,4})\\s+"
                    + "(\\d{1,2}):(\\d{1,2})(?::(\\d{1,2}))?(?:\\.\\d+)?\\s*([+-]\\d{2}:?\\d{2}|[A-Za-z]{1,5})?");

    private static final Map<String, Integer> MONTHS = Map.ofEntries(
            Map.entry("jan", 1), Map.entry("feb", 2), Map.entry("mar", 3), Map.entry("apr", 4),
            Map.entry("may", 5), Map.entry("jun", 6), Map.entry("jul", 7), Map.entry("aug", 8),
            Map.entry("sep", 9), Map.entry("oct", 10), Map.entry("nov", 11), Map.entry("dec", 12));

    private static final Map<String, String> ZONES = Map.ofEntries(
            Map.entry("UT", "+0000"), Map.entry("UTC", "+0000"), Map.entry("GMT", "+0000"), Map.entry("Z", "+0000"),
            Map.entry("EST", "-0500"), Map.entry("EDT", "-0400"), Map.entry("CST", "-0600"), Map.entry("CDT", "-0500"),
            Map.entry("MST", "-0700"), Map.entry("MDT", "-0600"), Map.entry("PST", "-0800"), Map.entry("PDT", "-0700"),
            Map.entry("CET", "+0100"), Map.entry("CEST", "+0200"), Map.entry("MET", "+0100"),
            Map.entry("MEST", "+0200"), Map.entry("BST", "+0100"), Map.entry("IST", "+0530"),
            Map.entry("JST", "+0900"), Map.entry("ICT", "+0700"));

    private MailDates() {
    }

    static Optional<OffsetDateTime> parse(String header) {
        if (header == null || header.isBlank()) {
            return Optional.empty();
        }
        String cleaned = header.replaceAll("\\([^)]*\\)", " ").replaceAll("\\s+", " ").trim();
        Optional<OffsetDateTime> own = ownPattern(cleaned);
        if (own.isPresent()) {
            return own;
        }
        try {
            return Optional.of(OffsetDateTime.parse(cleaned, DateTimeFormatter.RFC_1123_DATE_TIME));
        } catch (DateTimeParseException notRfc1123) {
            // fall through to the lenient parser of Jakarta Mail
        }
        try {
            Date date = new MailDateFormat().parse(cleaned, new ParsePosition(0));
            return date == null ? Optional.empty() : Optional.of(date.toInstant().atOffset(ZoneOffset.UTC));
        } catch (RuntimeException unreadable) {
            return Optional.empty();
        }
    }

    private static Optional<OffsetDateTime> ownPattern(String text) {
        Matcher m = DATE.matcher(text);
        if (!m.find()) {
            return Optional.empty();
        }
        Integer month = MONTHS.get(m.group(2).substring(0, 3).toLowerCase(Locale.ROOT));
        if (month == null) {
            return Optional.empty();
        }
        try {
            int day = Integer.parseInt(m.group(1));
            int year = Integer.parseInt(m.group(3));
            if (m.group(3).length() <= 2) {
                year += year < 50 ? 2000 : 1900;
            } else if (m.group(3).length() == 3) {
                year += 1900;
            }
            int hour = Integer.parseInt(m.group(4));
            int minute = Integer.parseInt(m.group(5));
            int second = m.group(6) == null ? 0 : Integer.parseInt(m.group(6));
            ZoneOffset offset = offset(m.group(7));
            return Optional.of(OffsetDateTime.of(year, month, day, hour, minute, Math.min(second, 59), 0, offset));
        } catch (RuntimeException outOfRange) {
            return Optional.empty();
        }
    }

    private static ZoneOffset offset(String zone) {
        if (zone == null) {
            return ZoneOffset.UTC;
        }
        String numeric = zone.startsWith("+") || zone.startsWith("-")
                ? zone.replace(":", "")
                : ZONES.getOrDefault(zone.toUpperCase(Locale.ROOT), "+0000");
        int sign = numeric.startsWith("-") ? -1 : 1;
        int hours = Integer.parseInt(numeric.substring(1, 3));
        int minutes = Integer.parseInt(numeric.substring(3, 5));
        return ZoneOffset.ofHoursMinutes(sign * hours, sign * minutes);
    }
}
