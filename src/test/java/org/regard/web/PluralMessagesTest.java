package org.regard.web;

import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;

import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/** Counts take the singular or the plural their language asks for (French counts 0 and 1 as singular). */
class PluralMessagesTest {
    private final ResourceBundleMessageSource messages = messages();

    private static ResourceBundleMessageSource messages() {
        ResourceBundleMessageSource source = new ResourceBundleMessageSource();
        source.setBasenames("messages/tickets");
        source.setDefaultEncoding("UTF-8");
        source.setFallbackToSystemLocale(false);
        return source;
    }

    private String text(String key, Locale locale, Object... args) {
        return messages.getMessage(key, args, locale);
    }

    @Test
    void frenchTouchesAreSingularForOneAndZeroAndPluralAbove() {
        assertThat(text("inbox.touchesValue", Locale.FRENCH, 1, 0)).isEqualTo("1 reçu / 0 envoyé");
        assertThat(text("inbox.touchesValue", Locale.FRENCH, 2, 1)).isEqualTo("2 reçus / 1 envoyé");
        assertThat(text("inbox.touchesValue", Locale.FRENCH, 1500, 3)).startsWith("1").endsWith("500 reçus / 3 envoyés");
    }

    @Test
    void fileSizesAgreeWithTheirNumberInEveryLanguage() {
        assertThat(text("file.size.bytes", Locale.ENGLISH, 1L)).isEqualTo("1 byte");
        assertThat(text("file.size.bytes", Locale.ENGLISH, 0L)).isEqualTo("0 bytes");
        assertThat(text("file.size.bytes", Locale.ENGLISH, 512L)).isEqualTo("512 bytes");
        assertThat(text("file.size.bytes", Locale.GERMAN, 1L)).isEqualTo("1 Byte");
        assertThat(text("file.size.bytes", Locale.FRENCH, 1L)).isEqualTo("1 octet");
        assertThat(text("file.size.bytes", Locale.forLanguageTag("vi"), 1L)).isEqualTo("1 byte");
    }
}
