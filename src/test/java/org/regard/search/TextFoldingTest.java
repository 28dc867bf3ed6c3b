package org.regard.search;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

class TextFoldingTest {

    /** True when every word of the query shares a term with some word of the text: how the index matches. */
    private static boolean finds(String query, String text) {
        Set<String> document = TextFolding.termsOf(text).stream().flatMap(t -> t.all().stream()).collect(Collectors.toSet());
        List<TextFolding.WordTerms> words = TextFolding.termsOf(query);
        return !words.isEmpty() && words.stream().allMatch(w -> w.all().stream().anyMatch(document::contains));
    }

    @Test
    void accentsAndCaseFold() {
        assertThat(TextFolding.fold("Café")).isEqualTo("cafe");
        assertThat(finds("cafe", "Un café noir")).isTrue();
        assertThat(finds("CAFÉ", "un cafe")).isTrue();
        assertThat(finds("thé", "Un café noir")).isFalse();
    }

    @Test
    void germanUmlautsMatchBothSpellings() {
        assertThat(TextFolding.terms("Müller").exact()).containsExactlyInAnyOrder("muller", "mueller");
        assertThat(finds("Muller", "Frau Müller ruft an")).isTrue();
        assertThat(finds("Mueller", "Frau Müller ruft an")).isTrue();
        assertThat(finds("Müller", "Frau Mueller ruft an")).isTrue();
        assertThat(finds("strasse", "Lange Straße 5")).isTrue();
        assertThat(finds("Miller", "Frau Müller")).isFalse();
    }

    @Test
    void vietnameseWithOrWithoutDiacritics() {
        assertThat(TextFolding.fold("Nội")).isEqualTo("noi");
        assertThat(TextFolding.fold("Đà")).isEqualTo("da");
        assertThat(finds("ha noi", "Văn phòng ở Hà Nội")).isTrue();
        assertThat(finds("Hà Nội", "van phong o ha noi")).isTrue();
        assertThat(finds("da nang", "Chi nhánh Đà Nẵng")).isTrue();
        assertThat(finds("dang", "Chi nhánh Đà Nẵng")).isFalse();
    }

    @Test
    void decomposedInputFoldsLikeComposed() {
        String decomposed = "Mu\u0308ller cafe\u0301";
        assertThat(finds("Mueller", decomposed)).isTrue();
        assertThat(finds("café", decomposed)).isTrue();
    }

    @Test
    void frenchInflectionsMatch() {
        assertThat(finds("imprimante", "Les imprimantes ne marchent plus")).isTrue();
        assertThat(finds("chevaux", "un cheval blanc")).isTrue();
        assertThat(finds("factures", "Votre facture du mois")).isTrue();
    }

    @Test
    void germanInflectionsMatch() {
        assertThat(finds("Rechnung", "Ihre Rechnungen vom Mai")).isTrue();
        assertThat(finds("Drucker", "des Druckers Papierfach")).isTrue();
        assertThat(finds("Häuser", "ein Haus am See")).isTrue();
    }

    @Test
    void wordsSplitAddressesAndKeepPositions() {
        List<TextFolding.Word> words = TextFolding.words("Mail anna.berg@example.com, bitte!");
        assertThat(words).extracting(TextFolding.Word::text).containsExactly("Mail", "anna", "berg", "example", "com", "bitte");
        assertThat(words.get(1).start()).isEqualTo(5);
        assertThat(TextFolding.words("  ,; ")).isEmpty();
    }
}
