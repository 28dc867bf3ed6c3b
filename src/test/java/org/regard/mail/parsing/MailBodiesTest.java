package org.regard.mail.parsing;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.regard.mail.parsing.TestMails.parse;
import static org.regard.mail.parsing.TestMails.raw;

class MailBodiesTest {

    private final MailParser parser = new MailParser();

    @Test
    void quotedPrintableTextIsDecodedWithItsDeclaredCharset() {
        InboundMessage message = parse(
                "Content-Type: text/plain; charset=ISO-8859-1",
                "Content-Transfer-Encoding: quoted-printable",
                "",
                "Sehr geehrte Damen und Herren,=20",
                "der Drucker im B=FCro druckt nur noch wei=DFe Seiten. Bitte pr=FCfen Sie d=",
                "as.");

        assertThat(message.textBody()).isEqualTo("Sehr geehrte Damen und Herren, \n"
                + "der Drucker im Büro druckt nur noch weiße Seiten. Bitte prüfen Sie das.\n");
        assertThat(message.hasHtml()).isFalse();
        assertThat(message.parseWarnings()).isEmpty();
    }

    @Test
    void textLabelledAsciiButWrittenInUtf8IsReadAsUtf8() {
        InboundMessage message = parse(
                "Content-Type: text/plain; charset=us-ascii",
                "",
                "Tôi không thể đăng nhập được.");

        assertThat(message.textBody()).startsWith("Tôi không thể đăng nhập được.");
        assertThat(message.parseWarnings()).anyMatch(warning -> warning.contains("is UTF-8"));
    }

    @Test
    void textLabelledUtf8ButWrittenInLatin1IsReadAsWindows1252() {
        InboundMessage message = parser.parse(raw(StandardCharsets.ISO_8859_1,
                "Content-Type: text/plain; charset=utf-8",
                "",
                "Ça ne marche pas, même après redémarrage."));

        assertThat(message.textBody()).startsWith("Ça ne marche pas, même après redémarrage.");
        assertThat(message.parseWarnings()).anyMatch(warning -> warning.contains("windows-1252"));
    }

    @Test
    void anUnknownCharsetFallsBackWithoutFailing() {
        InboundMessage message = parse(
                "Content-Type: text/plain; charset=x-klingon",
                "",
                "Grüß Gott");

        assertThat(message.textBody()).startsWith("Grüß Gott");
        assertThat(message.parseWarnings()).contains("unknown charset \"x-klingon\"");
    }

    @Test
    void alternativesGiveTheTextAndTheHtmlBody() {
        InboundMessage message = parse(
                "Content-Type: multipart/alternative; boundary=\"alt\"",
                "",
                "--alt",
                "Content-Type: text/plain; charset=utf-8",
                "",
                "Bonjour, mon écran reste noir.",
                "--alt",
                "Content-Type: text/html; charset=utf-8",
                "",
                "<p>Bonjour, mon <b>écran</b> reste noir.</p>",
                "--alt--");

        assertThat(message.textBody()).isEqualTo("Bonjour, mon écran reste noir.");
        assertThat(message.htmlBody()).isEqualTo("<p>Bonjour, mon <b>écran</b> reste noir.</p>");
        assertThat(message.safeHtml()).isEqualTo("<p>Bonjour, mon <b>écran</b> reste noir.</p>");
        assertThat(message.attachments()).isEmpty();
    }

    @Test
    void anHtmlOnlyMessageAlsoGetsATextBody() {
        InboundMessage message = parse(
                "Content-Type: text/html; charset=utf-8",
                "",
                "<html><head><title>x</title><style>p{color:red}</style></head>",
                "<body><p>Hallo,</p><div>der Login geht nicht.<br>Gruß</div></body></html>");

        assertThat(message.textBody()).isEqualTo("Hallo,\n\nder Login geht nicht.\nGruß");
    }

    @Test
    void htmlWithoutCharsetUsesItsMetaDeclaration() {
        InboundMessage message = parser.parse(raw(StandardCharsets.ISO_8859_1,
                "Content-Type: text/html",
                "",
                "<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=iso-8859-1\"></head>",
                "<body>Réclamation reçue</body></html>"));

        assertThat(message.textBody()).isEqualTo("Réclamation reçue");
    }

    @Test
    void textPartsAfterTheBodyAreAppendedLikeAMailingListFooter() {
        InboundMessage message = parse(
                "Content-Type: multipart/mixed; boundary=mix",
                "",
                "--mix",
                "Content-Type: text/plain",
                "",
                "My question.",
                "--mix",
                "Content-Type: text/plain; charset=utf-8",
                "",
                "-- list footer",
                "--mix--");

        assertThat(message.textBody()).isEqualTo("My question.\n\n-- list footer");
    }

    @Test
    void flowedTextIsJoinedBackIntoParagraphs() {
        InboundMessage message = parse(
                "Content-Type: text/plain; charset=utf-8; format=flowed",
                "",
                "Die Rechnung vom Mai ist ",
                "doppelt gebucht.",
                "> zitiert ",
                "> weiter",
                "-- ",
                "Anna");

        assertThat(message.textBody()).isEqualTo("Die Rechnung vom Mai ist doppelt gebucht.\n> zitiert weiter\n-- \nAnna\n");
    }

    @Test
    void aBrokenPartDoesNotSinkTheRestOfTheMessage() {
        InboundMessage message = parse(
                "Content-Type: multipart/mixed; boundary=outer",
                "",
                "--outer",
                "Content-Type: text/plain",
                "",
                "Hello",
                "--outer",
                "Content-Type: multipart/alternative",
                "",
                "no boundary parameter here",
                "--outer",
                "Content-Type: application/pdf; name=invoice.pdf",
                "Content-Transfer-Encoding: base64",
                "",
                "JVBERi0xLjQK",
                "--outer--");

        assertThat(message.textBody()).startsWith("Hello");
        assertThat(message.attachments()).extracting(MailAttachment::fileName).containsExactly("invoice.pdf");
        assertThat(message.attachments().getFirst().content()).isEqualTo("%PDF-1.4\n".getBytes(StandardCharsets.US_ASCII));
        assertThat(message.parseWarnings()).contains("a multipart/alternative has no boundary; its body was read as text");
    }

    @Test
    void aMissingClosingBoundaryKeepsTheLastPart() {
        InboundMessage message = parse(
                "Content-Type: multipart/mixed; boundary=b",
                "",
                "--b",
                "Content-Type: text/plain",
                "",
                "truncated message");

        assertThat(message.textBody()).startsWith("truncated message");
        assertThat(message.parseWarnings()).contains("a multipart has no closing boundary");
    }
}
