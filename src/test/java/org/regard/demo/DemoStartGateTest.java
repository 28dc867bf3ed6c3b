package org.regard.demo;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.regard.support.ChildRegard;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A visitor who opens Regard while the demo desk is still loading gets a "loading the demo" page that reloads itself,
 * never a half-filled desk: Regard started as its own process on an empty embedded database with the demo on, and its
 * first page asked every few milliseconds from the moment the port answers.
 */
class DemoStartGateTest {

    @TempDir
    Path work;

    @Test
    void noPageAnswersBeforeTheDemoIsLoaded() throws Exception {
        Path log = work.resolve("regard.log");
        Map<String, String> properties = Map.of(
                "regard.data-dir", work.resolve("data").toString(),
                "regard.demo", "true",
                "regard.admin.password", "a long admin password for the gate",
                "logging.level.root", "WARN");
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofMillis(500)).build();
        int waitingPages = 0;
        String waitingPage = null;
        String refresh = null;
        try (ChildRegard regard = ChildRegard.launch(properties, log)) {
            Instant deadline = Instant.now().plus(Duration.ofSeconds(240));
            HttpResponse<String> first = null;
            while (Instant.now().isBefore(deadline)) {
                assertThat(regard.alive()).as("Regard stopped while starting; see %s", log).isTrue();
                HttpResponse<String> response;
                try {
                    response = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + regard.port() + "/login"))
                            .header("Accept-Language", "fr").timeout(Duration.ofSeconds(5)).build(),
                            HttpResponse.BodyHandlers.ofString());
                } catch (IOException notListeningYet) {
                    Thread.sleep(50);
                    continue;
                }
                if (response.statusCode() != 503) {
                    first = response;
                    break;
                }
                waitingPages++;
                waitingPage = response.body();
                refresh = response.headers().firstValue("Refresh").orElse(null);
                Thread.sleep(50);
            }
            assertThat(first).as("Regard never opened its door; see %s", log).isNotNull();
            // the demo announces itself when its last ticket is written: that must be before the first page answers
            assertThat(Files.readString(log)).as("the demo had finished loading when the first page answered")
                    .contains("Regard loaded the demo desk");
            assertThat(first.statusCode()).isEqualTo(200);
        }
        assertThat(waitingPages).as("the sign-in page was asked while the demo was loading").isPositive();
        assertThat(waitingPage).contains("lang=\"fr\"").contains("Regard charge le bureau de démonstration");
        assertThat(refresh).isEqualTo("3");
    }
}
