package org.regard.mail.parsing;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.owasp.html.AttributePolicy;
import org.owasp.html.CssSchema;
import org.owasp.html.HtmlStreamEventReceiver;
import org.owasp.html.HtmlStreamEventReceiverWrapper;
import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.PolicyFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Makes the HTML of a message safe to show: an allow-list of formatting elements and attributes (OWASP Java HTML
 * Sanitizer), so no script, event handler, form, frame or {@code javascript:} URL survives; links may only go to
 * {@code http}, {@code https} or {@code mailto}; images may only come from the message itself ({@code cid:}) or be
 * embedded ({@code data:image/…}). Remote images are removed first so that opening a message tells no tracker it was
 * read; the caller learns that there were some. Inline styles keep only what {@link StyleBounds} allows, so that
 * nothing in a message can lie over the frame, hide itself or grow huge.
 */
public final class HtmlSafety {

    private static final Pattern EMBEDDED_IMAGE = Pattern.compile(
            "^data:image/(png|jpe?g|gif|webp|bmp);base64,[A-Za-z0-9+/=\\s]+$", Pattern.CASE_INSENSITIVE);

    private static final AttributePolicy IMAGE_SOURCE = (element, attribute, value) -> {
        String source = value.trim();
        String lower = source.toLowerCase(Locale.ROOT);
        if (lower.startsWith("cid:") || EMBEDDED_IMAGE.matcher(source).matches()) {
            return source;
        }
        return null;
    };

    private static final AttributePolicy LINK_TARGET = (element, attribute, value) -> {
        String target = value.trim();
        String lower = target.toLowerCase(Locale.ROOT);
        return lower.startsWith("http://") || lower.startsWith("https://") || lower.startsWith("mailto:")
                ? target : null;
    };

    /** As {@link #IMAGE_SOURCE}, and images on other web servers too: only when an agent asked to see them. */
    private static final AttributePolicy REMOTE_IMAGE_SOURCE = (element, attribute, value) -> {
        String lower = value.trim().toLowerCase(Locale.ROOT);
        return lower.startsWith("http://") || lower.startsWith("https://")
                ? value.trim() : IMAGE_SOURCE.apply(element, attribute, value);
    };

    private static final PolicyFactory POLICY = policy(IMAGE_SOURCE);
    private static final PolicyFactory POLICY_WITH_REMOTE_IMAGES = policy(REMOTE_IMAGE_SOURCE);

    private static PolicyFactory policy(AttributePolicy imageSource) {
        return new HtmlPolicyBuilder()
            .allowElements("a", "abbr", "acronym", "address", "b", "bdi", "bdo", "big", "blockquote", "br", "caption",
                    "center", "cite", "code", "col", "colgroup", "dd", "del", "dfn", "div", "dl", "dt", "em", "font",
                    "h1", "h2", "h3", "h4", "h5", "h6", "hr", "i", "img", "ins", "kbd", "li", "mark", "ol", "p", "pre",
                    "q", "s", "samp", "small", "span", "strike", "strong", "sub", "sup", "table", "tbody", "td",
                    "tfoot", "th", "thead", "tr", "tt", "u", "ul", "var", "wbr", "section", "article", "header",
                    "footer", "main", "nav", "aside", "figure", "figcaption")
            .allowUrlProtocols("http", "https", "mailto", "cid", "data")
            .allowAttributes("href").matching(LINK_TARGET).onElements("a")
            .allowAttributes("target").matching(true, "_blank").onElements("a")
            .allowAttributes("src").matching(imageSource).onElements("img")
            .allowAttributes("alt", "width", "height").onElements("img")
            .allowAttributes("title", "dir", "lang").globally()
            .allowAttributes("align").onElements("p", "div", "table", "td", "th", "tr", "img", "h1", "h2", "h3", "h4",
                    "h5", "h6", "center", "caption", "col", "colgroup", "thead", "tbody", "tfoot", "hr")
            .allowAttributes("valign", "bgcolor", "width", "height", "colspan", "rowspan", "nowrap")
            .onElements("td", "th", "tr", "table", "col", "colgroup", "thead", "tbody", "tfoot")
            .allowAttributes("border", "cellpadding", "cellspacing", "summary").onElements("table")
            .allowAttributes("color", "face", "size").onElements("font")
            .allowAttributes("start", "type").onElements("ol")
            .allowAttributes("type").onElements("blockquote", "ul", "li")
            .allowAttributes("value").onElements("li")
            .allowStyling(CssSchema.withProperties(StyleBounds.PROPERTIES))
            .withPostprocessor(HtmlSafety::boundedStyles)
            .requireRelsOnLinks("noopener", "noreferrer", "nofollow")
            .toFactory();
    }

    /** Keeps of each style attribute only what {@link StyleBounds} allows, and drops the attribute when nothing is left. */
    private static HtmlStreamEventReceiver boundedStyles(HtmlStreamEventReceiver next) {
        return new HtmlStreamEventReceiverWrapper(next) {
            @Override
            public void openTag(String elementName, List<String> attributes) {
                List<String> bounded = attributes;
                for (int i = 0; i + 1 < attributes.size(); i += 2) {
                    if (attributes.get(i).equals("style")) {
                        String style = StyleBounds.bound(attributes.get(i + 1));
                        bounded = new ArrayList<>(attributes);
                        if (style.isEmpty()) {
                            bounded.subList(i, i + 2).clear();
                        } else {
                            bounded.set(i + 1, style);
                        }
                        break;
                    }
                }
                underlying.openTag(elementName, bounded);
            }
        };
    }

    /** Sanitised HTML and whether remote images were removed from it. */
    public record Sanitised(String html, boolean hadRemoteImages) {
    }

    private HtmlSafety() {
    }

    public static Sanitised sanitise(String html) {
        return sanitise(html, false);
    }

    /**
     * Sanitises, keeping images on other web servers when {@code remoteImages} (an agent asked to load them: the
     * sender may learn that the message was read).
     */
    public static Sanitised sanitise(String html, boolean remoteImages) {
        if (html == null || html.isBlank()) {
            return new Sanitised("", false);
        }
        Document document = Jsoup.parse(html);
        document.outputSettings().prettyPrint(false);
        if (remoteImages) {
            return new Sanitised(POLICY_WITH_REMOTE_IMAGES.sanitize(document.body().html()), false);
        }
        boolean remote = removeRemoteImages(document);
        return new Sanitised(POLICY.sanitize(document.body().html()), remote);
    }

    private static boolean removeRemoteImages(Document document) {
        boolean remote = false;
        for (Element image : document.select("img[src], image[src], input[src]")) {
            String source = image.attr("src").trim().toLowerCase(Locale.ROOT);
            if (!source.startsWith("cid:") && !source.startsWith("data:")) {
                remote |= isRemote(source);
                image.removeAttr("src");
            }
        }
        for (Element element : document.select("[srcset], [background], [poster]")) {
            remote |= isRemote(element.attr("srcset")) || isRemote(element.attr("background"))
                    || isRemote(element.attr("poster"));
            element.removeAttr("srcset").removeAttr("background").removeAttr("poster");
        }
        for (Element element : document.select("[style*=url]")) {
            String style = element.attr("style").toLowerCase(Locale.ROOT);
            remote |= style.contains("url(") && (style.contains("http:") || style.contains("https:")
                    || style.contains("url(//") || style.contains("url('//") || style.contains("url(\"//"));
        }
        return remote;
    }

    private static boolean isRemote(String url) {
        String value = url.trim().toLowerCase(Locale.ROOT);
        return value.startsWith("http:") || value.startsWith("https:") || value.startsWith("//")
                || value.contains(" http:") || value.contains(" https:");
    }
}
