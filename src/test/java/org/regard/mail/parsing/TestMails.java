package org.regard.mail.parsing;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/** Small raw messages written for the tests, one header or body line per argument. */
final class TestMails {

    private static final MailParser PARSER = new MailParser();

    private TestMails() {
    }

    /** The lines joined with CRLF and encoded as UTF-8. */
    static byte[] raw(String... lines) {
        return raw(StandardCharsets.UTF_8, lines);
    }

    static byte[] raw(Charset charset, String... lines) {
        return (String.join("\r\n", lines) + "\r\n").getBytes(charset);
    }

    static InboundMessage parse(String... lines) {
        return PARSER.parse(raw(lines));
    }

    /** A plain-text UTF-8 message from Anna with the given body lines. */
    static InboundMessage plain(String... body) {
        return PARSER.parse(raw(join(new String[] {
            "From: Anna Schmidt <anna@example.com>",
            "To: support@regard.example",
            "Subject: Test",
            "MIME-Version: 1.0",
            "Content-Type: text/plain; charset=utf-8",
            "Content-Transfer-Encoding: 8bit",
            ""}, body)));
    }

    /** An HTML UTF-8 message from Anna with the given body lines. */
    static InboundMessage html(String... body) {
        return PARSER.parse(raw(join(new String[] {
            "From: Anna Schmidt <anna@example.com>",
            "To: support@regard.example",
            "Subject: Test",
            "MIME-Version: 1.0",
            "Content-Type: text/html; charset=utf-8",
            "Content-Transfer-Encoding: 8bit",
            ""}, body)));
    }

    private static String[] join(String[] head, String[] body) {
        String[] all = new String[head.length + body.length];
        System.arraycopy(head, 0, all, 0, head.length);
        System.arraycopy(body, 0, all, head.length, body.length);
        return all;
    }
}
