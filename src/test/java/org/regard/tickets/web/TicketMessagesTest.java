package org.regard.tickets.web;

import org.junit.jupiter.api.Test;
import org.regard.tickets.Channel;
import org.regard.tickets.MessageKind;
import org.regard.tickets.Priority;
import org.regard.tickets.TicketQueries;
import org.regard.tickets.TicketStatus;
import org.regard.tickets.TouchDirection;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The ticket pages' texts: the same keys in every language, every key a template uses present, quotes right. */
class TicketMessagesTest {
    private static final List<String> LANGUAGES = List.of("", "_fr", "_de", "_vi");
    private static final Pattern ARGUMENT = Pattern.compile("\\{\\d");
    private static final Pattern LITERAL_KEY = Pattern.compile("#\\{([a-zA-Z][\\w.]*)[}(]");

    @Test
    void everyLanguageHasExactlyTheSameKeys() throws IOException {
        Set<String> english = load("").stringPropertyNames();
        for (String language : LANGUAGES) {
            assertThat(new TreeSet<>(load(language).stringPropertyNames())).as("tickets" + language).isEqualTo(new TreeSet<>(english));
        }
    }

    @Test
    void messagesWithArgumentsFormatAndMessagesWithoutKeepTheirApostrophes() throws IOException {
        for (String language : LANGUAGES) {
            Properties messages = load(language);
            Locale locale = language.isEmpty() ? Locale.ENGLISH : Locale.forLanguageTag(language.substring(1));
            for (String key : messages.stringPropertyNames()) {
                String text = messages.getProperty(key);
                assertThat(text).as(key + language).isNotBlank();
                if (ARGUMENT.matcher(text).find()) {
                    String formatted = new MessageFormat(text, locale).format(new Object[]{1, 2, 3, 4, 5, 6, 7, 8, 9, 10});
                    assertThat(formatted).as(key + language + " formats every argument").doesNotContain("{");
                    assertThat(text.replace("''", "")).as(key + language + ": a single ' in MessageFormat hides text").doesNotContain("'");
                } else {
                    assertThat(text).as(key + language + ": '' would show twice").doesNotContain("''");
                }
            }
        }
    }

    @Test
    void everyKeyTheTicketTemplatesNameExists() throws IOException {
        Properties english = load("");
        // the ticket page shows mail (envelope, delivery); those texts live in the mail bundle
        try (InputStream in = TicketMessagesTest.class.getResourceAsStream("/messages/mail.properties")) {
            Properties mail = new Properties();
            mail.load(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
            mail.stringPropertyNames().forEach(k -> english.putIfAbsent(k, mail.getProperty(k)));
        }
        // and held replies (their review state, the composer's "ask a reviewer", the inbox's marks): the review bundle
        try (InputStream in = TicketMessagesTest.class.getResourceAsStream("/messages/review.properties")) {
            Properties review = new Properties();
            review.load(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
            review.stringPropertyNames().forEach(k -> english.putIfAbsent(k, review.getProperty(k)));
        }
        List<String> used = new ArrayList<>();
        try (Stream<Path> templates = Files.list(Path.of("src/main/resources/templates/tickets"))) {
            for (Path template : templates.toList()) {
                Matcher m = LITERAL_KEY.matcher(Files.readString(template));
                while (m.find()) {
                    used.add(m.group(1));
                }
            }
        }
        for (TicketStatus s : TicketStatus.values()) {
            used.add("status." + s.name());
        }
        for (Priority p : Priority.values()) {
            used.add("priority." + p.name());
        }
        for (Channel c : Channel.values()) {
            used.add("channel." + c.name());
        }
        for (MessageKind k : MessageKind.values()) {
            used.add("kind." + k.name());
        }
        for (TouchDirection d : TouchDirection.values()) {
            used.add("direction." + d.name());
            used.add("message.contact.PHONE." + d.name());
            used.add("message.contact.VISIT." + d.name());
        }
        for (TicketQueries.View v : TicketQueries.View.values()) {
            used.add("inbox.view." + v.name());
        }
        for (TicketQueries.Sort s : TicketQueries.Sort.values()) {
            used.add("inbox.sort." + s.name());
        }
        for (ComposerMode m : ComposerMode.values()) {
            used.add("composer.mode." + m.value());
        }
        for (String field : List.of("status", "priority", "team", "assignee", "category", "subject")) {
            used.add("ticket.field." + field);
        }
        assertThat(used).isNotEmpty().allSatisfy(key -> assertThat(english.containsKey(key)).as(key).isTrue());
    }

    private static Properties load(String language) throws IOException {
        Properties p = new Properties();
        try (InputStream in = TicketMessagesTest.class.getResourceAsStream("/messages/tickets" + language + ".properties")) {
            assertThat(in).as("tickets" + language + ".properties").isNotNull();
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }
}
