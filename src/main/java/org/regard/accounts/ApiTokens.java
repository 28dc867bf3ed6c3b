package org.regard.accounts;

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
    private final AgentRepository agents;
    private final Clock clock;

    ApiTokens(ApiTokenRepository tokens, AgentRepository agents, Clock clock) {
        this.tokens = tokens;
        this.agents = agents;
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
            t.revoke(clock.instant());
            tokens.save(t);
            return true;
        }).orElse(false);
    }

    /** The active agent a presented token belongs to, if the token is valid and not revoked. */
    @Transactional
    Optional<AgentPrincipal> authenticate(String presented) {
        if (presented == null || !presented.startsWith(PREFIX) || presented.length() > 200) {
            return Optional.empty();
        }
        return tokens.findByTokenHash(hash(presented)).filter(t -> !t.isRevoked()).flatMap(t -> {
            Instant now = clock.instant();
            // "last used" is shown to the minute: a token used within the last minute is not written again
            if (t.getLastUsedAt() == null || t.getLastUsedAt().isBefore(now.minusSeconds(60))) {
                tokens.touch(t.getId(), now, now.minusSeconds(60));
            }
            return agents.findById(t.getAgentId());
        }).filter(Agent::isActive).map(agent -> AgentPrincipal.of(agent, false));
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
