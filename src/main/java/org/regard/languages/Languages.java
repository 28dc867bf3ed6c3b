package org.regard.languages;

import com.github.pemistahl.lingua.api.IsoCode639_1;
import com.github.pemistahl.lingua.api.Language;
import com.github.pemistahl.lingua.api.LanguageDetector;
import com.github.pemistahl.lingua.api.LanguageDetectorBuilder;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;

/**
 * The languages the team works in, and the detection of the language a customer wrote in, limited to those: a
 * detector that only knows the team's languages is both more accurate on short messages and much lighter (only
 * their models are loaded, on first use). Detection needs letters: a text of digits or signs has no language.
 */
@Service
public class Languages {
    /** Relative confidence from which a detection may set a customer's language. */
    static final double CONFIDENT = 0.75;
    /** Letters needed before a detection counts as confident: two words at least. */
    static final int CONFIDENT_LETTERS = 6;
    /** Text considered per detection: enough to decide, bounded so a huge message costs little. */
    static final int SAMPLE = 2_000;

    private final List<String> configured;
    private final List<Language> languages;
    private volatile LanguageDetector detector;

    Languages(@Value("${regard.languages:en,fr,de,vi}") List<String> codes) {
        List<String> normalized = new ArrayList<>();
        List<Language> known = new ArrayList<>();
        for (String code : codes) {
            String c = code.strip().toLowerCase(Locale.ROOT);
            if (c.isEmpty() || normalized.contains(c)) {
                continue;
            }
            known.add(languageOf(c));
            normalized.add(c);
        }
        if (normalized.isEmpty()) {
            throw new IllegalStateException("regard.languages must name at least one language, e.g. en,fr,de,vi");
        }
        this.configured = List.copyOf(normalized);
        this.languages = List.copyOf(known);
    }

    /** Creates the languages of a comma-separated list of codes (for tools and tests outside Spring). */
    public static Languages of(String codes) {
        return new Languages(List.of(codes.split(",")));
    }

    /** The configured language codes, in their configured order (the first is the team's main language). */
    public List<String> configured() {
        return configured;
    }

    /** Whether this code is one of the configured languages. */
    public boolean isConfigured(String code) {
        return code != null && configured.contains(code.strip().toLowerCase(Locale.ROOT));
    }

    /** The language of this text among the configured ones; empty when the text has no letters to go by. */
    public Optional<Detection> detect(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String sample = text.length() > SAMPLE ? text.substring(0, SAMPLE) : text;
        long letters = sample.codePoints().filter(Character::isLetter).count();
        if (letters == 0) {
            return Optional.empty();
        }
        if (languages.size() == 1) {
            return Optional.of(new Detection(configured.getFirst(), 1.0, letters >= CONFIDENT_LETTERS));
        }
        SortedMap<Language, Double> values = detector().computeLanguageConfidenceValues(sample);
        Optional<Map.Entry<Language, Double>> best = values.entrySet().stream().max(Map.Entry.comparingByValue());
        return best.filter(e -> e.getValue() > 0).map(e -> new Detection(
                e.getKey().getIsoCode639_1().toString().toLowerCase(Locale.ROOT), e.getValue(),
                e.getValue() >= CONFIDENT && letters >= CONFIDENT_LETTERS));
    }

    private LanguageDetector detector() {
        LanguageDetector d = detector;
        if (d == null) {
            synchronized (this) {
                d = detector;
                if (d == null) {
                    d = LanguageDetectorBuilder.fromLanguages(languages.toArray(Language[]::new)).build();
                    detector = d;
                }
            }
        }
        return d;
    }

    private static Language languageOf(String code) {
        for (IsoCode639_1 iso : IsoCode639_1.values()) {
            if (iso.toString().equalsIgnoreCase(code)) {
                return Language.getByIsoCode639_1(iso);
            }
        }
        throw new IllegalStateException("regard.languages: " + code + " is not a language code Regard can detect "
                + "(use two-letter ISO 639-1 codes such as en, fr, de, vi)");
    }
}
