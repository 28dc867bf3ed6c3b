package org.regard.review;

import org.regard.search.TextFolding;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Finds configured words and phrases in a reply, blind to case and accents in every language, the way search folds
 * words ({@link TextFolding}): {@code Remboursement} finds {@code remboursement}, {@code Strasse} finds {@code Straße},
 * {@code Mueller} and {@code Muller} find {@code Müller}, {@code hoan tien} finds {@code hoàn tiền}.
 * <p>
 * Whole words only: {@code refund} does not find {@code refunded} or {@code refunding} (no stemming: an administrator
 * who wants those lists them too), so that a short word cannot hold replies through the longer words it begins. A
 * phrase's words must follow each other in the reply; what stands between them must be the same once white space is
 * left out, so {@code money back} finds {@code money}, a line break and {@code back}, but not {@code money. Back},
 * and {@code e-mail} finds {@code e - mail} but not {@code e mail} (a typographic apostrophe counts as a straight one).
 */
final class WordMatching {
    /**
     * Configured phrases folded once: folding is a pure function of the text, so the cache is right on every node and
     * after any change of the rules (a changed phrase is another key). Bounded: emptied when it grows past its limit.
     */
    private static final int CACHED_PHRASES = 10_000;
    private static final java.util.concurrent.ConcurrentHashMap<String, Folded> PHRASES = new java.util.concurrent.ConcurrentHashMap<>();

    private WordMatching() {
    }

    private static Folded phrase(String phrase) {
        Folded folded = PHRASES.get(phrase);
        if (folded == null) {
            if (PHRASES.size() >= CACHED_PHRASES) {
                PHRASES.clear();
            }
            folded = fold(phrase);
            PHRASES.put(phrase, folded);
        }
        return folded;
    }

    /** A text cut into words, each with its folded forms and what stands between it and the word before. */
    record Folded(List<Set<String>> forms, List<String> gaps) {
        int size() {
            return forms.size();
        }
    }

    static Folded fold(String text) {
        List<TextFolding.Word> words = TextFolding.words(text == null ? "" : text);
        List<Set<String>> forms = new ArrayList<>(words.size());
        List<String> gaps = new ArrayList<>(words.size());
        int end = -1;
        for (TextFolding.Word w : words) {
            forms.add(TextFolding.terms(w.text()).exact());
            gaps.add(end < 0 ? "" : squeeze(text.substring(end, w.start())));
            end = w.end();
        }
        return new Folded(forms, gaps);
    }

    /** True when the phrase has at least one word to look for (not only punctuation). */
    static boolean hasWords(String phrase) {
        return !fold(phrase).forms().isEmpty();
    }

    /** The configured words and phrases found in the body, in the configured order. */
    static List<String> found(List<String> configured, String body) {
        List<String> found = new ArrayList<>();
        if (configured.isEmpty()) {
            return found;
        }
        Folded text = fold(body);
        for (String phrase : configured) {
            if (!found.contains(phrase) && contains(text, phrase(phrase))) {
                found.add(phrase);
            }
        }
        return found;
    }

    static boolean contains(Folded text, Folded phrase) {
        int n = phrase.size();
        if (n == 0) {
            return false;
        }
        outer:
        for (int i = 0; i + n <= text.size(); i++) {
            for (int j = 0; j < n; j++) {
                if (!meets(text.forms().get(i + j), phrase.forms().get(j))) {
                    continue outer;
                }
                if (j > 0 && !text.gaps().get(i + j).equals(phrase.gaps().get(j))) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    private static boolean meets(Set<String> a, Set<String> b) {
        for (String form : b) {
            if (a.contains(form)) {
                return true;
            }
        }
        return false;
    }

    private static String squeeze(String gap) {
        return gap.codePoints().filter(c -> !Character.isWhitespace(c) && !Character.isSpaceChar(c))
                .map(c -> c == '\u2019' ? '\'' : c)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
    }
}
