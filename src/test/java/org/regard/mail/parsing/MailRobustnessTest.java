package org.regard.mail.parsing;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Truncated and byte-flipped versions of every corpus message: the parser must never throw, and must stay fast.
 * The damage is drawn from a fixed seed, so a failure is reproducible.
 */
class MailRobustnessTest {

    private static final int MUTANTS_PER_MESSAGE = 12;

    private final MailParser parser = new MailParser(new MailLimits(500, 20, 20L * 1024 * 1024));

    @BeforeEach
    void corpusIsPresent() {
        CorpusFiles.assumePresent();
    }

    @Test
    void truncatedAndCorruptedCorpusMessagesNeverThrow() {
        Random random = new Random(20_251_122L);
        int parsed = 0;
        for (Path file : CorpusFiles.allMessages()) {
            byte[] original = CorpusFiles.bytes(file);
            if (original.length > 300_000) {
                original = java.util.Arrays.copyOf(original, 300_000);
            }
            for (byte[] mutant : mutants(original, random)) {
                try {
                    InboundMessage message = parser.parse(mutant);
                    assertThat(message.raw()).hasSameSizeAs(mutant);
                } catch (RuntimeException | Error failure) {
                    fail("parsing a damaged copy of " + file + " threw " + failure, failure);
                }
                parsed++;
            }
        }
        System.out.printf("[corpus robustness] %d damaged messages parsed without an exception%n", parsed);
    }

    private static List<byte[]> mutants(byte[] original, Random random) {
        List<byte[]> mutants = new java.util.ArrayList<>();
        for (int i = 0; i < MUTANTS_PER_MESSAGE; i++) {
            byte[] copy;
            switch (i % 4) {
                case 0 -> copy = java.util.Arrays.copyOf(original, random.nextInt(original.length + 1));
                case 1 -> {
                    copy = original.clone();
                    for (int k = 0; k < 1 + copy.length / 200; k++) {
                        if (copy.length > 0) {
                            copy[random.nextInt(copy.length)] = (byte) random.nextInt(256);
                        }
                    }
                }
                case 2 -> {
                    copy = original.clone();
                    // damage the structure: boundaries, headers and line breaks
                    for (int k = 0; k < copy.length; k++) {
                        if ((copy[k] == '-' || copy[k] == ':' || copy[k] == '\n' || copy[k] == '=')
                                && random.nextInt(20) == 0) {
                            copy[k] = (byte) "-:\n=\"; <>?".charAt(random.nextInt(10));
                        }
                    }
                }
                default -> {
                    int from = original.length == 0 ? 0 : random.nextInt(original.length);
                    int to = Math.min(original.length, from + random.nextInt(2_000));
                    copy = new byte[original.length - (to - from)];
                    System.arraycopy(original, 0, copy, 0, from);
                    System.arraycopy(original, to, copy, from, original.length - to);
                }
            }
            mutants.add(copy);
        }
        return mutants;
    }
}
