package org.regard.web;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Every page is complete in English, French, German and Vietnamese, and no template uses a missing key. */
class MessageBundlesTest {
    static final Path MESSAGES = Path.of("src/main/resources/messages");
    static final Path TEMPLATES = Path.of("src/main/resources/templates");
    static final List<String> TRANSLATIONS = List.of("fr", "de", "vi");

    @Test
    void everyBundleHasTheSameKeysInAllFourLanguagesAndNoEmptyText() throws IOException {
        List<String> problems = new ArrayList<>();
        for (String base : baseNames()) {
            Properties english = load(MESSAGES.resolve(base + ".properties"));
            for (String lang : TRANSLATIONS) {
                Path file = MESSAGES.resolve(base + "_" + lang + ".properties");
                if (!Files.exists(file)) {
                    problems.add(file + " is missing");
                    continue;
                }
                Properties translated = load(file);
                Set<String> missing = new TreeSet<>(english.stringPropertyNames());
                missing.removeAll(translated.stringPropertyNames());
                Set<String> extra = new TreeSet<>(translated.stringPropertyNames());
                extra.removeAll(english.stringPropertyNames());
                if (!missing.isEmpty()) {
                    problems.add(file + " lacks " + missing);
                }
                if (!extra.isEmpty()) {
                    problems.add(file + " has keys English lacks " + extra);
                }
                translated.forEach((k, v) -> {
                    if (v.toString().isBlank()) {
                        problems.add(file + ": " + k + " is empty");
                    }
                });
            }
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void everyMessageKeyATemplateUsesExists() throws IOException {
        Set<String> known = new TreeSet<>();
        for (String base : baseNames()) {
            known.addAll(load(MESSAGES.resolve(base + ".properties")).stringPropertyNames());
        }
        Pattern key = Pattern.compile("#\\{([A-Za-z0-9_.\\-]+)");
        List<String> unknown = new ArrayList<>();
        try (Stream<Path> files = Files.walk(TEMPLATES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".html")).toList()) {
                Matcher m = key.matcher(Files.readString(file));
                while (m.find()) {
                    String k = m.group(1);
                    if (!k.contains("__") && !k.endsWith(".") && !known.contains(k)) {
                        unknown.add(TEMPLATES.relativize(file) + ": " + k);
                    }
                }
            }
        }
        assertThat(unknown).isEmpty();
    }

    static Set<String> baseNames() throws IOException {
        try (Stream<Path> files = Files.list(MESSAGES)) {
            return files.map(f -> f.getFileName().toString())
                    .filter(n -> n.endsWith(".properties") && !n.matches(".*_[a-z]{2}\\.properties"))
                    .map(n -> n.substring(0, n.length() - ".properties".length()))
                    .collect(java.util.stream.Collectors.toCollection(TreeSet::new));
        }
    }

    static Properties load(Path file) throws IOException {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(r);
        }
        return p;
    }
}
