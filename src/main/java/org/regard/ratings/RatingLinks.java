package org.regard.ratings;

import org.regard.accounts.SecretKeys;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;

/**
 * Signs and checks the rating links: HMAC-SHA256 over the request and its ticket with the server's rating key
 * ({@code regard.ratings.secret-key}, else a key generated once into the data directory). A link names its request;
 * the signature binds it to that request's ticket, so a link altered in any part, or made for another ticket, fails.
 */
@Component
class RatingLinks {
    private final SecretKeySpec key;
    private final String baseUrl;

    RatingLinks(@Value("${regard.ratings.secret-key:}") String configured, @Value("${regard.data-dir:./data}") String dataDir,
                @Value("${regard.ratings.base-url:http://localhost:8080}") String baseUrl) {
        this.key = new SecretKeySpec(SecretKeys.material(configured, Path.of(dataDir), "rating-secret.key",
                "regard.ratings.secret-key", "rating links").getBytes(StandardCharsets.UTF_8), "HmacSHA256");
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }

    String sign(long requestId, long ticketId) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            byte[] tag = mac.doFinal(("rating:" + requestId + ":" + ticketId).getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(tag);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Constant-time comparison of the presented signature with the right one. */
    boolean valid(long requestId, long ticketId, String presented) {
        if (presented == null || presented.length() > 100) {
            return false;
        }
        return MessageDigest.isEqual(sign(requestId, ticketId).getBytes(StandardCharsets.US_ASCII),
                presented.getBytes(StandardCharsets.US_ASCII));
    }

    String link(long requestId, long ticketId, Score score) {
        return baseUrl + "/rating/" + requestId + "/" + sign(requestId, ticketId) + "?score=" + score.key();
    }
}
