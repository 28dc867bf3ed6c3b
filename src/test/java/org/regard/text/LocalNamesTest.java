package org.regard.text;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.i18n.LocaleContextHolder;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LocalNamesTest {

    @AfterEach
    void noLocale() {
        LocaleContextHolder.resetLocaleContext();
    }

    @Test
    void aNameIsShownInTheReadersLanguageAndFallsBackToTheBaseName() {
        LocalNames names = new LocalNames("Support", Map.of("fr", "Assistance", "de", "Kundendienst"));

        assertThat(names.in(Locale.FRENCH)).isEqualTo("Assistance");
        assertThat(names.in(Locale.forLanguageTag("fr-CA"))).isEqualTo("Assistance");
        assertThat(names.in(Locale.GERMAN)).isEqualTo("Kundendienst");
        assertThat(names.in(Locale.of("vi"))).isEqualTo("Support");
        assertThat(names.in(Locale.ENGLISH)).isEqualTo("Support");
        assertThat(names.in(null)).isEqualTo("Support");
    }

    @Test
    void theCurrentNameFollowsTheRequestsLanguageAndIsTheBaseNameOutsideARequest() {
        LocalNames names = new LocalNames("Support", Map.of("vi", "Hỗ trợ"));

        assertThat(names.current()).isEqualTo("Support");
        LocaleContextHolder.setLocale(Locale.of("vi"));
        assertThat(names.current()).isEqualTo("Hỗ trợ");
        LocaleContextHolder.setLocale(Locale.GERMAN);
        assertThat(names.current()).isEqualTo("Support");
    }

    @Test
    void blankNamesAndUnknownLanguagesAreNotKept() {
        Map<String, String> given = new HashMap<>();
        given.put("fr", "  ");
        given.put("de", null);
        given.put("es", "Soporte");
        given.put("vi", "  Hỗ trợ  ");

        assertThat(new LocalNames("Support", given).byLanguage()).containsExactly(Map.entry("vi", "Hỗ trợ"));
    }

    @Test
    void theStoredFormReadsBackTheSameEvenWithEqualsSignsAndLineBreaks() {
        LocalNames names = new LocalNames("A=B", Map.of("fr", "Niveau = 2", "de", "Zeile\nzwei", "en", "Tier one"));

        assertThat(names.encoded()).isEqualTo("de=Zeile zwei\nen=Tier one\nfr=Niveau = 2");
        assertThat(LocalNames.decode("A=B", names.encoded())).isEqualTo(names);
        assertThat(LocalNames.of("Support").encoded()).isNull();
        assertThat(LocalNames.decode("Support", null)).isEqualTo(LocalNames.of("Support"));
        assertThat(LocalNames.decode("Support", "garbage\n=x\nxx=y\nfr=Aide").byLanguage()).containsExactly(Map.entry("fr", "Aide"));
    }

    @Test
    void problemsNameTheLanguage() {
        assertThat(LocalNames.problem(Map.of("fr", "Aide"), 100)).isEmpty();
        assertThat(LocalNames.problem(Map.of("fr", ""), 100)).isEmpty();
        assertThat(LocalNames.problem(null, 100)).isEmpty();
        assertThat(LocalNames.problem(Map.of("es", "Soporte"), 100)).get().asString()
                .isEqualTo("names.es is not a page language (one of en, fr, de, vi)");
        assertThat(LocalNames.problem(Map.of("fr", "x".repeat(201)), 200, "labels")).get().asString()
                .isEqualTo("labels.fr must be at most 200 characters");
        assertThat(LocalNames.problem(Map.of("de", "x".repeat(101)), 100)).get().asString()
                .isEqualTo("names.de must be at most 100 characters");
        assertThat(LocalNames.problem(Map.of("vi", "a\u0000b"), 100)).get().asString().startsWith("names.vi must not contain the NUL");
        assertThat(LocalNames.problem(Map.of("en", "two\nlines"), 100)).get().asString().isEqualTo("names.en must be on one line");
        assertThatThrownBy(() -> LocalNames.check(Map.of("fr", "Aide", "de", "x".repeat(101)), 100))
                .isInstanceOfSatisfying(LocalNames.Invalid.class, invalid -> {
                    assertThat(invalid.field()).isEqualTo("names.de");
                    assertThat(invalid.problem()).isEqualTo("must be at most 100 characters");
                });
    }

    @Test
    void changesAreListedPerLanguageForTheAuditLog() {
        LocalNames before = new LocalNames("Support", Map.of("fr", "Assistance", "de", "Hilfe"));
        LocalNames after = new LocalNames("Support", Map.of("fr", "Aide", "vi", "Hỗ trợ"));

        assertThat(before.changesTo(after)).isEqualTo("fr: Assistance → Aide, de: Hilfe → —, vi: — → Hỗ trợ");
        assertThat(before.changesTo(before)).isEmpty();
    }
}
