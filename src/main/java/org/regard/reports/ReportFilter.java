package org.regard.reports;

import java.time.LocalDate;

/**
 * What a report is asked for: days {@code from} to {@code to} (UTC days, both included), and optionally one team, one
 * category (0: tickets without a category), one channel (a {@code Channel} name) and one language ('' : unknown).
 * Null means any.
 */
public record ReportFilter(LocalDate from, LocalDate to, Long teamId, Long categoryId, String channel, String language) {
    /** The longest range a report covers. */
    public static final int MAX_DAYS = 3660;

    public ReportFilter {
        if (from != null && to != null && from.isAfter(to)) {
            throw new IllegalArgumentException("from is after to");
        }
        if (from != null && to != null && from.plusDays(MAX_DAYS).isBefore(to)) {
            throw new IllegalArgumentException("the range is longer than " + MAX_DAYS + " days");
        }
        channel = blank(channel) ? null : channel;
        language = language == null ? null : language.strip();
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    /** The default range: the last 30 days up to {@code today}. */
    public static final int DEFAULT_DAYS = 30;

    /**
     * The filter from request parameters as sent (null or blank: not given). {@code from}/{@code to} are ISO dates
     * (default: the last 30 days); {@code team} and {@code category} ids ({@code category=none}: without a category);
     * {@code channel} a channel name; {@code language} a language code or {@code unknown}.
     *
     * @throws ReportInvalid naming the field that is wrong
     */
    public static ReportFilter parse(String from, String to, String team, String category, String channel, String language,
                                     LocalDate today) {
        LocalDate end = date("to", to, today);
        LocalDate start = date("from", from, end.minusDays(DEFAULT_DAYS - 1L));
        if (start.isAfter(end)) {
            throw new ReportInvalid("from", "is after to");
        }
        if (start.plusDays(MAX_DAYS).isBefore(end)) {
            throw new ReportInvalid("from", "the range may cover at most " + MAX_DAYS + " days");
        }
        Long teamId = blank(team) ? null : id("team", team);
        Long categoryId = blank(category) ? null : "none".equals(category.strip()) ? Long.valueOf(0) : id("category", category);
        String ch = null;
        if (!blank(channel)) {
            ch = channel.strip().toUpperCase(java.util.Locale.ROOT);
            try {
                org.regard.tickets.Channel.valueOf(ch);
            } catch (IllegalArgumentException e) {
                throw new ReportInvalid("channel", "is not a channel");
            }
        }
        String lang = null;
        if (!blank(language)) {
            lang = "unknown".equals(language.strip()) ? "" : language.strip().toLowerCase(java.util.Locale.ROOT);
            if (lang.length() > 8 || !lang.chars().allMatch(c -> c == '-' || Character.isLetterOrDigit(c))) {
                throw new ReportInvalid("language", "is not a language code");
            }
        }
        return new ReportFilter(start, end, teamId, categoryId, ch, lang);
    }

    private static LocalDate date(String field, String value, LocalDate otherwise) {
        if (blank(value)) {
            return otherwise;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (java.time.format.DateTimeParseException e) {
            throw new ReportInvalid(field, "is not a date (YYYY-MM-DD)");
        }
    }

    private static Long id(String field, String value) {
        try {
            long id = Long.parseLong(value.strip());
            if (id <= 0) {
                throw new NumberFormatException();
            }
            return id;
        } catch (NumberFormatException e) {
            throw new ReportInvalid(field, "is not an id");
        }
    }
}
