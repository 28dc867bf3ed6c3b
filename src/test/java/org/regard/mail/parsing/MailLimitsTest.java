package org.regard.mail.parsing;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MailLimitsTest {

    @Test
    void partsBeyondTheLimitAreSkippedWithAWarning() {
        StringBuilder raw = new StringBuilder("Content-Type: multipart/mixed; boundary=m\r\n\r\n");
        for (int i = 0; i < 50; i++) {
            raw.append("--m\r\nContent-Type: application/octet-stream; name=f").append(i).append(".bin\r\n\r\nx\r\n");
        }
        raw.append("--m--\r\n");

        InboundMessage message = new MailParser(new MailLimits(10, 30, 1_000_000))
                .parse(raw.toString().getBytes(StandardCharsets.US_ASCII));

        assertThat(message.attachments()).hasSize(9);
        assertThat(message.parseWarnings()).contains("the message has more than 10 parts; the rest was not read");
    }

    @Test
    void aMessageWithAHundredThousandPartsIsReadQuicklyUpToTheLimit() {
        String raw = "Content-Type: multipart/mixed; boundary=m\r\n\r\n"
                + "--m\r\nContent-Type: text/plain\r\n\r\nx\r\n".repeat(100_000) + "--m--\r\n";

        long started = System.nanoTime();
        InboundMessage message = new MailParser().parse(raw.getBytes(StandardCharsets.US_ASCII));

        assertThat(System.nanoTime() - started).isLessThan(5_000_000_000L);
        assertThat(message.parseWarnings()).contains("the message has more than 1000 parts; the rest was not read");
    }

    @Test
    void nestingBeyondTheLimitIsSkippedWithAWarning() {
        StringBuilder raw = new StringBuilder("Subject: deep\r\nContent-Type: multipart/mixed; boundary=b0\r\n\r\n");
        int depth = 40;
        for (int i = 0; i < depth; i++) {
            raw.append("--b").append(i).append("\r\nContent-Type: multipart/mixed; boundary=b").append(i + 1)
                    .append("\r\n\r\n");
        }
        raw.append("--b").append(depth).append("\r\nContent-Type: text/plain\r\n\r\ndeep text\r\n");

        InboundMessage message = new MailParser(new MailLimits(1_000, 10, 1_000_000))
                .parse(raw.toString().getBytes(StandardCharsets.US_ASCII));

        assertThat(message.subject()).isEqualTo("deep");
        assertThat(message.textBody()).isEmpty();
        assertThat(message.parseWarnings()).contains("multiparts nest deeper than 10 levels; the inner parts were not read");
    }

    @Test
    void decodingStopsAtTheSizeLimitWithAWarning() {
        String big = Base64.getMimeEncoder().encodeToString(new byte[200_000]);
        String raw = "Content-Type: multipart/mixed; boundary=m\r\n\r\n"
                + "--m\r\nContent-Type: application/octet-stream; name=a.bin\r\nContent-Transfer-Encoding: base64\r\n\r\n"
                + big + "\r\n"
                + "--m\r\nContent-Type: application/octet-stream; name=b.bin\r\nContent-Transfer-Encoding: base64\r\n\r\n"
                + big + "\r\n--m--\r\n";

        InboundMessage message = new MailParser(new MailLimits(100, 10, 250_000))
                .parse(raw.getBytes(StandardCharsets.US_ASCII));

        assertThat(message.attachments()).extracting(MailAttachment::size).containsExactly(200_000L, 50_000L);
        assertThat(message.parseWarnings())
                .contains("the message decodes to more than 250000 bytes; the rest was not read");
    }

    @Test
    void onlyTheBeginningOfAHugeHtmlBodyIsSanitisedAndRendered() {
        String html = "<p>start</p>" + "<div>filler</div>".repeat(2_000) + "<p>end</p>";
        String raw = "Content-Type: text/html; charset=utf-8\r\n\r\n" + html;

        InboundMessage message = new MailParser(new MailLimits(100, 10, 1_000_000, 1_000))
                .parse(raw.getBytes(StandardCharsets.UTF_8));

        assertThat(message.htmlBody()).endsWith("<p>end</p>");
        assertThat(message.safeHtml()).contains("start").doesNotContain("end");
        assertThat(message.parseWarnings())
                .contains("the HTML body is longer than 1000 characters; only its beginning was sanitised and rendered");
    }

    @Test
    void limitsMustBePositive() {
        assertThatThrownBy(() -> new MailLimits(0, 1, 1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void nothingAtAllStillGivesAMessage() {
        InboundMessage empty = new MailParser().parse(new byte[0]);
        assertThat(empty.subject()).isEqualTo(MailParser.UNREADABLE_SUBJECT);
        assertThat(empty.parseWarnings()).contains("the message is empty");

        InboundMessage none = new MailParser().parse(null);
        assertThat(none.raw()).isEmpty();
    }

    @Test
    void binaryGarbageStillGivesAMessageWithItsRawBytes() {
        byte[] garbage = new byte[4096];
        new java.util.Random(7).nextBytes(garbage);

        InboundMessage message = new MailParser().parse(garbage);

        assertThat(message.raw()).isEqualTo(garbage);
        assertThat(message.subject()).isEqualTo("(unreadable message)");
        assertThat(message.parseWarnings()).contains("the message has no header fields");
    }
}
