package org.regard.accounts;

import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/**
 * bcrypt for passwords of any length. bcrypt reads at most 72 bytes (Spring Security refuses longer ones, which
 * answered 500), and a 64-character passphrase in Vietnamese or German easily takes more. A password over 72 bytes
 * in UTF-8 is first reduced to the Base64 of its SHA-256 (44 ASCII characters) and that is hashed with bcrypt; a
 * shorter one is hashed as it is, so every hash stored before stays valid (no password over 72 bytes could be stored
 * before). Stored as {@code {bcrypt}...} like before.
 */
final class PasswordHashing implements PasswordEncoder {
    static final int BCRYPT_MAX_BYTES = 72;

    private final BCryptPasswordEncoder bcrypt = new BCryptPasswordEncoder();

    @Override
    public String encode(CharSequence raw) {
        return bcrypt.encode(fit(raw));
    }

    @Override
    public boolean matches(CharSequence raw, String encoded) {
        return bcrypt.matches(fit(raw), encoded);
    }

    @Override
    public boolean upgradeEncoding(String encoded) {
        return bcrypt.upgradeEncoding(encoded);
    }

    private static CharSequence fit(CharSequence raw) {
        if (raw == null) {
            return null;
        }
        byte[] bytes = raw.toString().getBytes(StandardCharsets.UTF_8);
        if (bytes.length <= BCRYPT_MAX_BYTES) {
            return raw;
        }
        try {
            return Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
