package org.regard.mail.parsing;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class MailParserInPlaceTest {
    private final MailParser parser = new MailParser();

    @Test
    void aMessageInsideALargerBufferReadsAsItsOwnBytesDoWithoutKeepingThem() {
        String message = "From: Ann <ann@example.test>\r\nSubject: Scans\r\nMessage-ID: <in-place@example.test>\r\n"
                + "MIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=\"b\"\r\n\r\n--b\r\n"
                + "Content-Type: text/plain; charset=utf-8\r\n\r\nHere they are.\r\n--b\r\n"
                + "Content-Type: application/octet-stream; name=\"a.bin\"\r\nContent-Transfer-Encoding: base64\r\n\r\n"
                + "AAECAwQF\r\n--b--\r\n";
        byte[] exact = message.getBytes(StandardCharsets.US_ASCII);
        // as an IMAP client holds it: the FETCH response around the literal
        String prefix = "* 7 FETCH (UID 12 BODY[] {" + exact.length + "}\r\n";
        byte[] buffer = (prefix + message + ")\r\n").getBytes(StandardCharsets.US_ASCII);

        InboundMessage inPlace = parser.parse(buffer, prefix.length(), prefix.length() + exact.length);
        InboundMessage own = parser.parse(exact);

        assertThat(inPlace.messageId()).contains("in-place@example.test");
        assertThat(inPlace.from()).isEqualTo(own.from());
        assertThat(inPlace.visibleText()).isEqualTo(own.visibleText()).isEqualTo("Here they are.");
        assertThat(inPlace.attachments()).singleElement()
                .satisfies(a -> assertThat(a.content()).containsExactly(0, 1, 2, 3, 4, 5));
        assertThat(inPlace.parseWarnings()).isEqualTo(own.parseWarnings());
        assertThat(inPlace.raw()).isEmpty();
        assertThat(own.raw()).isEqualTo(exact);
    }
}
