package org.regard.web;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.TextNode;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * No human text is hard-coded in a template: every text a person reads comes from a message bundle,
 * so every page exists in every language. Text inside an element whose content Thymeleaf replaces
 * (th:text, th:utext, th:replace, ...) is only a preview and is allowed.
 */
class TemplateTextTest {
    private static final Set<String> REPLACING = Set.of("th:text", "th:utext", "th:replace", "th:insert", "th:remove", "th:errors", "th:field",
            "th:fragment-preview");
    private static final Set<String> READ_ATTRIBUTES = Set.of("title", "aria-label", "placeholder", "alt", "label");
    /** Words that are the same in every language. */
    private static final Set<String> UNTRANSLATED = Set.of("Regard");

    @Test
    void templatesContainNoHardCodedText() throws IOException {
        List<String> problems = new ArrayList<>();
        try (Stream<Path> files = Files.walk(MessageBundlesTest.TEMPLATES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".html")).toList()) {
                Document doc = Jsoup.parse(Files.readString(file), "", Parser.xmlParser());
                check(doc, MessageBundlesTest.TEMPLATES.relativize(file).toString(), problems);
            }
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void theCheckFindsHardCodedTextAndAcceptsBundleText() {
        List<String> problems = new ArrayList<>();
        check(Jsoup.parse("<p>Hello agent</p><p th:text=\"#{a}\">preview</p><input placeholder=\"Search\">"
                + "<input th:placeholder=\"#{b}\" placeholder=\"x\"><span>Regard</span><span>· 3</span>", "", Parser.xmlParser()),
                "sample", problems);
        assertThat(problems).containsExactly("sample: text 'Hello agent'", "sample: placeholder='Search'");
    }

    private static void check(Element element, String file, List<String> problems) {
        if (element.tagName().equals("script") || element.tagName().equals("style") || element.tagName().equals("kbd")) {
            return;
        }
        for (String attr : READ_ATTRIBUTES) {
            if (element.hasAttr(attr) && !element.hasAttr("th:" + attr) && isHuman(element.attr(attr))) {
                problems.add(file + ": " + attr + "='" + element.attr(attr) + "'");
            }
        }
        if (REPLACING.stream().anyMatch(element::hasAttr)) {
            return;
        }
        for (TextNode text : element.textNodes()) {
            if (isHuman(text.text())) {
                problems.add(file + ": text '" + text.text().strip() + "'");
            }
        }
        for (Element child : element.children()) {
            check(child, file, problems);
        }
    }

    /** Text with a letter in it that is not a word every language shares. */
    private static boolean isHuman(String text) {
        String s = text.strip();
        if (s.isEmpty() || UNTRANSLATED.contains(s) || s.startsWith("${") || s.startsWith("#{") || s.startsWith("@{")) {
            return false;
        }
        return s.codePoints().anyMatch(Character::isLetter);
    }
}
