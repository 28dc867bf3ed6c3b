package org.regard.text;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TextInputTest {

    @Test
    void nulAndLoneSurrogatesAreProblemsAndWholePairsAreNot() {
        assertThat(TextInput.problem("plain, Tiếng Việt, 😀")).isEmpty();
        assertThat(TextInput.problem(null)).isEmpty();
        assertThat(TextInput.problem("a\u0000b")).hasValueSatisfying(p -> assertThat(p).contains("U+0000"));
        assertThat(TextInput.problem("a\uD800b")).hasValueSatisfying(p -> assertThat(p).contains("U+D800"));
        assertThat(TextInput.problem("end\uD83D")).isPresent();
        assertThat(TextInput.problem("\uDE00start")).isPresent();
    }

    @Test
    void cleaningRemovesNulAndReplacesLoneSurrogates() {
        assertThat(TextInput.clean("a\u0000b\uD800c\uDC00d😀")).isEqualTo("ab\uFFFDc\uFFFDd😀");
        String clean = "nothing to do";
        assertThat(TextInput.clean(clean)).isSameAs(clean);
        assertThat(TextInput.clean(null)).isNull();
    }

    @Test
    void displayedNamesLoseTheCharactersThatReorderText() {
        assertThat(DisplayText.fileName("invoice\u202Efdp.exe")).isEqualTo("invoicefdp.exe");
        assertThat(DisplayText.fileName("a\u200Fb\u2066c\u2069")).isEqualTo("abc");
        assertThat(DisplayText.name("Eve\u202Dx\u202C \u200Fمحمد")).isEqualTo("Evex \u200Fمحمد");
        String anna = "Anna";
        assertThat(DisplayText.name(anna)).isSameAs(anna);
        assertThat(DisplayText.name(null)).isNull();
    }
}
