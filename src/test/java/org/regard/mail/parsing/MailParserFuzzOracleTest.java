package org.regard.mail.parsing;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What the parser's fuzz target counts as a finding: a guard that caught an exception, never a warning that only
 * quotes the message. The fuzzer found that gap itself, by writing the guard's words into a charset name.
 */
class MailParserFuzzOracleTest {

    @Test
    void aWarningThatQuotesTheMessageIsNoFinding() {
        byte[] data = ("From: a@example.test\r\nSubject: x\r\nContent-Type: text/plain; charset=\"u could not be read (s-ascii\"\r\n"
                + "\r\nhello\r\n").getBytes(StandardCharsets.US_ASCII);
        InboundMessage message = new MailParser(new MailLimits(200, 20, 4L * 1024 * 1024, 200_000)).parse(data);

        assertThat(message.parseWarnings()).anySatisfy(w -> assertThat(w).contains("could not be read ("));
        assertThatCode(() -> MailParserFuzzTest.failOnSwallowedException(message.parseWarnings(), data)).doesNotThrowAnyException();
    }

    @Test
    void aGuardThatCaughtAnExceptionIsAFinding() {
        assertThatThrownBy(() -> MailParserFuzzTest.failOnSwallowedException(
                List.of("a text/plain part could not be read (IllegalStateException)"), new byte[0]))
                .hasMessageContaining("swallowed");
    }
}
