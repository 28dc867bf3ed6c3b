package org.regard.mail.parsing;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DisguisedLinksTest {

    @Test
    void aLinkShowingOneDomainAndGoingToAnotherIsDisguised() {
        assertThat(DisguisedLinks.disguisedDestination("https://paypal.com", "https://paypal.com.evil.example/login"))
                .hasValue("paypal.com.evil.example");
        assertThat(DisguisedLinks.disguisedDestination("paypal.com", "http://evil.example")).hasValue("evil.example");
        assertThat(DisguisedLinks.disguisedDestination("www.paypal.com/signin", "https://login.evil.example:8443/x"))
                .hasValue("login.evil.example");
        // the user part of a URL is not its host
        assertThat(DisguisedLinks.disguisedDestination("https://paypal.com", "https://paypal.com@evil.example/"))
                .hasValue("evil.example");
        // browsers read a backslash as a slash
        assertThat(DisguisedLinks.disguisedDestination("https://bank.example.com", "https://evil.example\\@bank.example.com"))
                .hasValue("evil.example");
        assertThat(DisguisedLinks.disguisedDestination("support@paypal.com", "mailto:thief@evil.example?subject=hi"))
                .hasValue("evil.example");
        assertThat(DisguisedLinks.disguisedDestination("https://bank.example.co.uk", "https://other.co.uk/"))
                .hasValue("other.co.uk");
        assertThat(DisguisedLinks.disguisedDestination("paypal.com", "http://192.0.2.7/login")).hasValue("192.0.2.7");
    }

    @Test
    void theSameRegisteredDomainTextsThatAreNoAddressAndOtherSchemesAreNot() {
        assertThat(DisguisedLinks.disguisedDestination("https://paypal.com", "https://www.paypal.com/de/signin")).isEmpty();
        assertThat(DisguisedLinks.disguisedDestination("PayPal.com", "https://PAYPAL.COM.")).isEmpty();
        assertThat(DisguisedLinks.disguisedDestination("shop.example.co.uk", "https://www.example.co.uk/")).isEmpty();
        assertThat(DisguisedLinks.disguisedDestination("bücher.de", "https://xn--bcher-kva.de/")).isEmpty();
        assertThat(DisguisedLinks.disguisedDestination("Click here", "https://evil.example")).isEmpty();
        assertThat(DisguisedLinks.disguisedDestination("Go to paypal.com now", "https://evil.example")).isEmpty();
        assertThat(DisguisedLinks.disguisedDestination("report.pdf", "https://files.example.com/r.pdf")).isEmpty();
        assertThat(DisguisedLinks.disguisedDestination("version 1.2", "https://evil.example")).isEmpty();
        assertThat(DisguisedLinks.disguisedDestination("paypal.com", "cid:logo")).isEmpty();
        assertThat(DisguisedLinks.disguisedDestination("", "https://evil.example")).isEmpty();
    }

    @Test
    void aWarningFollowsEachDisguisedLinkOnly() {
        Document document = Jsoup.parseBodyFragment("<p><a href=\"https://paypal.com.evil.example/x\">https://paypal.com</a>"
                + " and <a href=\"https://www.regard.example/help\">regard.example</a>"
                + " and <a href=\"https://evil.example\">Click here</a></p>");

        int marked = DisguisedLinks.mark(document.body(), host -> "Goes to " + host);

        assertThat(marked).isEqualTo(1);
        Element warning = document.selectFirst("span." + DisguisedLinks.WARNING_CLASS);
        assertThat(warning).isNotNull();
        assertThat(warning.text()).isEqualTo("\u26a0 Goes to paypal.com.evil.example");
        assertThat(warning.previousElementSibling().attr("href")).isEqualTo("https://paypal.com.evil.example/x");
        assertThat(warning.attr("role")).isEqualTo("note");
        assertThat(warning.attr("style")).contains("color:", "background:", "visibility:visible");
        assertThat(document.select("span." + DisguisedLinks.WARNING_CLASS)).hasSize(1);
    }

    @Test
    void aMessageCannotFakeOrStyleAWarning() {
        String safe = HtmlSafety.sanitise("<span class=\"" + DisguisedLinks.WARNING_CLASS + "\">all good</span>"
                + "<a href=\"https://evil.example\" class=\"x\">https://paypal.com</a>").html();

        assertThat(safe).doesNotContain("class=");
    }
}
