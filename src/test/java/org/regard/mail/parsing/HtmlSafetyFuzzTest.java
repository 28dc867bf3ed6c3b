package org.regard.mail.parsing;

import com.code_intelligence.jazzer.junit.FuzzTest;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;

/**
 * The HTML sanitiser, and what the message frame adds to its output (bounded styles again, warnings after disguised
 * links), under a coverage-guided fuzzer (Jazzer). In a plain build each input committed under
 * {@code src/test/resources/org/regard/mail/parsing/HtmlSafetyFuzzTestInputs/sanitise/} runs once as a regression
 * test; {@code bench/fuzz.sh html N} fuzzes for N executions starting from the shared mail corpus.
 * <p>
 * Besides an exception, a hang or running out of memory, a finding is output that breaks the sanitiser's promises:
 * an element or attribute outside the allow-list, a script-capable URL, or a style beyond {@link StyleBounds}.
 */
class HtmlSafetyFuzzTest {

    private static final Set<String> ELEMENTS = Set.of("a", "abbr", "acronym", "address", "b", "bdi", "bdo", "big",
            "blockquote", "br", "caption", "center", "cite", "code", "col", "colgroup", "dd", "del", "dfn", "div", "dl",
            "dt", "em", "font", "h1", "h2", "h3", "h4", "h5", "h6", "hr", "i", "img", "ins", "kbd", "li", "mark", "ol",
            "p", "pre", "q", "s", "samp", "small", "span", "strike", "strong", "sub", "sup", "table", "tbody", "td",
            "tfoot", "th", "thead", "tr", "tt", "u", "ul", "var", "wbr", "section", "article", "header", "footer",
            "main", "nav", "aside", "figure", "figcaption",
            // what jsoup adds around a fragment when it reads the output back
            "html", "head", "body");

    @FuzzTest(maxDuration = "30s")
    void sanitise(byte[] data) {
        String html = new String(data, StandardCharsets.UTF_8);
        // both modes, chosen by the input so that one execution sanitises once
        boolean remoteImages = data.length % 2 == 1;
        HtmlSafety.Sanitised safe = HtmlSafety.sanitise(html, remoteImages);
        Document document = Jsoup.parseBodyFragment(safe.html());
        checkSafe(document, remoteImages);

        // what the frame does with stored HTML
        for (Element styled : document.body().select("[style]")) {
            String style = styled.attr("style");
            if (!StyleBounds.bound(style).equals(style)) {
                throw new IllegalStateException("a sanitised style is not within bounds: " + style);
            }
        }
        DisguisedLinks.mark(document.body(), host -> "Link goes to " + host);
    }

    private static void checkSafe(Document document, boolean remoteImages) {
        for (Element element : document.getAllElements()) {
            if (!element.tagName().startsWith("#") && !ELEMENTS.contains(element.normalName())) {
                throw new IllegalStateException("element outside the allow-list: " + element.tagName());
            }
            for (Attribute attribute : element.attributes()) {
                String name = attribute.getKey().toLowerCase(Locale.ROOT);
                String value = attribute.getValue().strip().toLowerCase(Locale.ROOT);
                if (name.startsWith("on") || name.equals("class") || name.equals("id")) {
                    throw new IllegalStateException("attribute outside the allow-list: " + name);
                }
                if (name.equals("href") && !(value.startsWith("http://") || value.startsWith("https://")
                        || value.startsWith("mailto:"))) {
                    throw new IllegalStateException("a link to " + value);
                }
                if (name.equals("src") && !(value.startsWith("cid:") || value.startsWith("data:image/")
                        || remoteImages && (value.startsWith("http://") || value.startsWith("https://")))) {
                    throw new IllegalStateException("an image from " + value);
                }
                if (name.equals("style") && !StyleBounds.bound(attribute.getValue()).equals(attribute.getValue())) {
                    throw new IllegalStateException("a style beyond bounds: " + attribute.getValue());
                }
            }
        }
    }
}
