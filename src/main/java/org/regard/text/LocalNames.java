package org.regard.text;

import org.springframework.context.i18n.LocaleContext;
import org.springframework.context.i18n.LocaleContextHolder;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A name an admin gives once (the base name) and, where they wish, once more for each language the pages speak: a
 * team "Support" that French pages call "Assistance". Shown in the reader's language, falling back to the base name.
 * <p>
 * The translations are kept in one text column beside the base name ({@link #encoded()}: a line {@code fr=Assistance}
 * per language), so showing a name in any language costs no statement more than showing the base name.
 * <p>
 * {@link #current()} resolves the name in the language of the request being answered (Spring's
 * {@link LocaleContextHolder}: a page in the agent's language; the API, which speaks English, in English), and gives
 * the base name when there is no request (a job, a listener), so nothing a background task writes depends on who
 * happened to trigger it.
 */
public record LocalNames(String base, Map<String, String> byLanguage) {
    /** The languages a name can be given in: the languages the pages are translated into. */
    public static final List<String> LANGUAGES = List.of("en", "fr", "de", "vi");

    public LocalNames {
        TreeMap<String, String> kept = new TreeMap<>();
        if (byLanguage != null) {
            byLanguage.forEach((language, name) -> {
                if (language != null && LANGUAGES.contains(language) && name != null && !name.isBlank()) {
                    kept.put(language, name.strip().replaceAll("[\\r\\n]+", " "));
                }
            });
        }
        byLanguage = Collections.unmodifiableMap(kept);
    }

    /** A name without translations. */
    public static LocalNames of(String base) {
        return new LocalNames(base, Map.of());
    }

    /** The name as stored: the base name and the column {@link #encoded()} wrote; tolerant of lines it cannot read. */
    public static LocalNames decode(String base, String stored) {
        if (stored == null || stored.isEmpty()) {
            return of(base);
        }
        Map<String, String> names = new LinkedHashMap<>();
        for (String line : stored.split("\n")) {
            int eq = line.indexOf('=');
            if (eq > 0) {
                names.put(line.substring(0, eq), line.substring(eq + 1));
            }
        }
        return new LocalNames(base, names);
    }

    /**
     * The names a page form sent, one field per language named {@code name_en}, {@code name_fr}...: language to
     * name, as typed (blank ones included, so a refused form shows them again); null when the form sent none of these
     * fields (a form that only renames leaves the other languages' names as they are).
     */
    public static Map<String, String> fromForm(Map<String, String> parameters) {
        Map<String, String> names = new LinkedHashMap<>();
        for (String language : LANGUAGES) {
            String value = parameters.get("name_" + language);
            if (value != null) {
                names.put(language, value);
            }
        }
        return names.isEmpty() ? null : names;
    }

    /** The translations in their stored form, one {@code language=name} line each; null when there are none. */
    public String encoded() {
        if (byLanguage.isEmpty()) {
            return null;
        }
        List<String> lines = new ArrayList<>();
        byLanguage.forEach((language, name) -> lines.add(language + "=" + name));
        return String.join("\n", lines);
    }

    /** The name in this language, or the base name when none was given for it. */
    public String in(Locale locale) {
        return locale == null ? base : byLanguage.getOrDefault(locale.getLanguage(), base);
    }

    /** The name in the language of the request being answered; the base name outside a request. */
    public String current() {
        LocaleContext context = LocaleContextHolder.getLocaleContext();
        return context == null ? base : in(context.getLocale());
    }

    /** The same translations under another base name. */
    public LocalNames withBase(String newBase) {
        return new LocalNames(newBase, byLanguage);
    }

    /**
     * Why these translations cannot be kept, in words for the caller, naming the language ("names.fr must be at most
     * 100 characters"); empty when they can. Blank names are fine: they remove the translation.
     */
    public static Optional<String> problem(Map<String, String> translations, int maxLength) {
        return problem(translations, maxLength, "names");
    }

    /** The same, naming the field the caller knows the translations by ({@code labels} gives "labels.fr ..."). */
    public static Optional<String> problem(Map<String, String> translations, int maxLength, String field) {
        if (translations == null) {
            return Optional.empty();
        }
        for (Map.Entry<String, String> entry : translations.entrySet()) {
            String language = entry.getKey();
            String name = entry.getValue();
            String named = field + "." + language;
            if (language == null || !LANGUAGES.contains(language)) {
                return Optional.of(named + " is not a page language (one of " + String.join(", ", LANGUAGES) + ")");
            }
            if (name == null || name.isBlank()) {
                continue;
            }
            Optional<String> characters = TextInput.problem(name);
            if (characters.isPresent()) {
                return Optional.of(named + " " + characters.get());
            }
            if (name.strip().length() > maxLength) {
                return Optional.of(named + " must be at most " + maxLength + " characters");
            }
            if (name.contains("\n") || name.contains("\r")) {
                return Optional.of(named + " must be on one line");
            }
        }
        return Optional.empty();
    }

    /**
     * Refuses translations that {@link #problem} finds fault with.
     *
     * @throws Invalid naming the language's field ({@code names.fr}) and what is wrong
     */
    public static void check(Map<String, String> translations, int maxLength) {
        check(translations, maxLength, "names");
    }

    /**
     * Refuses translations that {@link #problem} finds fault with, naming them by {@code field} ({@code labels.fr}).
     *
     * @throws Invalid naming the language's field and what is wrong
     */
    public static void check(Map<String, String> translations, int maxLength, String field) {
        problem(translations, maxLength, field).ifPresent(problem -> {
            int space = problem.indexOf(' ');
            throw new Invalid(problem.substring(0, space), problem.substring(space + 1));
        });
    }

    /** Raised for a name in some language that cannot be kept; {@link #field()} says which ({@code names.de}). */
    public static final class Invalid extends IllegalArgumentException {
        private final String field;
        private final String problem;

        public Invalid(String field, String problem) {
            super(field + " " + problem);
            this.field = field;
            this.problem = problem;
        }

        public String field() {
            return field;
        }

        public String problem() {
            return problem;
        }
    }

    /** What changed between these translations and others, for an audit line ("fr: Assistance → Aide"); empty when none. */
    public String changesTo(LocalNames after) {
        List<String> changes = new ArrayList<>();
        for (String language : LANGUAGES) {
            String before = byLanguage.get(language);
            String now = after.byLanguage.get(language);
            if (before == null ? now != null : !before.equals(now)) {
                changes.add(language + ": " + (before == null ? "—" : before) + " → " + (now == null ? "—" : now));
            }
        }
        return String.join(", ", changes);
    }
}
