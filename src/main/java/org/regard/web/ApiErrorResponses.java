package org.regard.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Documents the problem details the API answers with, so clients know every status they must handle.
 * The rules follow how the API fails, in one place rather than on every handler:
 * <ul>
 *   <li>every call: 400 (bad input), 401 (no or wrong credentials) and 429 (HTTP Basic after too many failed
 *   sign-ins);</li>
 *   <li>calls on one record ({@code /{id}}): 404; on one ticket also 403 (another team's ticket); changes of one
 *   customer (anything but a read) also 403 (a customer without a ticket in the caller's teams);</li>
 *   <li>the administration calls (agents, teams, categories, the audit log): 403 for anyone but an administrator;</li>
 *   <li>calls with a body: 413 (over the size limit); with {@code If-Match}: 412 (stale version).</li>
 * </ul>
 * A 409 depends on the use case and is declared on the handler itself. Also writes {@code null}-able
 * references the OpenAPI 3.1 way ({@code anyOf} the reference and {@code null}).
 */
@Component
class ApiErrorResponses implements OpenApiCustomizer {
    static final String PROBLEM = "Problem";
    static final String PROBLEM_JSON = org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON_VALUE;
    /** The paths only administrators may call (refused by the API security chain). */
    static final List<String> ADMINISTRATION = List.of("/api/v1/agents", "/api/v1/teams", "/api/v1/categories", "/api/v1/audit", "/api/v1/review-rules");

    @Override
    public void customise(OpenAPI openApi) {
        Components components = openApi.getComponents() == null ? new Components() : openApi.getComponents();
        openApi.setComponents(components);
        components.addSchemas(PROBLEM, problemSchema());
        components.addSchemas("FieldError", new ObjectSchema()
                .description("One thing wrong with the input")
                .addProperty("field", new StringSchema().description("The field (customer.email, emails[1]), parameter or header"))
                .addProperty("message", new StringSchema().description("What is wrong with it"))
                .required(List.of("field", "message")));
        responses().forEach(components::addResponses);
        if (openApi.getPaths() != null) {
            openApi.getPaths().forEach(this::documentErrors);
        }
        if (components.getSchemas() != null) {
            components.getSchemas().values().forEach(ApiErrorResponses::nullableReferences);
        }
    }

    private void documentErrors(String path, PathItem item) {
        if (!path.startsWith("/api/")) {
            return;
        }
        item.readOperationsMap().forEach((method, operation) -> {
            ApiResponses responses = operation.getResponses() == null ? new ApiResponses() : operation.getResponses();
            operation.setResponses(responses);
            add(responses, "400", "BadRequest");
            add(responses, "401", "Unauthorized");
            add(responses, "429", "TooManyRequests");
            if (path.contains("{")) {
                add(responses, "404", "NotFound");
            }
            if (path.startsWith("/api/v1/tickets/{")
                    || path.startsWith("/api/v1/customers/{") && method != PathItem.HttpMethod.GET) {
                add(responses, "403", "Forbidden");
            }
            if (ADMINISTRATION.stream().anyMatch(path::startsWith)) {
                add(responses, "403", "AdministratorsOnly");
            }
            if (operation.getRequestBody() != null) {
                add(responses, "413", "ContentTooLarge");
            }
            if (takesHeader(operation, HttpHeaders.IF_MATCH)) {
                add(responses, "412", "PreconditionFailed");
            }
            sortByStatus(operation);
        });
    }

    private static Map<String, ApiResponse> responses() {
        Map<String, ApiResponse> responses = new TreeMap<>();
        responses.put("BadRequest", problem("Invalid input: a field, parameter or header, a body that is not JSON, text "
                + "that cannot be stored (the NUL character, half of a UTF-16 surrogate pair), or a path the server refuses "
                + "(`..%2f`, `;`). `errors` names each field that needs a change."));
        responses.put("Unauthorized", problem("No credentials, a wrong password, or an unknown or revoked API token."));
        responses.put("TooManyRequests", problem("HTTP Basic refused before the password was checked: too many failed "
                + "sign-ins from this client address or for this account name. `Retry-After` gives the seconds to wait; "
                + "an API token is never throttled."));
        responses.put("Forbidden", problem("The ticket belongs to a team the caller is not part of, or the customer "
                + "(for a merge: either customer; for a promise: its ticket or team) has no ticket in one."));
        responses.put("AdministratorsOnly", problem("Only administrators may call this; agents and team leads may not."));
        responses.put("NotFound", problem("No such record."));
        responses.put("PreconditionFailed", problem("The If-Match version is stale: someone changed the record since "
                + "it was read. Nothing was changed; `currentVersion` says where it is now."));
        responses.put("ContentTooLarge", problem("The request body is larger than the API accepts."));
        return responses;
    }

    private static ApiResponse problem(String description) {
        return new ApiResponse().description(description).content(new Content()
                .addMediaType(PROBLEM_JSON, new MediaType().schema(new Schema<>().$ref(PROBLEM))));
    }

    @SuppressWarnings("rawtypes")
    private static Schema problemSchema() {
        return new ObjectSchema()
                .description("An RFC 9457 problem: what went wrong, for a person to read and a program to act on.")
                .addProperty("type", new StringSchema().description("about:blank: the status says it all"))
                .addProperty("title", new StringSchema().description("Short summary of the kind of problem"))
                .addProperty("status", new IntegerSchema().description("The HTTP status"))
                .addProperty("detail", new StringSchema().description("What happened and what to do about it"))
                .addProperty("instance", new StringSchema().description("The path that was called"))
                .addProperty("errors", new ArraySchema().items(new Schema<>().$ref("FieldError"))
                        .description("Invalid input only: each field, parameter or header to correct"))
                .addProperty("allowed", new ArraySchema().items(new StringSchema())
                        .description("Refused status changes only: the statuses the ticket may move to"))
                .addProperty("currentVersion", new IntegerSchema()
                        .description("Stale versions (412) only: the record's version now"))
                .required(List.of("title", "status", "detail"));
    }

    private static void add(ApiResponses responses, String status, String component) {
        responses.computeIfAbsent(status, s -> new ApiResponse().$ref(component));
    }

    private static boolean takesHeader(Operation operation, String header) {
        return operation.getParameters() != null && operation.getParameters().stream()
                .map(Parameter::getName).anyMatch(header::equalsIgnoreCase);
    }

    private static void sortByStatus(Operation operation) {
        ApiResponses sorted = new ApiResponses();
        new TreeMap<>(operation.getResponses()).forEach(sorted::addApiResponse);
        operation.setResponses(sorted);
    }

    /** {@code "type": "null", "$ref": ...} (how a nullable reference comes out) becomes {@code anyOf: [$ref, null]}. */
    @SuppressWarnings({"rawtypes", "unchecked"})
    private static void nullableReferences(Schema schema) {
        if (schema.getProperties() == null) {
            return;
        }
        Map<String, Schema> properties = schema.getProperties();
        properties.replaceAll((name, property) -> {
            boolean nullableReference = property.get$ref() != null
                    && (property.getTypes() != null && property.getTypes().contains("null") || "null".equals(property.getType()));
            if (!nullableReference) {
                return property;
            }
            return new Schema<>().description(property.getDescription())
                    .anyOf(List.of(new Schema<>().$ref(property.get$ref()), new Schema<>().types(Set.of("null"))));
        });
    }
}
