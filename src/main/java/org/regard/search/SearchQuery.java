package org.regard.search;

import org.regard.customers.PhoneMatching;
import org.regard.tickets.InvalidInput;
import org.regard.tickets.TicketStatus;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * What an agent searches for: the words ({@code text}, required) and optional filters. A status or team filter
 * narrows the search to tickets and messages (customers have neither); {@code from}/{@code to} are inclusive days
 * (UTC) of the document's creation; {@code language} is the customer's language.
 */
public record SearchQuery(String text, SearchKind kind, TicketStatus status, Long teamId, LocalDate from, LocalDate to,
                          String language, int limit) {
    /** Longest query accepted, in characters. */
    public static final int MAX_TEXT = 200;
    /** Most words of a query that count; more are ignored. */
    static final int MAX_WORDS = 8;
    public static final int DEFAULT_LIMIT = 25;
    public static final int MAX_LIMIT = 100;

    /** Checks the query, naming the parameter that is wrong ({@code q}, {@code to}, {@code limit}). */
    public SearchQuery {
        if (text == null || text.isBlank()) {
            throw new InvalidInput("q", "must not be empty");
        }
        text = text.strip();
        if (text.length() > MAX_TEXT) {
            throw new InvalidInput("q", "must be at most " + MAX_TEXT + " characters");
        }
        if (TextFolding.termsOf(text).isEmpty()) {
            throw new InvalidInput("q", "must contain at least one word (letters or digits)");
        }
        if (from != null && to != null && to.isBefore(from)) {
            throw new InvalidInput("to", "must not be before from");
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new InvalidInput("limit", "must be between 1 and " + MAX_LIMIT);
        }
        language = language == null || language.isBlank() ? null : language.strip();
    }

    private static final java.util.regex.Pattern TICKET_NUMBER = java.util.regex.Pattern.compile("(#)?\\s*([0-9]{1,18})");

    /** The ticket number the words are, with or without {@code #} ({@code 179}, {@code #179}); empty otherwise. */
    Optional<Long> ticketNumber() {
        java.util.regex.Matcher m = TICKET_NUMBER.matcher(text);
        return m.matches() ? Optional.of(Long.parseLong(m.group(2))) : Optional.empty();
    }

    /** The ticket a query names with {@code #} ({@code #179}), which the search box opens directly. */
    static Optional<Long> namedTicket(String text) {
        java.util.regex.Matcher m = TICKET_NUMBER.matcher(text == null ? "" : text.strip());
        return m.matches() && m.group(1) != null ? Optional.of(Long.parseLong(m.group(2))) : Optional.empty();
    }

    /** A query for these words without filters. */
    public static SearchQuery of(String text) {
        return new SearchQuery(text, null, null, null, null, null, null, DEFAULT_LIMIT);
    }

    /**
     * The terms of each distinct query word (a document must match every word, by any of its terms). A query written
     * like a telephone number of at least nine digits is one word, found by its digits or by the key that every way
     * of writing the number shares ({@link PhoneMatching}), which customers' documents hold.
     */
    List<List<String>> wordTerms() {
        java.util.Optional<String> number = PhoneMatching.numberSearched(text)
                .filter(digits -> digits.length() >= PhoneMatching.KEY_DIGITS);
        if (number.isPresent()) {
            return List.of(List.copyOf(new java.util.LinkedHashSet<>(List.of(number.get(), PhoneMatching.keyOf(number.get())))));
        }
        return TextFolding.termsOf(text).stream().map(t -> List.copyOf(t.all())).distinct().limit(MAX_WORDS).toList();
    }
}
