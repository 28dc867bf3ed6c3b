package org.regard.customers;

import org.regard.text.TextInput;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The options of a choice field: 2 to 50, each 1 to 100 characters on one line, no two the same when case is
 * ignored. Kept in one text column, one option a line, in the order the admin gave them. A value matches an option
 * whatever its case and is stored in the option's own spelling.
 */
public final class PreferenceOptions {
    public static final int MIN = 2;
    public static final int MAX = 50;
    public static final int MAX_LENGTH = 100;

    private PreferenceOptions() {
    }

    /**
     * Why these options cannot be kept: {@code code} is one of count, length, line, characters, duplicate, onlyForChoice
     * (pages turn it into a message key), {@code option} the option concerned (null for count and onlyForChoice).
     */
    public record Problem(String code, String option) {
        /** The problem in words for an API caller, naming the option. */
        public String message() {
            return switch (code) {
                case "count" -> "must list " + MIN + " to " + MAX + " options";
                case "length" -> "must each be 1 to " + MAX_LENGTH + " characters (\"" + shorten(option) + "\" is not)";
                case "line" -> "must each be on one line";
                case "characters" -> "must not contain the NUL character or half of a surrogate pair";
                case "duplicate" -> "must not repeat an option (\"" + shorten(option) + "\" is listed twice, ignoring case)";
                case "onlyForChoice" -> "are only for fields of type choice";
                default -> "are not valid";
            };
        }

        private static String shorten(String option) {
            return option == null ? "" : option.length() > 40 ? option.substring(0, 40) + "…" : option;
        }
    }

    /** The options typed on a page, one a line: each stripped, blank lines left out. */
    public static List<String> fromLines(String text) {
        List<String> options = new ArrayList<>();
        if (text != null) {
            for (String line : text.split("\\R")) {
                if (!line.isBlank()) {
                    options.add(line.strip());
                }
            }
        }
        return options;
    }

    /** Each option stripped (null stays null, for {@link #problem} to refuse). */
    static List<String> stripped(List<String> options) {
        return options.stream().map(o -> o == null ? null : o.strip()).toList();
    }

    /** Why these options (already stripped) cannot be kept; empty when they can. */
    public static Optional<Problem> problem(List<String> options) {
        if (options == null || options.size() < MIN || options.size() > MAX) {
            return Optional.of(new Problem("count", null));
        }
        Set<String> seen = new HashSet<>();
        for (String option : options) {
            if (option == null || option.isBlank() || option.strip().length() > MAX_LENGTH) {
                return Optional.of(new Problem("length", option));
            }
            if (TextInput.problem(option).isPresent()) {
                return Optional.of(new Problem("characters", option));
            }
            if (option.contains("\n") || option.contains("\r")) {
                return Optional.of(new Problem("line", option));
            }
            if (!seen.add(fold(option))) {
                return Optional.of(new Problem("duplicate", option));
            }
        }
        return Optional.empty();
    }

    /** The option this value names, in the option's own spelling; empty when it names none. */
    static Optional<String> match(List<String> options, String value) {
        String folded = fold(value);
        return options.stream().filter(o -> fold(o).equals(folded)).findFirst();
    }

    static String fold(String text) {
        return text.strip().toLowerCase(Locale.ROOT);
    }

    static String encode(List<String> options) {
        return options == null || options.isEmpty() ? null : String.join("\n", options);
    }

    static List<String> decode(String stored) {
        return stored == null || stored.isEmpty() ? List.of() : List.of(stored.split("\n"));
    }
}
