package org.regard.search;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SnippetsTest {

    private static List<List<String>> query(String text) {
        return SearchQuery.of(text).wordTerms();
    }

    @Test
    void marksEveryMatchingWordAndEscapesTheRest() {
        String snippet = Snippets.of("<b>Café</b> & the CAFE's menu", query("cafe"), false);
        assertThat(snippet).isEqualTo("&lt;b&gt;<mark>Café</mark>&lt;/b&gt; &amp; the <mark>CAFE</mark>&#39;s menu");
    }

    @Test
    void cutsAroundTheFirstMatchInALongText() {
        String text = "word ".repeat(200) + "Rechnungen " + "tail ".repeat(200);
        String snippet = Snippets.of(text, query("rechnung"), false);
        assertThat(snippet).startsWith("… word").contains("<mark>Rechnungen</mark>").endsWith(" …");
        assertThat(snippet.length()).isLessThan(Snippets.MAX_CHARS + 40);
    }

    @Test
    void withoutAMatchItIsEmptyOrTheStart() {
        assertThat(Snippets.of("nothing here", query("cafe"), false)).isEmpty();
        assertThat(Snippets.of("nothing here", query("cafe"), true)).isEqualTo("nothing here");
    }
}
