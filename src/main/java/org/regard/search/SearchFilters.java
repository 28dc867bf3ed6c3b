package org.regard.search;

import org.regard.tickets.InvalidInput;
import org.regard.tickets.TicketStatus;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Reads the search parameters the page and the API share ({@code q}, {@code type}, {@code status}, {@code team},
 * {@code from}, {@code to}, {@code language}, {@code limit}) into a {@link SearchQuery}, in any case, refusing unknown
 * values with the parameter's name.
 */
public final class SearchFilters {
    private SearchFilters() {
    }

    public static SearchQuery query(String q, String type, String status, Long team, LocalDate from, LocalDate to,
                                    String language, Integer limit) {
        return new SearchQuery(q, blank(type) ? null : kind(type), blank(status) ? null : status(status), team, from, to,
                language, limit == null ? SearchQuery.DEFAULT_LIMIT : limit);
    }

    private static SearchKind kind(String type) {
        try {
            return SearchKind.parse(type);
        } catch (IllegalArgumentException e) {
            throw new InvalidInput("type", "must be one of ticket, message, customer, procedure");
        }
    }

    private static TicketStatus status(String status) {
        try {
            return TicketStatus.valueOf(status.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidInput("status", "must be one of " + Arrays.stream(TicketStatus.values())
                    .map(s -> s.name().toLowerCase(Locale.ROOT)).collect(Collectors.joining(", ")));
        }
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
