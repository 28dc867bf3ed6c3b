package org.regard.search;

import org.springframework.web.util.HtmlUtils;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Cuts the part of a text around its first matching word and marks every matching word: the text is HTML-escaped, so
 * the only markup in a snippet is {@code <mark>}. A word matches when it shares a term with a query word, as in the
 * index.
 */
final class Snippets {
    static final int WORDS_BEFORE = 8;
    static final int MAX_CHARS = 220;

    private Snippets() {
    }

    /** Whether every query word matches some word of the text. */
    static boolean hasEveryWord(String text, List<List<String>> queryTerms) {
        if (text == null || text.isEmpty()) {
            return queryTerms.isEmpty();
        }
        Set<String> present = new HashSet<>();
        TextFolding.words(text).forEach(w -> present.addAll(TextFolding.terms(w.text()).all()));
        return queryTerms.stream().allMatch(word -> word.stream().anyMatch(present::contains));
    }

    /** The snippet of the text around its first matching word; empty when none matches and {@code orStart} is false. */
    static String of(String text, List<List<String>> queryTerms, boolean orStart) {
        if (text == null || text.isEmpty()) {
            return "";
        }
        Set<String> wanted = new HashSet<>();
        queryTerms.forEach(wanted::addAll);
        List<TextFolding.Word> words = TextFolding.words(text);
        int first = -1;
        boolean[] matches = new boolean[words.size()];
        for (int i = 0; i < words.size(); i++) {
            matches[i] = TextFolding.terms(words.get(i).text()).all().stream().anyMatch(wanted::contains);
            if (matches[i] && first < 0) {
                first = i;
            }
        }
        if (first < 0 && !orStart) {
            return "";
        }
        int startWord = first < 0 ? 0 : Math.max(0, first - WORDS_BEFORE);
        int start = words.isEmpty() || startWord == 0 ? 0 : words.get(startWord).start();
        if (first >= 0 && words.get(first).end() - start > MAX_CHARS) {
            start = words.get(first).start();
        }
        int end = Math.min(text.length(), start + MAX_CHARS);
        StringBuilder html = new StringBuilder();
        if (start > 0) {
            html.append("… ");
        }
        int at = start;
        for (int i = 0; i < words.size(); i++) {
            TextFolding.Word w = words.get(i);
            if (w.start() < start) {
                continue;
            }
            if (w.end() > end) {
                break;
            }
            if (matches[i]) {
                html.append(escape(text.substring(at, w.start()))).append("<mark>").append(escape(w.text())).append("</mark>");
                at = w.end();
            }
        }
        html.append(escape(text.substring(at, end)));
        if (end < text.length()) {
            html.append(" …");
        }
        return html.toString().replaceAll("\\s+", " ").strip();
    }

    private static String escape(String text) {
        return HtmlUtils.htmlEscape(text, "UTF-8");
    }
}
