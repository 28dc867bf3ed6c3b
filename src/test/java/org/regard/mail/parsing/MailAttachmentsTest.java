package org.regard.mail.parsing;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.regard.mail.parsing.TestMails.parse;

class MailAttachmentsTest {

    @Test
    void fileNamesEncodedWithRfc2231AreDecoded() {
        InboundMessage message = parse(
                "Content-Type: multipart/mixed; boundary=m",
                "",
                "--m",
                "Content-Type: application/pdf",
                "Content-Disposition: attachment;",
                " filename*0*=UTF-8''Rechnung%20M%C3%A4rz%20;",
                " filename*1*=%E2%80%93%20Ti%E1%BA%BFng%20Vi%E1%BB%87t.pdf",
                "",
                "PDF",
                "--m",
                "Content-Type: text/plain; name*=iso-8859-1'fr'r%E9sum%E9.txt",
                "Content-Disposition: attachment",
                "",
                "résumé",
                "--m--");

        assertThat(message.attachments()).extracting(MailAttachment::fileName)
                .containsExactly("Rechnung März – Tiếng Việt.pdf", "résumé.txt");
    }

    @Test
    void fileNamesEncodedWithRfc2047AreDecodedAndMadeSafe() {
        InboundMessage message = parse(
                "Content-Type: multipart/mixed; boundary=m",
                "",
                "--m",
                "Content-Type: image/png; name=\"=?UTF-8?B?w6ljcmFuLnBuZw==?=\"",
                "Content-Transfer-Encoding: base64",
                "",
                "iVBORw0KGgo=",
                "--m",
                "Content-Type: application/octet-stream",
                "Content-Disposition: attachment; filename=\"C:\\\\Users\\\\anna\\\\..\\\\rapport<1>.doc\"",
                "",
                "doc",
                "--m--");

        assertThat(message.attachments()).extracting(MailAttachment::fileName)
                .containsExactly("écran.png", "rapport_1_.doc");
        MailAttachment image = message.attachments().getFirst();
        assertThat(image.contentType()).isEqualTo("image/png");
        assertThat(image.size()).isEqualTo(8);
        assertThat(image.inline()).isFalse();
    }

    @Test
    void unnamedPartsGetANameFromTheirType() {
        InboundMessage message = parse(
                "Content-Type: multipart/mixed; boundary=m",
                "",
                "--m",
                "Content-Type: text/plain",
                "",
                "See the invitation.",
                "--m",
                "Content-Type: text/calendar; method=REQUEST",
                "",
                "BEGIN:VCALENDAR",
                "--m",
                "Content-Type: image/jpeg",
                "",
                "jpeg",
                "--m",
                "Content-Type: application/x-something",
                "",
                "bytes",
                "--m--");

        assertThat(message.attachments()).extracting(MailAttachment::fileName)
                .containsExactly("invite.ics", "image.jpg", "attachment.bin");
    }

    @Test
    void inlineImagesTheHtmlShowsAreMarkedInlineAndKeepTheirContentId() {
        InboundMessage message = parse(
                "Content-Type: multipart/related; boundary=rel",
                "",
                "--rel",
                "Content-Type: text/html; charset=utf-8",
                "",
                "<p>Voici la capture :</p><img src=\"cid:capture@mail\" alt=\"capture\">",
                "--rel",
                "Content-Type: image/png; name=capture.png",
                "Content-ID: <capture@mail>",
                "Content-Transfer-Encoding: base64",
                "",
                "iVBORw0KGgo=",
                "--rel",
                "Content-Type: image/png; name=unused.png",
                "Content-ID: <unused@mail>",
                "Content-Transfer-Encoding: base64",
                "",
                "iVBORw0KGgo=",
                "--rel--");

        assertThat(message.attachments()).extracting(MailAttachment::fileName, MailAttachment::inline)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("capture.png", true),
                        org.assertj.core.groups.Tuple.tuple("unused.png", false));
        assertThat(message.attachments().getFirst().contentId()).contains("capture@mail");
        assertThat(org.jsoup.Jsoup.parse(message.safeHtml()).select("img").attr("src")).isEqualTo("cid:capture@mail");
    }

    @Test
    void aForwardedMessageIsAnEmlAttachmentAndStaysOutOfTheBody() {
        InboundMessage message = parse(
                "Subject: Fwd: Lieferung",
                "Content-Type: multipart/mixed; boundary=m",
                "",
                "--m",
                "Content-Type: text/plain",
                "",
                "Siehe unten.",
                "--m",
                "Content-Type: message/rfc822",
                "",
                "From: Lieferant <shop@example.de>",
                "Subject: =?UTF-8?Q?Ihre_Lieferung_versp=C3=A4tet_sich?=",
                "Message-ID: <inner@example.de>",
                "",
                "Leider kommt die Ware später.",
                "--m--");

        assertThat(message.textBody()).isEqualTo("Siehe unten.");
        assertThat(message.attachments()).singleElement().satisfies(eml -> {
            assertThat(eml.fileName()).isEqualTo("Ihre Lieferung verspätet sich.eml");
            assertThat(eml.contentType()).isEqualTo("message/rfc822");
            assertThat(new String(eml.content(), StandardCharsets.UTF_8)).contains("Leider kommt die Ware später.");
        });
    }

    @Test
    void uuencodedFilesInsideTheTextBecomeAttachments() {
        InboundMessage message = parse(
                "Content-Type: text/plain",
                "",
                "Here is the report.",
                "",
                "begin 644 report.csv",
                "/;F%M92QC;W5N= IA+#$*",
                "`",
                "end",
                "",
                "Regards");

        assertThat(message.attachments()).singleElement().satisfies(file -> {
            assertThat(file.fileName()).isEqualTo("report.csv");
            assertThat(file.contentType()).isEqualTo("text/csv");
            assertThat(new String(file.content(), StandardCharsets.US_ASCII)).isEqualTo("name,count\na,1\n");
        });
        assertThat(message.textBody()).isEqualTo("Here is the report.\n\n\nRegards\n");
    }

    @Test
    void attachmentBytesCanBeReadWithoutCopying() throws Exception {
        InboundMessage message = parse(
                "Content-Type: application/octet-stream; name=data.bin",
                "Content-Transfer-Encoding: base64",
                "",
                "AAECAw==");

        MailAttachment file = message.attachments().getFirst();
        try (var in = file.open()) {
            assertThat(in.readAllBytes()).containsExactly(0, 1, 2, 3);
        }
        assertThat(file.size()).isEqualTo(4);
    }
}
