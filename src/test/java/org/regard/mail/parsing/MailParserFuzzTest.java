package org.regard.mail.parsing;

import com.code_intelligence.jazzer.junit.FuzzTest;

import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The MIME parser under a coverage-guided fuzzer (Jazzer). In a plain build each input committed under
 * {@code src/test/resources/org/regard/mail/parsing/MailParserFuzzTestInputs/parse/} runs once as a regression test;
 * {@code bench/fuzz.sh parser N} fuzzes for N executions starting from the shared mail corpus.
 * <p>
 * The parser never throws by design: each step is guarded and a failed step becomes a parse warning. A guard that
 * fires therefore hides an unexpected exception inside the parser, so this target counts one as a finding, as it does
 * an exception that escapes, a hang and running out of memory.
 */
class MailParserFuzzTest {

    /** Small bounds keep one execution cheap; the code paths are those of the defaults. */
    private static final MailParser PARSER = new MailParser(new MailLimits(200, 20, 4L * 1024 * 1024, 200_000));

    private static final byte[] PADDING = "XX\r\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    @FuzzTest(maxDuration = "30s")
    void parse(byte[] data) {
        // read in place, between other bytes, as the intake does with the buffer a message was fetched into
        byte[] buffer = new byte[data.length + 2 * PADDING.length];
        System.arraycopy(PADDING, 0, buffer, 0, PADDING.length);
        System.arraycopy(data, 0, buffer, PADDING.length, data.length);
        System.arraycopy(PADDING, 0, buffer, PADDING.length + data.length, PADDING.length);
        InboundMessage message = PARSER.parse(buffer, PADDING.length, PADDING.length + data.length);
        failOnSwallowedException(message.parseWarnings(), data);

        RawHeaders headers = RawHeaders.of(buffer, PADDING.length, PADDING.length + data.length);
        headers.conversationKeys();
        headers.bulk();
    }

    /**
     * The guards' warning, "... could not be read (SomeException)", ending the warning. Other warnings quote what the
     * message said (an unknown charset's name, a content type), so the words alone could come from the input: the
     * fuzzer once wrote them into a charset name.
     */
    private static final Pattern GUARD = Pattern.compile(" could not be read \\((\\w+(Exception|Error))\\)$");

    static void failOnSwallowedException(List<String> warnings, byte[] data) {
        for (String warning : warnings) {
            if (GUARD.matcher(warning).find()) {
                throw new IllegalStateException("the parser swallowed an exception: " + warning + " (input of "
                        + data.length + " bytes: " + Arrays.toString(Arrays.copyOf(data, Math.min(64, data.length))) + ")");
            }
        }
    }
}
