package org.regard.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Writes a problem document straight to the response, for the failures that happen before (or
 * outside) a controller, where {@link ApiProblems} cannot answer: the same shape, the same media type.
 */
final class ProblemJson {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private ProblemJson() {
    }

    static void write(HttpServletRequest request, HttpServletResponse response, ProblemDetail problem) throws IOException {
        if (problem.getInstance() == null) {
            problem.setInstance(URI.create(request.getRequestURI()));
        }
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("type", problem.getType() == null ? "about:blank" : problem.getType().toString());
        fields.put("title", problem.getTitle());
        fields.put("status", problem.getStatus());
        fields.put("detail", problem.getDetail());
        fields.put("instance", problem.getInstance().toString());
        if (problem.getProperties() != null) {
            fields.putAll(problem.getProperties());
        }
        response.setStatus(problem.getStatus());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        JSON.writeValue(response.getOutputStream(), fields);
    }
}
