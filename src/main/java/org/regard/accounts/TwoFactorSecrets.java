package org.regard.accounts;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * Seals agents' TOTP secrets at rest with AES-256-GCM, bound to their agent (the agent id is the authenticated data,
 * so a sealed secret copied onto another agent's row does not open). The key is the SHA-256 of
 * {@code regard.secret-key}; without one, a random key is generated once into {@code <data dir>/secret.key}
 * (readable by its owner only), which serves one node: several nodes must be given the same {@code regard.secret-key}.
 * Stored form: {@code v1:} + base64(nonce ‖ ciphertext ‖ tag). Secrets are never logged.
 */
@Component
class TwoFactorSecrets {
    static final String KEY_FILE = "secret.key";
    private static final String FORMAT = "v1:";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final SecretKeySpec key;
    private final SecureRandom random = new SecureRandom();

    TwoFactorSecrets(@Value("${regard.secret-key:}") String configured, @Value("${regard.data-dir:./data}") String dataDir) {
        try {
            byte[] material = SecretKeys.material(configured, Path.of(dataDir), KEY_FILE, "regard.secret-key", "two-factor secrets")
                    .getBytes(StandardCharsets.UTF_8);
            this.key = new SecretKeySpec(MessageDigest.getInstance("SHA-256").digest(material), "AES");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    /** A fresh random TOTP secret: 160 bits, the size RFC 4226 recommends for HMAC-SHA1. */
    byte[] newSecret() {
        byte[] secret = new byte[20];
        random.nextBytes(secret);
        return secret;
    }

    String seal(long agentId, byte[] secret) {
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        byte[] sealed = run(Cipher.ENCRYPT_MODE, agentId, nonce, secret);
        return FORMAT + Base64.getEncoder().encodeToString(ByteBuffer.allocate(NONCE_BYTES + sealed.length).put(nonce).put(sealed).array());
    }

    byte[] open(long agentId, String stored) {
        if (stored == null || !stored.startsWith(FORMAT)) {
            throw new IllegalStateException("A stored two-factor secret is not in a known format.");
        }
        byte[] all = Base64.getDecoder().decode(stored.substring(FORMAT.length()));
        byte[] nonce = java.util.Arrays.copyOf(all, NONCE_BYTES);
        return run(Cipher.DECRYPT_MODE, agentId, nonce, java.util.Arrays.copyOfRange(all, NONCE_BYTES, all.length));
    }

    private byte[] run(int mode, long agentId, byte[] nonce, byte[] input) {
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(ByteBuffer.allocate(Long.BYTES).putLong(agentId).array());
            return cipher.doFinal(input);
        } catch (javax.crypto.AEADBadTagException wrongKey) {
            throw new IllegalStateException("A stored two-factor secret cannot be opened: regard.secret-key is not the key "
                    + "it was sealed with (an admin can reset the agent's two-factor sign-in).");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is part of every Java runtime", e);
        }
    }
}
