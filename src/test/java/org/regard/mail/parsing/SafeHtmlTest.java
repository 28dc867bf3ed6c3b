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
    void stylesCannotCoverTheFrameHideTextOrGrowHuge() {
        String safe = HtmlSafety.sanitise(String.join("",
                "<div style=\"position:fixed; top:0; left:0; width:100%; height:100%; z-index:9999; background:#fff\">Sign in</div>",
                "<p style=\"margin:-500px 0 0 0; padding: 10px; color: #c00\">pulled up</p>",
                "<p style=\"position:absolute;transform:scale(50);opacity:0.01\">ghost</p>",
                "<span style=\"font-size:400px; font-weight:bold; text-decoration:underline\">huge</span>",
                "<span style=\"font-size:14px; font-style:italic; text-align:center; color:#0A141E\">fine</span>",
                "<p style=\"display:none\">hidden</p><p style=\"color:transparent\">invisible</p>",
                "<p style=\"margin: 0 auto; padding: 8px 16px\">centred</p>"), false).html();

        Document document = Jsoup.parseBodyFragment(safe);
        assertThat(document.select("div").attr("style")).isEmpty();
        assertThat(safe).doesNotContain("position", "fixed", "absolute", "z-index", "transform", "opacity", "display",
                "transparent", "width", "height", "400px", "-500px", "background");
        assertThat(document.select("p").get(0).attr("style")).doesNotContain("-").contains("padding:10px", "color:#c00");
        assertThat(document.select("span").get(0).attr("style")).isEqualTo("font-weight:bold;text-decoration:underline");
        assertThat(document.select("span").get(1).attr("style"))
                .contains("font-size:14px", "font-style:italic", "text-align:center", "color:#0a141e");
        assertThat(document.select("p").last().attr("style")).isEqualTo("margin:0 auto;padding:8px 16px");
        assertThat(document.text()).contains("Sign in", "pulled up", "ghost", "huge", "fine", "hidden", "invisible");
    }

    @Test
    void styleBoundsKeepOnlyAllowedPropertiesWithinTheirLimits() {
        assertThat(StyleBounds.bound("color: red; position: fixed; top: 0")).isEqualTo("color:red");
        assertThat(StyleBounds.bound("margin-top: -20px; margin-left: 20px")).isEqualTo("margin-left:20px");
        assertThat(StyleBounds.bound("margin: 101px")).isEmpty();
        assertThat(StyleBounds.bound("padding: 100px 6em 75pt 10%")).isEqualTo("padding:100px 6em 75pt 10%");
        assertThat(StyleBounds.bound("padding: 0 0 0 0 0")).isEmpty();
        assertThat(StyleBounds.bound("padding: auto")).isEmpty();
        assertThat(StyleBounds.bound("font-size: 48px;font-size: 49px;font-size: 5px;font-size: 3em;font-size: 12"))
                .isEqualTo("font-size:48px;font-size:3em");
        assertThat(StyleBounds.bound("color: #12345678; color: rgba(0,0,0,0); color: rgb(300, 0, 0); color: #abc"))
                .isEqualTo("color:#abc");
        assertThat(StyleBounds.bound("z-index: 10; opacity: 0; visibility: hidden; transform: none; width: 100%"))
                .isEmpty();
        assertThat(StyleBounds.bound("COLOR: Blue !important; font-family: 'Segoe UI', Arial, sans-serif"))
                .isEqualTo("color:blue;font-family:'segoe ui', arial, sans-serif");
        assertThat(StyleBounds.bound("color: red; background-color: url(https://tracker.example/x)")).isEqualTo("color:red");
        assertThat(StyleBounds.bound(null)).isEmpty();
        assertThat(StyleBounds.bound(";;:;color")).isEmpty();
    }

    @Test
    void aTextOnlyMessageHasNoHtml() {
        InboundMessage message = TestMails.plain("Just text <b>not bold</b>");

        assertThat(message.htmlBody()).isEmpty();
        assertThat(message.safeHtml()).isEmpty();
        assertThat(message.hasRemoteImages()).isFalse();
    }
}
