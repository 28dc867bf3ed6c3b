package org.regard.mail.mailboxes;

import org.regard.accounts.SecretKeys;
import org.regard.mail.MailSettings;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * Encrypts mailbox passwords at rest with AES-256-GCM. The key is the SHA-256 of {@code regard.mail.secret-key};
 * without one, a random key is generated once into {@code <data dir>/mail-secret.key} (readable by its owner only),
 * which serves a single node. Stored form: {@code v1:} + base64(nonce ‖ ciphertext ‖ tag).
 */
@Component
class SecretBox {
    private static final String PREFIX = "v1:";
    private static final int NONCE = 12;

    private final SecretKeySpec key;
    private final SecureRandom random = new SecureRandom();

    SecretBox(MailSettings settings, @Value("${regard.data-dir:./data}") String dataDir) {
        this.key = new SecretKeySpec(sha256(SecretKeys.material(settings.secretKey(), Path.of(dataDir),
                "mail-secret.key", "regard.mail.secret-key", "mailbox passwords")), "AES");
    }

    String encrypt(String plain) {
        if (plain == null) {
            return null;
        }
        try {
            byte[] nonce = new byte[NONCE];
            random.nextBytes(nonce);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, nonce));
            byte[] sealed = cipher.doFinal(plain.getBytes(StandardCharsets.UTF_8));
            byte[] out = new byte[NONCE + sealed.length];
            System.arraycopy(nonce, 0, out, 0, NONCE);
            System.arraycopy(sealed, 0, out, NONCE, sealed.length);
            return PREFIX + Base64.getEncoder().encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot encrypt", e);
        }
    }

    /** The plain text, or an exception saying the key does not fit (the key changed since it was stored). */
    String decrypt(String stored) {
        if (stored == null) {
            return null;
        }
        if (!stored.startsWith(PREFIX)) {
            throw new IllegalStateException("A stored password is not in a known format.");
        }
        try {
            byte[] in = Base64.getDecoder().decode(stored.substring(PREFIX.length()));
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(128, in, 0, NONCE));
            return new String(cipher.doFinal(in, NONCE, in.length - NONCE), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("A stored mailbox password cannot be decrypted: regard.mail.secret-key is not the key it was stored with.");
        }
    }

    private static byte[] sha256(String material) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(material.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
