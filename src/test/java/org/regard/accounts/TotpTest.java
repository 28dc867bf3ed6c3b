package org.regard.accounts;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** TOTP against the test vectors of RFC 6238 (SHA-1) and RFC 4226, and the Base32 codec against RFC 4648's. */
class TotpTest {
    /** The SHA-1 key of RFC 6238's appendix B: the ASCII text "12345678901234567890". */
    private static final byte[] RFC_KEY = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);

    @ParameterizedTest(name = "T = {0} s gives {1}")
    @CsvSource({
            "59, 94287082",
            "1111111109, 07081804",
            "1111111111, 14050471",
            "1234567890, 89005924",
            "2000000000, 69279037",
            "20000000000, 65353130"})
    void rfc6238Sha1Vectors(long unixSeconds, String expected) {
        long step = Totp.step(Instant.ofEpochSecond(unixSeconds));

        assertThat(Totp.code(RFC_KEY, step, 8)).isEqualTo(expected);
        assertThat(Totp.code(RFC_KEY, step)).as("the six digits apps show").isEqualTo(expected.substring(2));
    }

    @Test
    void rfc4226HotpVectorsAreTheStepsFromZero() {
        String[] expected = {"755224", "287082", "359152", "969429", "338314", "254676", "287922", "162583", "399871", "520489"};
        for (int counter = 0; counter < expected.length; counter++) {
            assertThat(Totp.code(RFC_KEY, counter)).as("counter %d", counter).isEqualTo(expected[counter]);
        }
    }

    @Test
    void aCodeIsAcceptedOneStepEitherSideButNotTwo() {
        Instant now = Instant.ofEpochSecond(1_234_567_890);
        long step = Totp.step(now);

        assertThat(Totp.matchingStep(RFC_KEY, Totp.code(RFC_KEY, step), now, -1)).hasValue(step);
        assertThat(Totp.matchingStep(RFC_KEY, Totp.code(RFC_KEY, step - 1), now, -1)).hasValue(step - 1);
        assertThat(Totp.matchingStep(RFC_KEY, Totp.code(RFC_KEY, step + 1), now, -1)).hasValue(step + 1);
        assertThat(Totp.matchingStep(RFC_KEY, Totp.code(RFC_KEY, step - 2), now, -1)).isEmpty();
        assertThat(Totp.matchingStep(RFC_KEY, Totp.code(RFC_KEY, step + 2), now, -1)).isEmpty();
    }

    @Test
    void aStepAlreadyUsedOrEarlierIsRefused() {
        Instant now = Instant.ofEpochSecond(1_234_567_890);
        long step = Totp.step(now);
        String code = Totp.code(RFC_KEY, step);

        assertThat(Totp.matchingStep(RFC_KEY, code, now, step - 1)).hasValue(step);
        assertThat(Totp.matchingStep(RFC_KEY, code, now, step)).isEmpty();
        assertThat(Totp.matchingStep(RFC_KEY, Totp.code(RFC_KEY, step - 1), now, step)).as("an older code after a newer one").isEmpty();
    }

    @Test
    void malformedCodesAreRefused() {
        Instant now = Instant.ofEpochSecond(59);
        for (String typed : new String[]{null, "", "28708", "2870822", "28708a", " 87082"}) {
            assertThat(Totp.matchingStep(RFC_KEY, typed, now, -1)).as("'%s'", typed).isEmpty();
        }
    }

    @ParameterizedTest(name = "\"{0}\" is {1}")
    @CsvSource(value = {
            "'', ''",
            "f, MY",
            "fo, MZXQ",
            "foo, MZXW6",
            "foob, MZXW6YQ",
            "fooba, MZXW6YTB",
            "foobar, MZXW6YTBOI"})
    void base32Rfc4648Vectors(String plain, String encoded) {
        byte[] bytes = plain.getBytes(StandardCharsets.US_ASCII);

        assertThat(Base32.encode(bytes)).isEqualTo(encoded);
        assertThat(Base32.decode(encoded)).isEqualTo(bytes);
    }

    @Test
    void base32DecodingIgnoresCaseSpacesHyphensAndPadding() {
        assertThat(Base32.decode("mzxw 6ytb-oi======")).isEqualTo("foobar".getBytes(StandardCharsets.US_ASCII));
        assertThatThrownBy(() -> Base32.decode("MZXW1")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void base32RoundTripsEveryLengthOfRandomKeys() {
        var random = new java.util.Random(6238);
        for (int length = 0; length <= 40; length++) {
            byte[] key = new byte[length];
            random.nextBytes(key);
            assertThat(Base32.decode(Base32.encode(key))).as("%d bytes", length).isEqualTo(key);
        }
        assertThat(Base32.encode(new byte[20])).as("a 160-bit key is 32 characters").hasSize(32);
        assertThat(Base32.grouped("ABCDEFGHIJ")).isEqualTo("ABCD EFGH IJ");
    }
}
