package org.regard.accounts;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The material of a key Regard encrypts with: the configured value, or else a random key generated once into a file of
 * the data directory (readable by its owner only). A generated key serves one node; several nodes must be given the
 * same configured value. Safe when two nodes start together on one data directory: one file wins, both read it.
 */
public final class SecretKeys {
    private static final Logger log = LoggerFactory.getLogger(SecretKeys.class);

    private SecretKeys() {
    }

    /**
     * @param configured the configured key, or null/blank for the generated one
     * @param dataDir    where the generated key is kept
     * @param fileName   its file in {@code dataDir}
     * @param property   the property that would configure it (named in the log when a key is generated)
     * @param protects   what the key protects, for the log
     */
    public static String material(String configured, Path dataDir, String fileName, String property, String protects) {
        if (configured != null && !configured.isBlank()) {
            return configured;
        }
        Path file = dataDir.resolve(fileName);
        try {
            if (Files.exists(file)) {
                return Files.readString(file).strip();
            }
            Files.createDirectories(dataDir);
            byte[] fresh = new byte[32];
            new SecureRandom().nextBytes(fresh);
            String generated = Base64.getEncoder().encodeToString(fresh);
            Files.writeString(file, generated, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
            try {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException notPosix) {
                // the file system has no owner-only permission to set
            }
            log.warn("No {} set: {} are encrypted with a key generated into {}. Several nodes must share one key: set {} on each.",
                    property, protects, file.toAbsolutePath(), property);
            return generated;
        } catch (FileAlreadyExistsException anotherNodeWroteIt) {
            return material(null, dataDir, fileName, property, protects);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or create " + file, e);
        }
    }
}
