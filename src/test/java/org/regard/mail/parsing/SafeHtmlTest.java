package org.regard.mail.parsing;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.regard.mail.parsing.TestMails.html;

class SafeHtmlTest {

    @Test
    void nothingInTheSafeHtmlCanRun() {
        InboundMessage message = html(
                "<html><head><script>steal()</script><link rel=stylesheet href=https://evil.example/x.css></head>",
                "<body onload=\"steal()\"><p onclick=\"steal()\" style=\"color: red\">Bonjour</p>",
                "<a href=\"javascript:steal()\">clic</a> <a href=\"https://regard.example/aide\">aide</a>",
                "<iframe src=\"https://evil.example\"></iframe><object data=\"x.swf\"></object>",
                "<form action=\"https://evil.example\"><input name=pw><button>OK</button></form>",
                "<svg><script>steal()</script></svg><img src=x onerror=steal()>",
                "<a href=\"data:text/html,<script>steal()</script>\">data</a></body></html>");

        String safe = message.safeHtml();
        Document document = Jsoup.parseBodyFragment(safe);
        assertThat(document.select("script, iframe, object, form, input, button, svg, link, style")).isEmpty();
        assertThat(document.getAllElements()).allSatisfy(element -> element.attributes().forEach(attribute ->
                assertThat(attribute.getKey()).doesNotStartWith("on")));
        assertThat(safe).doesNotContain("javascript:").doesNotContain("steal()").doesNotContain("data:text");
        assertThat(document.select("a[href]")).singleElement().satisfies(link -> {
            assertThat(link.attr("href")).isEqualTo("https://regard.example/aide");
            assertThat(link.attr("rel")).contains("noopener").contains("noreferrer");
        });
        assertThat(document.text()).contains("Bonjour").contains("clic").contains("aide");
        assertThat(message.htmlBody()).contains("<script>steal()</script>");
    }

    @Test
    void remoteImagesAreRemovedAndFlagged() {
        InboundMessage message = html(
                "<p>Newsletter</p><img src=\"https://tracker.example/open.gif?u=42\" width=1 height=1>",
                "<img src=\"//cdn.example/logo.png\" alt=\"Logo\">",
                "<table background=\"http://tracker.example/bg.png\"><tr><td>x</td></tr></table>",
                "<div style=\"background-image: url(https://tracker.example/bg2.png)\">y</div>");

        assertThat(message.hasRemoteImages()).isTrue();
        assertThat(message.safeHtml()).doesNotContain("tracker.example").doesNotContain("cdn.example");
        assertThat(Jsoup.parseBodyFragment(message.safeHtml()).select("img[src]")).isEmpty();
    }

    @Test
    void embeddedAndInlineImagesStay() {
        InboundMessage message = html(
                "<img src=\"cid:logo@regard\" alt=\"Logo\">",
                "<img src=\"data:image/png;base64,iVBORw0KGgo=\" alt=\"Pixel\">");

        assertThat(message.hasRemoteImages()).isFalse();
        Document document = Jsoup.parseBodyFragment(message.safeHtml());
        assertThat(document.select("img").eachAttr("src"))
                .containsExactly("cid:logo@regard", "data:image/png;base64,iVBORw0KGgo=");
    }

    @Test
    void aTextOnlyMessageHasNoHtml() {
        InboundMessage message = TestMails.plain("Just text <b>not bold</b>");

        assertThat(message.htmlBody()).isEmpty();
        assertThat(message.safeHtml()).isEmpty();
        assertThat(message.hasRemoteImages()).isFalse();
    }
}
