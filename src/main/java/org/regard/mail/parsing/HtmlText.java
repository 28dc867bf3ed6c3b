package org.regard.mail.parsing;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeFilter;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Renders HTML as lines of text, remembering which lines sit inside quoted history: quoting blockquotes (Apple's and
 * Thunderbird's {@code type="cite"}, Gmail's {@code gmail_quote}, Yahoo's {@code yahoo_quoted}, the last
 * top-level blockquote) and the points where Outlook, Hotmail and others start the quoted message.
 */
final class HtmlText {

    private static final Set<String> BLOCKS = Set.of(
            "address", "article", "aside", "blockquote", "center", "dd", "details", "dir", "div", "dl", "dt",
            "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr",
            "li", "main", "menu", "nav", "ol", "p", "pre", "section", "summary", "table", "tbody", "thead", "tfoot",
            "tr", "ul", "caption", "body", "html");

    private static final Set<String> SKIPPED = Set.of(
            "head", "style", "script", "title", "noscript", "template", "xml", "object", "iframe", "svg", "math");

    private static final Set<String> SPLITTER_IDS = Set.of(
            "divrplyfwdmsg", "x_divrplyfwdmsg", "appendonsend", "x_appendonsend", "olk_src_body_section",
            "x_olk_src_body_section", "mail-editor-reference-message-container", "stopspelling", "x_stopspelling");

    /** Signature containers of Gmail, Thunderbird, Outlook and Apple Mail. */
    private static final Set<String> SIGNATURE_MARKS = Set.of(
            "gmail_signature", "moz-signature", "signature", "x_signature", "applemailsignature", "ms-outlook-signature");

    private static final Pattern FORWARD = Pattern.compile(
            "^\\W*(forwarded message|begin forwarded message|weitergeleitete nachricht|message transf[ée]r[ée]"
                    + "|mensaje reenviado|messaggio inoltrato|doorgestuurd bericht|thư chuyển tiếp"
                    + "|thư đã chuyển tiếp|tin nhắn đã chuyển tiếp)", Pattern.CASE_INSENSITIVE);

    private HtmlText() {
    }

    /** A plain-text rendering, quoted lines marked with {@code >}. */
    static String plain(String html) {
        StringBuilder out = new StringBuilder();
        for (TextLine line : lines(html)) {
            if (!line.splitter()) {
                out.append(line.display()).append('\n');
            }
        }
        return out.toString().strip();
    }

    static List<TextLine> lines(String html) {
        if (html == null || html.isBlank()) {
            return List.of();
        }
        Document document = Jsoup.parse(html);
        Renderer renderer = new Renderer(quotes(document), splitters(document), signatures(document));
        document.body().filter(renderer);
        renderer.flush(false);
        return renderer.lines;
    }

    private static Set<Element> quotes(Document document) {
        Set<Element> quotes = new HashSet<>();
        Element lastTopLevel = null;
        for (Element blockquote : document.select("blockquote")) {
            String type = blockquote.attr("type").toLowerCase(Locale.ROOT);
            String style = blockquote.attr("style").toLowerCase(Locale.ROOT).replace(" ", "");
            boolean cites = type.equals("cite") || blockquote.className().toLowerCase(Locale.ROOT).contains("quote")
                    || style.contains("border-left");
            if (cites) {
                quotes.add(blockquote);
            }
            boolean topLevel = blockquote.parents().stream().noneMatch(parent -> parent.normalName().equals("blockquote"));
            // Gmail indents text with a border-less blockquote: formatting, never a quote
            boolean indent = !cites && style.contains("border:none");
            if (topLevel && !indent) {
                lastTopLevel = blockquote;
            }
        }
        if (lastTopLevel != null) {
            quotes.add(lastTopLevel);
        }
        for (Element element : document.select("[class]")) {
            String classes = element.className().toLowerCase(Locale.ROOT);
            if ((classes.contains("gmail_quote") || classes.contains("yahoo_quoted")
                    || classes.contains("protonmail_quote"))
                    && !element.normalName().equals("blockquote") && !isForward(element)) {
                quotes.add(element);
            }
        }
        return quotes;
    }

    private static boolean isForward(Element element) {
        String text = element.text();
        return FORWARD.matcher(text.length() > 300 ? text.substring(0, 300) : text).find();
    }

    private static Set<Element> signatures(Document document) {
        Set<Element> signatures = new HashSet<>();
        for (Element element : document.select("[class], [id]")) {
            String id = element.id().toLowerCase(Locale.ROOT);
            boolean marked = SIGNATURE_MARKS.contains(id);
            for (String name : element.classNames()) {
                marked |= SIGNATURE_MARKS.contains(name.toLowerCase(Locale.ROOT));
            }
            if (marked && !element.text().isBlank()) {
                signatures.add(element);
            }
        }
        return signatures;
    }

    private static Set<Element> splitters(Document document) {
        Set<Element> splitters = new HashSet<>();
        for (Element element : document.select("[id]")) {
            if (SPLITTER_IDS.contains(element.id().toLowerCase(Locale.ROOT))) {
                splitters.add(element);
            }
        }
        splitters.addAll(document.select("div.OutlookMessageHeader"));
        return splitters;
    }

    /** Walks the document once, building lines. */
    private static final class Renderer implements NodeFilter {

        final List<TextLine> lines = new ArrayList<>();
        private final Set<Element> quotes;
        private final Set<Element> splitters;
        private final Set<Element> signatures;
        private final StringBuilder current = new StringBuilder();
        private int depth;
        private int lineDepth;
        private int preformatted;

        Renderer(Set<Element> quotes, Set<Element> splitters, Set<Element> signatures) {
            this.quotes = quotes;
            this.splitters = splitters;
            this.signatures = signatures;
        }

        @Override
        public FilterResult head(Node node, int nodeDepth) {
            if (node instanceof TextNode text) {
                append(text.getWholeText());
                return FilterResult.CONTINUE;
            }
            if (!(node instanceof Element element)) {
                return FilterResult.CONTINUE;
            }
            String tag = element.normalName();
            if (SKIPPED.contains(tag)) {
                return FilterResult.SKIP_ENTIRELY;
            }
            if (splitters.contains(element)) {
                flush(false);
                lines.add(new TextLine("", "", depth, true));
            }
            if (quotes.contains(element)) {
                flush(false);
                depth++;
            }
            if (signatures.contains(element) && !element.text().strip().startsWith("--")) {
                // the usual signature delimiter, so the signature folds like one in plain text
                flush(false);
                lines.add(new TextLine(prefix(depth) + "-- ", "--", depth, false));
            }
            switch (tag) {
                case "br" -> flush(true);
                case "hr" -> {
                    flush(false);
                    addBlank();
                }
                case "li" -> {
                    flush(false);
                    current.append("- ");
                    lineDepth = depth;
                }
                case "td", "th" -> {
                    if (!current.isEmpty() && current.charAt(current.length() - 1) != ' ') {
                        current.append(' ');
                    }
                }
                case "pre" -> {
                    flush(false);
                    preformatted++;
                }
                case "img" -> {
                    // images have no text; their alt text would only add noise to the reply
                }
                default -> {
                    if (BLOCKS.contains(tag)) {
                        flush(false);
                    }
                }
            }
            return FilterResult.CONTINUE;
        }

        @Override
        public FilterResult tail(Node node, int nodeDepth) {
            if (!(node instanceof Element element)) {
                return FilterResult.CONTINUE;
            }
            String tag = element.normalName();
            if (tag.equals("pre")) {
                flush(false);
                preformatted = Math.max(0, preformatted - 1);
            } else if (tag.equals("p") && !element.className().toLowerCase(Locale.ROOT).contains("msonormal")) {
                flush(false);
                addBlank();
            } else if (BLOCKS.contains(tag)) {
                flush(false);
            }
            if (quotes.contains(element)) {
                flush(false);
                depth = Math.max(0, depth - 1);
            }
            return FilterResult.CONTINUE;
        }

        private void append(String raw) {
            String text = raw.replace('\u00A0', ' ');
            if (preformatted > 0) {
                String[] parts = text.replace("\r\n", "\n").split("\n", -1);
                for (int i = 0; i < parts.length; i++) {
                    if (i > 0) {
                        flush(true);
                    }
                    startLineIfEmpty();
                    current.append(parts[i]);
                }
                return;
            }
            String collapsed = text.replaceAll("[\\s\\u200B\\u200C\\u200D\\uFEFF]+", " ");
            if (collapsed.isEmpty()) {
                return;
            }
            if (current.isEmpty() || current.charAt(current.length() - 1) == ' ') {
                collapsed = collapsed.stripLeading();
            }
            if (collapsed.isEmpty()) {
                return;
            }
            startLineIfEmpty();
            current.append(collapsed);
        }

        private void startLineIfEmpty() {
            if (current.isEmpty()) {
                lineDepth = depth;
            }
        }

        private void addBlank() {
            if (!lines.isEmpty() && !lines.getLast().blank()) {
                lines.add(new TextLine(prefix(depth).strip(), "", depth, false));
            }
        }

        void flush(boolean keepEmpty) {
            String content = current.toString().strip();
            if (content.isEmpty() || content.equals("-")) {
                current.setLength(0);
                if (keepEmpty) {
                    lines.add(new TextLine(prefix(depth).strip(), "", depth, false));
                }
                return;
            }
            lines.add(new TextLine(prefix(lineDepth) + content, content, lineDepth, false));
            current.setLength(0);
        }

        private static String prefix(int depth) {
            return depth == 0 ? "" : ">".repeat(depth) + " ";
        }
    }
}
