package org.regard.accounts;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The first administrator ({@code regard.admin.*}, or {@code REGARD_ADMIN_EMAIL} / {@code REGARD_ADMIN_PASSWORD}).
 * Used only when the database has no agent yet.
 */
@ConfigurationProperties("regard.admin")
record AdminSettings(String email, String password) {
}
