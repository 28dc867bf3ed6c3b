package org.regard.search;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Turns text into the terms search matches on, the same way for indexing and for queries and on every database, so
 * that accents and case never get in the way: {@code cafe} finds {@code café}, {@code Muller} and {@code Mueller}
 * find {@code Müller}, {@code ha noi} finds {@code Hà Nội}, and French, German and English words find their
 * inflected forms.
 * <p>
 * Each word yields its <em>exact</em> forms (lower case without accents, and for German umlauts also the
 * {@code ü → ue} spelling) and its <em>stems</em> (light French, German and English stemming, then folded). A query
 * word matches a document word when they share any term; exact forms weigh more in the ranking than stems.
 * Stemming for all three languages at once keeps a query working whatever language the customer writes in.
 */
public final class TextFolding {
    /** Longest word kept; longer runs (hashes, base64) are cut so that one token cannot bloat the index. */
    static final int MAX_WORD = 40;
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");

    private TextFolding() {
    }

    /** The terms of one word. */
    public record WordTerms(Set<String> exact, Set<String> stems) {
        /** Every term, exact ones first. */
        public Set<String> all() {
            Set<String> all = new LinkedHashSet<>(exact);
            all.addAll(stems);
            return all;
        }
    }

    /** A word of a text and where it stands, for highlighting. */
    public record Word(String text, int start, int end) {
    }

    /** The words of a text: runs of letters and digits (so e-mail addresses split into their parts). */
    public static List<Word> words(String text) {
        List<Word> words = new ArrayList<>();
        if (text == null) {
            return words;
        }
        int i = 0;
        int n = text.length();
        while (i < n) {
            int cp = text.codePointAt(i);
            if (!isWordChar(cp)) {
                i += Character.charCount(cp);
                continue;
            }
            int start = i;
            while (i < n) {
                int c = text.codePointAt(i);
                if (!isWordChar(c)) {
                    break;
                }
                i += Character.charCount(c);
            }
            words.add(new Word(text.substring(start, i), start, i));
        }
        return words;
    }

    private static boolean isWordChar(int cp) {
        int type = Character.getType(cp);
        return Character.isLetterOrDigit(cp) || type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK;
    }

    /** Lower case, no accents or marks ({@code đ → d}, {@code ß → ss}, {@code ü → u}). */
    public static String fold(String word) {
        return strip(special(lower(word), false));
    }

    /** Like {@link #fold} but with the German spelling of umlauts ({@code ü → ue}); equal to it for other words. */
    static String foldGerman(String word) {
        return strip(special(lower(word), true));
    }

    /** The terms of one word (its exact forms and stems); empty for an empty word. */
    public static WordTerms terms(String word) {
        String lower = lower(word);
        if (lower.isEmpty()) {
            return new WordTerms(Set.of(), Set.of());
        }
        if (lower.length() > MAX_WORD) {
            lower = lower.substring(0, MAX_WORD);
        }
        Set<String> exact = new LinkedHashSet<>();
        exact.add(strip(special(lower, false)));
        exact.add(strip(special(lower, true)));
        exact.remove("");
        Set<String> stems = new LinkedHashSet<>();
        if (lower.codePoints().anyMatch(Character::isLetter) && lower.length() > 3) {
            stems.add(fold(LightStemmers.french(lower)));
            stems.add(fold(LightStemmers.german(lower)));
            stems.add(LightStemmers.english(exact.iterator().next()));
        }
        stems.removeAll(exact);
        stems.remove("");
        return new WordTerms(exact, stems);
    }

    /** The terms of every word of a text, keeping repeats (their count ranks a document). */
    public static List<WordTerms> termsOf(String text) {
        List<WordTerms> terms = new ArrayList<>();
        for (Word w : words(text)) {
            WordTerms t = terms(w.text());
            if (!t.exact().isEmpty()) {
                terms.add(t);
            }
        }
        return terms;
    }

    private static String lower(String word) {
        return Normalizer.normalize(word == null ? "" : word, Normalizer.Form.NFC).toLowerCase(Locale.ROOT);
    }

    private static String special(String lower, boolean germanUmlauts) {
        StringBuilder out = new StringBuilder(lower.length() + 4);
        for (int i = 0; i < lower.length(); i++) {
            char c = lower.charAt(i);
            switch (c) {
                case 'đ', 'ð' -> out.append('d');
                case 'ø' -> out.append('o');
                case 'ł' -> out.append('l');
                case 'ß' -> out.append("ss");
                case 'æ' -> out.append("ae");
                case 'œ' -> out.append("oe");
                case 'ı' -> out.append('i');
                case 'þ' -> out.append("th");
                case 'ä' -> out.append(germanUmlauts ? "ae" : "a");
                case 'ö' -> out.append(germanUmlauts ? "oe" : "o");
                case 'ü' -> out.append(germanUmlauts ? "ue" : "u");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    private static String strip(String text) {
        return MARKS.matcher(Normalizer.normalize(text, Normalizer.Form.NFD)).replaceAll("");
    }
}
