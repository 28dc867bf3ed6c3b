package org.regard.mail.mailboxes;

import org.regard.mail.MailSettings;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.util.unit.DataSize;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Mailbox passwords at rest: AES-GCM with a configured key, or one generated into the data directory. */
class SecretBoxTest {
    @TempDir
    Path dataDir;

    static MailSettings withKey(String key) {
        return new MailSettings(key, Duration.ofSeconds(10), Duration.ofSeconds(10), DataSize.ofMegabytes(50), 8, true, List.of());
    }

    @Test
    void aPasswordComesBackAsItWentIn() {
        SecretBox box = new SecretBox(withKey("a key for tests"), dataDir.toString());
        String sealed = box.encrypt("pässwörd with ünïcode & 🔑");

        assertThat(sealed).startsWith("v1:").doesNotContain("pässwörd");
        assertThat(box.decrypt(sealed)).isEqualTo("pässwörd with ünïcode & 🔑");
        assertThat(box.encrypt(null)).isNull();
        assertThat(box.decrypt(null)).isNull();
    }

    @Test
    void theSamePasswordIsSealedDifferentlyEachTime() {
        SecretBox box = new SecretBox(withKey("a key for tests"), dataDir.toString());

        String first = box.encrypt("same");
        String second = box.encrypt("same");

        assertThat(first).isNotEqualTo(second);
        assertThat(box.decrypt(first)).isEqualTo(box.decrypt(second)).isEqualTo("same");
    }

    @Test
    void anotherKeyCannotOpenItAndSaysWhy() {
        String sealed = new SecretBox(withKey("the first key"), dataDir.toString()).encrypt("secret");
        SecretBox other = new SecretBox(withKey("another key"), dataDir.toString());

        assertThatThrownBy(() -> other.decrypt(sealed))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("regard.mail.secret-key")
                .hasMessageNotContaining("secret\"");
        assertThatThrownBy(() -> other.decrypt("plain text"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("not in a known format");
    }

    @Test
    void withoutAKeyOneIsGeneratedOnceAndKeptInTheDataDirectory() throws Exception {
        SecretBox first = new SecretBox(withKey(null), dataDir.toString());
        String sealed = first.encrypt("kept");
        SecretBox afterRestart = new SecretBox(withKey(""), dataDir.toString());

        assertThat(Files.exists(dataDir.resolve("mail-secret.key"))).isTrue();
        assertThat(afterRestart.decrypt(sealed)).isEqualTo("kept");
    }
}
