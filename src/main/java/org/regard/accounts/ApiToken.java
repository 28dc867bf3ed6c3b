package org.regard.accounts;

import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

import java.time.Instant;

/** A personal API token. Only its SHA-256 hash and a short prefix (to recognise it in lists) are stored. */
@Table("api_token")
class ApiToken {
    @Id
    private Long id;
    private long agentId;
    private String name;
    private String tokenHash;
    private String prefix;
    private Instant createdAt;
    private Instant lastUsedAt;
    private Instant revokedAt;

    ApiToken() {
    }

    ApiToken(long agentId, String name, String tokenHash, String prefix, Instant createdAt) {
        this.agentId = agentId;
        this.name = name.strip();
        this.tokenHash = tokenHash;
        this.prefix = prefix;
        this.createdAt = createdAt;
    }

    Long getId() {
        return id;
    }

    long getAgentId() {
        return agentId;
    }

    String getName() {
        return name;
    }

    String getPrefix() {
        return prefix;
    }

    Instant getCreatedAt() {
        return createdAt;
    }

    Instant getLastUsedAt() {
        return lastUsedAt;
    }

    boolean isRevoked() {
        return revokedAt != null;
    }

    void revoke(Instant at) {
        if (revokedAt == null) {
            revokedAt = at;
        }
    }
}
