package org.regard.languages;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How well the team's languages are told apart in what customers really write: short messages first (a greeting, a
 * thank-you, one line about a problem), then long essays and their paragraphs. Prints the accuracy it measured.
 */
class LanguagesTest {
    private static final Languages TEAM = Languages.of("en,fr,de,vi");

    /** Our own short messages, the kind a help desk receives, ten per language. */
    private static final List<List<String>> SHORT = List.of(
            List.of("fr", "Bonjour, ma commande n'est pas arrivée."), List.of("fr", "Merci beaucoup !"),
            List.of("fr", "L'imprimante ne marche plus."), List.of("fr", "Pouvez-vous m'aider ?"),
            List.of("fr", "Je voudrais annuler mon abonnement."), List.of("fr", "Toujours rien reçu"),
            List.of("fr", "Où est ma facture ?"), List.of("fr", "C'est urgent, merci de me rappeler"),
            List.of("fr", "Le mot de passe ne fonctionne pas"), List.of("fr", "Bonne journée"),
            List.of("de", "Hallo, meine Bestellung ist nicht angekommen."), List.of("de", "Vielen Dank!"),
            List.of("de", "Der Drucker funktioniert nicht mehr."), List.of("de", "Können Sie mir helfen?"),
            List.of("de", "Ich möchte mein Abo kündigen."), List.of("de", "Immer noch nichts erhalten"),
            List.of("de", "Wo ist meine Rechnung?"), List.of("de", "Es ist dringend, bitte rufen Sie mich zurück"),
            List.of("de", "Das Passwort geht nicht"), List.of("de", "Schönen Tag noch"),
            List.of("vi", "Xin chào, đơn hàng của tôi chưa đến."), List.of("vi", "Cảm ơn nhiều!"),
            List.of("vi", "Máy in không hoạt động nữa."), List.of("vi", "Bạn có thể giúp tôi không?"),
            List.of("vi", "Tôi muốn hủy đăng ký."), List.of("vi", "Vẫn chưa nhận được gì"),
            List.of("vi", "Hóa đơn của tôi đâu?"), List.of("vi", "Gấp lắm, gọi lại cho tôi nhé"),
            List.of("vi", "Mật khẩu không đúng"), List.of("vi", "Chúc một ngày tốt lành"),
            List.of("en", "Hello, my order has not arrived."), List.of("en", "Thanks a lot!"),
            List.of("en", "The printer stopped working."), List.of("en", "Can you help me?"),
            List.of("en", "I want to cancel my subscription."), List.of("en", "Still nothing received"),
            List.of("en", "Where is my invoice?"), List.of("en", "It's urgent, please call me back"),
            List.of("en", "The password does not work"), List.of("en", "Have a nice day"));

    /** The shared essays and their languages (see ../shared/essays/README.md). */
    private static final Map<String, String> ESSAYS = Map.of(
            "000_3d010d2c43f21333.txt", "fr", "001_7552299a6701071f.txt", "vi", "002_99114fef53b80e25.txt", "fr",
            "003_656d7f5a5743fd39.txt", "fr", "004_0cd359e5edba062b.txt", "de");

    @Test
    void shortMessagesAreToldApartInAllFourLanguages() {
        int right = 0;
        for (List<String> sample : SHORT) {
            Optional<Detection> d = TEAM.detect(sample.get(1));
            if (d.isPresent() && d.get().language().equals(sample.get(0))) {
                right++;
            } else {
                System.out.println("short message misread: " + sample + " -> " + d);
            }
        }
        System.out.printf("Language detection, short messages: %d/%d right (%.1f %%)%n", right, SHORT.size(), 100.0 * right / SHORT.size());
        assertThat(right).as("short messages detected right").isGreaterThanOrEqualTo(SHORT.size() - 1);
    }

    @Test
    void aShortMessageOfSeveralWordsIsConfidentEnoughToSetTheCustomersLanguage() {
        assertThat(TEAM.detect("Mein Drucker druckt nur leere Seiten.")).get()
                .satisfies(d -> assertThat(d.language()).isEqualTo("de"))
                .satisfies(d -> assertThat(d.confident()).isTrue());
        assertThat(TEAM.detect("Máy in của tôi chỉ in ra trang trắng.")).get()
                .satisfies(d -> assertThat(d.language()).isEqualTo("vi"))
                .satisfies(d -> assertThat(d.confident()).isTrue());
    }

    @Test
    void textWithoutLettersHasNoLanguageAndOneWordIsNeverConfident() {
        assertThat(TEAM.detect("12345 !!! :-)")).isEmpty();
        assertThat(TEAM.detect("")).isEmpty();
        assertThat(TEAM.detect(null)).isEmpty();
        assertThat(TEAM.detect("ok").map(Detection::confident).orElse(false)).isFalse();
    }

    @Test
    void detectionStaysWithinTheConfiguredLanguages() {
        Languages englishAndFrench = Languages.of("en, FR");
        assertThat(englishAndFrench.configured()).containsExactly("en", "fr");
        assertThat(englishAndFrench.isConfigured("Fr")).isTrue();
        assertThat(englishAndFrench.isConfigured("de")).isFalse();
        assertThat(englishAndFrench.detect("Der Drucker funktioniert nicht mehr.")).get()
                .extracting(Detection::language).isIn("en", "fr");
    }

    @Test
    void anUnknownLanguageCodeIsRefusedWithAClearMessage() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Languages.of("en,xx"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("xx");
    }

    @Test
    void theEssaysAndTheirParagraphsAreRecognised() throws IOException {
        Path dir = Path.of("../shared/essays");
        Assumptions.assumeTrue(Files.isDirectory(dir), "../shared/essays is absent: the essay measurement is skipped");
        int essays = 0;
        int essaysRight = 0;
        int paragraphs = 0;
        int paragraphsRight = 0;
        for (Map.Entry<String, String> essay : ESSAYS.entrySet()) {
            Path file = dir.resolve(essay.getKey());
            if (!Files.isRegularFile(file)) {
                System.out.println("essay " + file + " is absent: skipped");
                continue;
            }
            String text = Files.readString(file, StandardCharsets.UTF_8);
            essays++;
            if (TEAM.detect(text).map(Detection::language).orElse("").equals(essay.getValue())) {
                essaysRight++;
            }
            for (String paragraph : text.split("\\R\\s*\\R")) {
                if (paragraph.strip().length() < 20) {
                    continue;
                }
                paragraphs++;
                if (TEAM.detect(paragraph).map(Detection::language).orElse("").equals(essay.getValue())) {
                    paragraphsRight++;
                }
            }
        }
        Assumptions.assumeTrue(essays > 0, "no essay found in ../shared/essays: the essay measurement is skipped");
        System.out.printf("Language detection, essays: %d/%d right; their paragraphs: %d/%d right (%.1f %%)%n",
                essaysRight, essays, paragraphsRight, paragraphs, 100.0 * paragraphsRight / paragraphs);
        assertThat(essaysRight).isEqualTo(essays);
        assertThat(paragraphsRight).isGreaterThanOrEqualTo((int) Math.ceil(paragraphs * 0.9));
    }
}
