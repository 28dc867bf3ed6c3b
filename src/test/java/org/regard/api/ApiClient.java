package org.regard.api;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Calls the running application over real HTTP, as an API client would: no Spring test client, no
 * shortcuts. Bodies are JSON built from maps, or raw text for the calls that must be malformed.
 */
public final class ApiClient {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final HttpClient http;
    private final String base;

    public ApiClient(int port) {
        this(port, null);
    }

    /** A client connecting from this loopback address (e.g. {@code 127.0.4.7}), for tests of per-address rules. */
    public ApiClient(int port, String clientAddress) {
        this.base = "http://127.0.0.1:" + port;
        this.http = org.regard.support.WebSession.connectingFrom(clientAddress).connectTimeout(Duration.ofSeconds(10)).build();
    }

    public static String bearer(String token) {
        return "Bearer " + token;
    }

    public static String basic(String email, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((email + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    public static String json(Object value) {
        return JSON.writeValueAsString(value);
    }

    public Call get(String path) {
        return new Call("GET", path);
    }

    public Call post(String path) {
        return new Call("POST", path);
    }

    public Call patch(String path) {
        return new Call("PATCH", path);
    }

    public Call put(String path) {
        return new Call("PUT", path);
    }

    public Call delete(String path) {
        return new Call("DELETE", path);
    }

    /** One request being put together. */
    public final class Call {
        private final String method;
        private final String path;
        private final Map<String, String> headers = new LinkedHashMap<>();
        private HttpRequest.BodyPublisher body = HttpRequest.BodyPublishers.noBody();

        private Call(String method, String path) {
            this.method = method;
            this.path = path;
            headers.put("Accept", "application/json, application/problem+json");
        }

        public Call auth(String authorization) {
            return header("Authorization", authorization);
        }

        public Call header(String name, String value) {
            headers.put(name, value);
            return this;
        }

        /** A JSON body made from maps, lists and values; {@code null} values are sent as JSON null. */
        public Call json(Object value) {
            return raw(ApiClient.json(value), "application/json");
        }

        public Call raw(String text, String contentType) {
            headers.put("Content-Type", contentType);
            body = HttpRequest.BodyPublishers.ofString(text, StandardCharsets.UTF_8);
            return this;
        }

        /** Sends a body without a Content-Length (chunked), as streaming clients do. */
        public Call chunked(byte[] bytes, String contentType) {
            headers.put("Content-Type", contentType);
            body = HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(bytes));
            return this;
        }

        public Reply send() {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30))
                    .method(method, body);
            headers.forEach(request::header);
            try {
                HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
                return new Reply(response);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    /** An answer: status, headers and the body, read as JSON on demand. */
    public record Reply(HttpResponse<String> response) {
        public int status() {
            return response.statusCode();
        }

        public String body() {
            return response.body();
        }

        public JsonNode json() {
            return JSON.readTree(response.body());
        }

        public Optional<String> header(String name) {
            return response.headers().firstValue(name);
        }

        public String contentType() {
            return header("Content-Type").orElse("");
        }

        @Override
        public String toString() {
            return status() + " " + body();
        }
    }
}
