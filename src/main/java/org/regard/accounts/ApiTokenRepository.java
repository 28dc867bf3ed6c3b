package org.regard.accounts;

import org.springframework.data.jdbc.repository.query.Modifying;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

interface ApiTokenRepository extends ListCrudRepository<ApiToken, Long> {

    Optional<ApiToken> findByTokenHash(String tokenHash);

    @Query("select * from api_token where agent_id = :agentId and revoked_at is null order by created_at desc")
    List<ApiToken> findActiveOf(long agentId);

    /** Records use at most once a minute per token, so busy API clients do not write on every call. */
    @Modifying
    @Query("update api_token set last_used_at = :now where id = :id and (last_used_at is null or last_used_at < :before)")
    int touch(long id, Instant now, Instant before);
}
