package org.regard.mail.parsing;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The shared mail corpus, read in place from {@code ../shared/corpus/mail} (never copied into the project: several of
 * its licences forbid shipping it).
 */
public final class CorpusFiles {

    public static final Path ROOT = Path.of("..", "shared", "corpus", "mail");

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private CorpusFiles() {
    }

    /** Skips the calling test, saying why, when the corpus is not next to the project. */
    public static void assumePresent() {
        assumeTrue(Files.isDirectory(ROOT),
                "mail corpus not found at " + ROOT.toAbsolutePath().normalize() + "; corpus tests skipped");
    }

    public static Path source(String name) {
        return ROOT.resolve(name);
    }

    /** The records of a source's expected.jsonl. */
    public static List<JsonNode> expectations(String source) {
        try (Stream<String> lines = Files.lines(source(source).resolve("expected.jsonl"), StandardCharsets.UTF_8)) {
            List<JsonNode> records = new ArrayList<>();
            lines.filter(line -> !line.isBlank()).forEach(line -> records.add(JSON.readTree(line)));
            return records;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static byte[] bytes(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String text(Path file) {
        return new String(bytes(file), StandardCharsets.UTF_8);
    }

    /** Every message file of every source (raw messages and bodies alike). */
    public static List<Path> allMessages() {
        try (Stream<Path> files = Files.walk(ROOT)) {
            return files.filter(Files::isRegularFile)
                    .filter(file -> {
                        String name = file.getFileName().toString();
                        return name.endsWith(".eml") || name.endsWith(".box") || name.endsWith(".msg")
                                || (name.endsWith(".txt") && !name.contains("_decoded") && !name.contains("LICENSE")
                                && !name.equals("README.txt"))
                                || name.endsWith(".html");
                    })
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A minimal message around a body, so bodies from reply-extraction suites go through the whole parser. */
    public static byte[] wrap(String body, String contentType, String from) {
        String headers = (from == null ? "" : "From: " + from + "\r\n")
                + "Subject: corpus body\r\nMIME-Version: 1.0\r\nContent-Type: " + contentType
                + "\r\nContent-Transfer-Encoding: 8bit\r\n\r\n";
        byte[] head = headers.getBytes(StandardCharsets.UTF_8);
        byte[] text = body.getBytes(StandardCharsets.UTF_8);
        byte[] all = new byte[head.length + text.length];
        System.arraycopy(head, 0, all, 0, head.length);
        System.arraycopy(text, 0, all, head.length, text.length);
        return all;
    }

    public static byte[] wrap(byte[] body, String contentType) {
        byte[] head = ("Subject: corpus body\r\nMIME-Version: 1.0\r\nContent-Type: " + contentType
                + "\r\nContent-Transfer-Encoding: 8bit\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
        byte[] all = new byte[head.length + body.length];
        System.arraycopy(head, 0, all, 0, head.length);
        System.arraycopy(body, 0, all, head.length, body.length);
        return all;
    }
}
