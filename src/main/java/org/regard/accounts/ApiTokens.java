package org.regard.accounts;

import org.regard.audit.AuditAction;
import org.regard.audit.AuditLog;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * Personal API tokens: created on the agent's profile page, shown once, stored hashed, revocable.
 * A token carries exactly the permissions of its agent.
 */
@Service
public class ApiTokens {
    static final String PREFIX = "rgd_";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final ApiTokenRepository tokens;
    private final Clock clock;
    private final org.springframework.jdbc.core.simple.JdbcClient jdbc;
    private final AuditLog audit;

    ApiTokens(ApiTokenRepository tokens, Clock clock, org.springframework.jdbc.core.simple.JdbcClient jdbc, AuditLog audit) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.tokens = tokens;
        this.clock = clock;
    }

    /** A token as listed on the profile page (never the secret). */
    public record TokenSummary(long id, String name, String prefix, Instant createdAt, Instant lastUsedAt) {
    }

    /** A freshly created token; {@code secret} is shown to the agent once and never stored. */
    public record CreatedToken(long id, String name, String secret) {
    }

    @Transactional
    public CreatedToken create(long agentId, String name) {
        byte[] random = new byte[32];
        RANDOM.nextBytes(random);
        String secret = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        ApiToken token = tokens.save(new ApiToken(agentId, name, hash(secret), secret.substring(0, 10), clock.instant()));
        audit.record(AuditAction.TOKEN_CREATED, "token", token.getId(), describe(token));
        return new CreatedToken(token.getId(), token.getName(), secret);
    }

    @Transactional(readOnly = true)
    public List<TokenSummary> activeTokensOf(long agentId) {
        return tokens.findActiveOf(agentId).stream()
                .map(t -> new TokenSummary(t.getId(), t.getName(), t.getPrefix(), t.getCreatedAt(), t.getLastUsedAt()))
                .toList();
    }

    /** Revokes one of the agent's own tokens; returns false when the agent has no such token. */
    @Transactional
    public boolean revoke(long agentId, long tokenId) {
        return tokens.findById(tokenId).filter(t -> t.getAgentId() == agentId).map(t -> {
            if (!t.isRevoked()) {
                t.revoke(clock.instant());
                tokens.save(t);
                audit.record(AuditAction.TOKEN_REVOKED, "token", t.getId(), describe(t));
            }
            return true;
        }).orElse(false);
    }

    /**
     * The active agent a presented token belongs to, if the token is valid and not revoked: one read of the token and
     * its agent (the agent's teams are read by the use case that needs them, never cached in the principal).
     */
    @Transactional
    Optional<AgentPrincipal> authenticate(String presented) {
        if (presented == null || !presented.startsWith(PREFIX) || presented.length() > 200) {
            return Optional.empty();
        }
        record Found(long tokenId, java.sql.Timestamp lastUsedAt, AgentPrincipal agent) {
        }
        Optional<Found> found = jdbc.sql("""
                        select t.id, t.last_used_at, a.id, a.email, a.display_name, a.role, a.locale, a.password_hash
                        from api_token t join agent a on a.id = t.agent_id
                        where t.token_hash = ? and t.revoked_at is null and a.active""")
                .param(hash(presented))
                .query((rs, n) -> new Found(rs.getLong(1), rs.getTimestamp(2), new AgentPrincipal(rs.getLong(3), rs.getString(4),
                        rs.getString(5), Role.valueOf(rs.getString(6)), rs.getString(7), rs.getString(8), true, false)))
                .optional();
        found.ifPresent(f -> {
            Instant now = clock.instant();
            // "last used" is shown to the minute: a token used within the last minute is not written again
            if (f.lastUsedAt() == null || f.lastUsedAt().toInstant().isBefore(now.minusSeconds(60))) {
                tokens.touch(f.tokenId(), now, now.minusSeconds(60));
            }
        });
        return found.map(Found::agent);
    }

    /** The token as the audit log names it: never the secret, only its name, its shown prefix and its agent. */
    private static String describe(ApiToken token) {
        return "\"" + token.getName() + "\" (" + token.getPrefix() + "…) of agent " + token.getAgentId();
    }

    static String hash(String secret) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
