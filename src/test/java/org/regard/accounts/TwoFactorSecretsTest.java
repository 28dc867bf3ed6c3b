package org.regard.accounts;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** TOTP secrets at rest: sealed with the configured or generated key, and only for the agent they belong to. */
class TwoFactorSecretsTest {
    @TempDir
    Path dataDir;

    @Test
    void aSecretOpensForItsAgentOnly() {
        TwoFactorSecrets secrets = new TwoFactorSecrets("a key for tests", dataDir.toString());
        byte[] secret = secrets.newSecret();

        String sealed = secrets.seal(7, secret);

        assertThat(sealed).startsWith("v1:").doesNotContain(Base32.encode(secret));
        assertThat(secrets.seal(7, secret)).as("a fresh nonce each time").isNotEqualTo(sealed);
        assertThat(secrets.open(7, sealed)).isEqualTo(secret);
        assertThatThrownBy(() -> secrets.open(8, sealed)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void anotherKeyCannotOpenItAndSaysWhatToDo() {
        String sealed = new TwoFactorSecrets("the first key", dataDir.toString()).seal(1, new byte[20]);

        assertThatThrownBy(() -> new TwoFactorSecrets("another key", dataDir.toString()).open(1, sealed))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("regard.secret-key");
    }

    @Test
    void withoutAKeyOneIsGeneratedOnceIntoTheDataDirectory() throws Exception {
        TwoFactorSecrets first = new TwoFactorSecrets("", dataDir.toString());
        String sealed = first.seal(3, new byte[]{1, 2, 3});

        assertThat(Files.exists(dataDir.resolve(TwoFactorSecrets.KEY_FILE))).isTrue();
        assertThat(new TwoFactorSecrets("", dataDir.toString()).open(3, sealed)).containsExactly(1, 2, 3);
    }
}
