package org.regard.accounts.web;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.regard.accounts.Accounts;
import org.regard.accounts.ApiTokens;
import org.regard.accounts.Role;
import org.regard.support.IntegrationTest;
import org.regard.support.TestData;
import org.regard.support.WebSession;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

@IntegrationTest
class ProfilePagesIntegrationTest {
    @LocalServerPort
    int port;
    @Autowired
    TestData data;
    @Autowired
    Accounts accounts;
    @Autowired
    ApiTokens tokens;
    @Autowired
    JdbcClient jdbc;

    TestData.TestAgent agent;
    WebSession session;

    @BeforeEach
    void signIn() {
        agent = data.agent(Role.AGENT);
        session = WebSession.signedIn(port, agent.email(), agent.password());
    }

    @Test
    void choosingFrenchMakesTheVeryNextPageFrenchAndFollowingTheBrowserUndoesIt() {
        assertThat(session.get("/profile").body()).contains("<html lang=\"en\">", "Your profile");

        var saved = session.post("/profile/language", "locale", "fr");

        assertThat(saved.status()).isEqualTo(302);
        assertThat(saved.location()).endsWith("/profile");
        var french = session.get("/profile");
        assertThat(french.body()).contains("<html lang=\"fr\">", "Votre profil", "Langue des pages enregistrée.");
        assertThat(session.get("/customers").body()).contains("<html lang=\"fr\">", "Rechercher par nom, e-mail ou téléphone");
        assertThat(accounts.agent(agent.id()).orElseThrow().locale()).isEqualTo("fr");

        session.post("/profile/language", "locale", "");

        assertThat(session.get("/profile").body()).as("the browser asks for English").contains("<html lang=\"en\">");
        assertThat(accounts.agent(agent.id()).orElseThrow().locale()).isNull();
    }

    @Test
    void aLanguageRegardIsNotTranslatedIntoIsRefused() {
        var refused = session.post("/profile/language", "locale", "xx");

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body()).contains("id=\"profile-locale-error\"");
        assertThat(accounts.agent(agent.id()).orElseThrow().locale()).isNull();
    }

    @Test
    void thePasswordChangesOnlyWithTheCurrentPasswordAndTwoMatchingLongNewOnes() {
        String next = "a-brand-new-password";

        var wrongCurrent = session.post("/profile/password", "currentPassword", "not-my-password",
                "newPassword", next, "confirmPassword", next);
        var mismatch = session.post("/profile/password", "currentPassword", agent.password(),
                "newPassword", next, "confirmPassword", next + "!");
        var tooShort = session.post("/profile/password", "currentPassword", agent.password(),
                "newPassword", "short", "confirmPassword", "short");

        assertThat(wrongCurrent.status()).isEqualTo(400);
        assertThat(wrongCurrent.body()).contains("id=\"profile-current-password-error\"", "This is not your current password.");
        assertThat(mismatch.status()).isEqualTo(400);
        assertThat(mismatch.body()).contains("id=\"profile-confirm-password-error\"");
        assertThat(tooShort.status()).isEqualTo(400);
        assertThat(tooShort.body()).contains("id=\"profile-new-password-error\"");
        assertThat(WebSession.anonymousFrom(port, TestData.clientAddress()).signIn(agent.email(), next).location()).endsWith("/login?error");

        var changed = session.post("/profile/password", "currentPassword", agent.password(),
                "newPassword", next, "confirmPassword", next);

        assertThat(changed.status()).isEqualTo(302);
        assertThat(WebSession.anonymous(port).signIn(agent.email(), next).location()).doesNotContain("error");
        assertThat(WebSession.anonymousFrom(port, TestData.clientAddress()).signIn(agent.email(), agent.password()).location()).endsWith("/login?error");
    }

    @Test
    void aTokenCreatedOnTheProfileIsShownOnceAndWorksAsBearerUntilRevoked() throws Exception {
        var created = session.post("/profile/tokens", "name", "Reporting script");

        assertThat(created.status()).isEqualTo(200);
        assertThat(created.body()).contains("id=\"token-created\"", "it will not be shown again");
        String secret = created.find("value=\"(rgd_[A-Za-z0-9_-]+)\"").orElseThrow();
        assertThat(session.get("/profile").body()).as("shown once").doesNotContain(secret).contains("Reporting script");
        assertThat(bearerStatus(secret)).as("the API accepts the token").isIn(200, 404);
        assertThat(bearerStatus(secret.substring(0, secret.length() - 2) + "xx")).isEqualTo(401);

        long id = tokens.activeTokensOf(agent.id()).getFirst().id();
        var revoked = session.post("/profile/tokens/" + id + "/revoke");

        assertThat(revoked.status()).isEqualTo(302);
        assertThat(bearerStatus(secret)).as("a revoked token stops working at once").isEqualTo(401);
        assertThat(tokens.activeTokensOf(agent.id())).isEmpty();
    }

    @Test
    void theTokenSecretIsNotStoredInPlainText() {
        String secret = session.post("/profile/tokens", "name", "CI").find("value=\"(rgd_[A-Za-z0-9_-]+)\"").orElseThrow();
        long id = tokens.activeTokensOf(agent.id()).getFirst().id();

        var row = jdbc.sql("select * from api_token where id = ?").param(id).query().singleRow();

        assertThat(row).isNotEmpty();
        assertThat(row.values()).allSatisfy(value -> assertThat(String.valueOf(value)).doesNotContain(secret));
    }

    @Test
    void aTokenNameIsRequiredAndAnotherAgentsTokenCannotBeRevoked() throws Exception {
        var other = data.agent(Role.AGENT);
        String theirs = data.apiToken(other);
        long theirId = tokens.activeTokensOf(other.id()).getFirst().id();

        var nameless = session.post("/profile/tokens", "name", " ");
        var notMine = session.post("/profile/tokens/" + theirId + "/revoke");

        assertThat(nameless.status()).isEqualTo(400);
        assertThat(nameless.body()).contains("id=\"token-name-error\"").doesNotContain("id=\"token-created\"");
        assertThat(notMine.status()).isEqualTo(404);
        assertThat(bearerStatus(theirs)).isIn(200, 404);
    }

    private int bearerStatus(String token) throws IOException, InterruptedException {
        var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/tickets?limit=1"))
                .header("Authorization", "Bearer " + token).GET().build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }
}
