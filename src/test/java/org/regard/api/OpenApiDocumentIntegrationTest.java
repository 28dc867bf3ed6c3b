package org.regard.api;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.regard.support.IntegrationTest;
import org.regard.tickets.Channel;
import org.regard.tickets.MessageKind;
import org.regard.tickets.Priority;
import org.regard.tickets.TicketStatus;
import org.regard.tickets.TouchDirection;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/** The OpenAPI document tells a client developer everything the API does, and tells it correctly. */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OpenApiDocumentIntegrationTest {
    @LocalServerPort
    int port;

    JsonNode document;

    @BeforeAll
    void readTheDocumentWithoutSigningIn() {
        var reply = new ApiClient(port).get("/v3/api-docs").send();
        assertThat(reply.status()).isEqualTo(200);
        document = reply.json();
    }

    @Test
    void preferenceFieldsDescribeTheirLabelsPerLanguageAndTheOptionsOfAChoice() {
        JsonNode schemas = document.get("components").get("schemas");
        JsonNode field = schemas.get("PreferenceField").get("properties");
        assertThat(field.propertyNames()).contains("label", "labels", "type", "options");
        assertThat(field.get("type").get("enum").valueStream().map(JsonNode::asString).toList())
                .containsExactly("text", "number", "date", "yes-no", "choice");
        assertThat(field.get("labels").get("description").asString()).contains("en, fr, de, vi");
        assertThat(field.get("options").get("description").asString()).contains("choice");
        assertThat(schemas.get("NewPreferenceField").get("properties").propertyNames()).contains("labels", "options");
        assertThat(schemas.get("PreferenceFieldChanges").get("properties").get("labels").get("description").asString())
                .contains("replaces");
        assertThat(schemas.get("PreferenceFieldChanges").get("properties").get("options").get("description").asString())
                .contains("stay stored");
    }

    @Test
    void listsEveryEndpointWithASummary() {
        JsonNode paths = document.get("paths");

        assertThat(paths.propertyNames()).containsExactlyInAnyOrder(
                "/api/v1/tickets", "/api/v1/tickets/{id}", "/api/v1/tickets/bulk", "/api/v1/tickets/{ticketId}/messages",
                "/api/v1/tickets/{ticketId}/messages/{messageId}",
                "/api/v1/tickets/{ticketId}/messages/{messageId}/resubmit", "/api/v1/tickets/{ticketId}/messages/{messageId}/withdraw",
                "/api/v1/customers", "/api/v1/customers/{id}",
                "/api/v1/attachments/{id}", "/api/v1/search", "/api/v1/templates", "/api/v1/templates/{id}",
                "/api/v1/templates/{id}/variants/{language}", "/api/v1/templates/{id}/render",
                // customer memory
                "/api/v1/preference-fields", "/api/v1/preference-fields/{id}",
                "/api/v1/customers/{customerId}/promises", "/api/v1/customers/{customerId}/promises/{promiseId}",
                "/api/v1/customers/{id}/duplicates", "/api/v1/customers/{id}/merge",
                // the team's manual
                "/api/v1/procedures", "/api/v1/procedures/{id}", "/api/v1/procedures/{id}/versions/{number}",
                "/api/v1/procedures/{id}/versions", "/api/v1/procedures/{id}/moves", "/api/v1/tickets/{id}/checklist",
                "/api/v1/tickets/{id}/checklist/steps/{stepKey}", "/api/v1/procedures/{id}/retire",
                // problems spread over several tickets
                "/api/v1/tickets/{id}/links", "/api/v1/tickets/{id}/links/{other}", "/api/v1/tickets/{id}/merge",
                // gestures
                "/api/v1/tickets/{id}/gestures", "/api/v1/customers/{id}/gestures", "/api/v1/gesture-limits",
                "/api/v1/gesture-limits/{id}", "/api/v1/gestures/sums",
                // the customer's rating
                "/api/v1/ratings", "/api/v1/tickets/{id}/ratings", "/api/v1/rating-settings", "/api/v1/rating-settings/{teamId}",
                // a second pair of eyes
                "/api/v1/reviews", "/api/v1/reviews/{id}", "/api/v1/reviews/{id}/approve", "/api/v1/reviews/{id}/return",
                // touch budgets, root causes
                "/api/v1/touch-budgets", "/api/v1/touch-budgets/default", "/api/v1/touch-budgets/categories/{id}",
                "/api/v1/root-causes/{teamId}", "/api/v1/tickets/{id}/root-cause",
                // the guardrail reports
                "/api/v1/reports/touches", "/api/v1/reports/outcomes", "/api/v1/reports/reopens", "/api/v1/reports/backlog",
                "/api/v1/reports/volume", "/api/v1/reports/flags", "/api/v1/reports/purchases", "/api/v1/reports/top-purchases",
                "/api/v1/reports/satisfaction",
                // administration
                "/api/v1/review-rules", "/api/v1/review-rules/{id}",
                "/api/v1/agents", "/api/v1/agents/{id}", "/api/v1/teams", "/api/v1/teams/{id}",
                "/api/v1/categories", "/api/v1/categories/{id}", "/api/v1/tiers", "/api/v1/tiers/{key}", "/api/v1/audit");
        assertThat(paths.get("/api/v1/tickets").propertyNames()).containsExactlyInAnyOrder("get", "post");
        assertThat(paths.get("/api/v1/tickets/{id}").propertyNames()).containsExactlyInAnyOrder("get", "patch");
        assertThat(paths.get("/api/v1/customers/{id}").propertyNames()).containsExactlyInAnyOrder("get", "patch");
        assertThat(operations()).allSatisfy(op -> assertThat(op.path("summary").asString()).isNotBlank());
    }

    @Test
    void theTouchesOfATicketCarryTheirBudgetAndTheCategoriesTheirPair() {
        JsonNode schemas = document.get("components").get("schemas");
        JsonNode touches = schemas.get("Touches").get("properties");
        assertThat(touches.propertyNames()).contains("in", "out", "total", "expected", "alarm", "state", "handoffs", "reopenings");
        assertThat(touches.get("state").get("enum").valueStream().map(JsonNode::asString).toList())
                .containsExactly("within", "over_expected", "alarm");
        assertThat(schemas.get("Ticket").get("properties").propertyNames()).contains("flag", "rootCause");
        assertThat(schemas.get("Category").get("properties").propertyNames()).contains("expectedTouches", "alarmTouches");
        assertThat(schemas.get("CategoryChanges").get("properties").propertyNames()).contains("expectedTouches", "alarmTouches");
    }

    @Test
    void declaresBothWaysToAuthenticateForEveryCall() {
        JsonNode schemes = document.get("components").get("securitySchemes");

        assertThat(schemes.get("apiToken").get("type").asString()).isEqualTo("http");
        assertThat(schemes.get("apiToken").get("scheme").asString()).isEqualTo("bearer");
        assertThat(schemes.get("basicAuth").get("type").asString()).isEqualTo("http");
        assertThat(schemes.get("basicAuth").get("scheme").asString()).isEqualTo("basic");
        assertThat(document.get("security")).extracting(s -> s.propertyNames().iterator().next())
                .containsExactlyInAnyOrder("apiToken", "basicAuth");
    }

    @Test
    void documentsProblemDetailsForTheErrorsEachCallCanAnswer() {
        JsonNode patch = document.get("paths").get("/api/v1/tickets/{id}").get("patch").get("responses");
        assertThat(patch.propertyNames()).contains("200", "400", "401", "403", "404", "409", "412");
        assertThat(document.get("components").get("responses").get("BadRequest").get("content").propertyNames())
                .containsExactly("application/problem+json");
        assertThat(document.get("components").get("schemas").get("Problem").get("properties").propertyNames())
                .contains("type", "title", "status", "detail", "instance", "errors");
        assertThat(operations()).allSatisfy(op -> assertThat(op.get("responses").propertyNames()).contains("400", "401", "429"));
    }

    @Test
    void documentsTheAdministrationCallsAsAdministratorsOnly() {
        JsonNode paths = document.get("paths");
        assertThat(paths.get("/api/v1/agents/{id}").propertyNames()).containsExactlyInAnyOrder("get", "patch");
        assertThat(paths.get("/api/v1/agents/{id}").get("patch").get("responses").propertyNames())
                .contains("200", "400", "401", "403", "404", "409");
        for (String path : List.of("/api/v1/agents", "/api/v1/teams", "/api/v1/categories", "/api/v1/audit", "/api/v1/review-rules")) {
            assertThat(paths.get(path).get("get").get("responses").get("403").get("$ref").asString())
                    .as(path).endsWith("/AdministratorsOnly");
        }
        JsonNode agent = document.get("components").get("schemas").get("Agent").get("properties");
        assertThat(agent.propertyNames()).contains("email", "name", "role", "teams", "languages", "active",
                "probationUntil", "reviewer").doesNotContain("password");
        assertThat(document.get("components").get("schemas").get("AgentChanges").get("properties").propertyNames())
                .doesNotContain("password", "sent", "unknown");
    }

    @Test
    void everyReferenceLeadsToADefinition() {
        List<String> refs = new ArrayList<>();
        collectRefs(document, refs);

        assertThat(refs).isNotEmpty().allSatisfy(ref -> {
            String[] parts = ref.replace("#/", "").split("/");
            assertThat(document.at("/" + String.join("/", parts)).isMissingNode()).as(ref).isFalse();
        });
    }

    @Test
    void spellsTheTicketWordsAsTheApiAcceptsThem() {
        JsonNode ticket = document.get("components").get("schemas").get("Ticket").get("properties");
        JsonNode message = document.get("components").get("schemas").get("Message").get("properties");

        assertThat(enumOf(ticket.get("status"))).containsExactlyElementsOf(lower(TicketStatus.values()));
        assertThat(enumOf(ticket.get("priority"))).containsExactlyElementsOf(lower(Priority.values()));
        assertThat(enumOf(ticket.get("channel"))).containsExactlyElementsOf(lower(Channel.values()));
        assertThat(enumOf(message.get("kind"))).containsExactlyElementsOf(lower(MessageKind.values()));
        assertThat(enumOf(message.get("direction"))).containsExactly("inbound", "outbound", "internal");
    }

    @Test
    void describesTheEmailSideOfMessagesAndTheirFiles() {
        JsonNode schemas = document.get("components").get("schemas");
        JsonNode message = schemas.get("Message").get("properties");

        assertThat(message.propertyNames()).contains("direction", "sender", "recipients", "messageId", "visibleText",
                "autoReply", "bounce", "attachments", "delivery");
        assertThat(schemas.get("MailSender").get("properties").propertyNames()).containsExactlyInAnyOrder("name", "address");
        assertThat(schemas.get("MailRecipients").get("properties").propertyNames()).containsExactlyInAnyOrder("to", "cc");
        assertThat(schemas.get("Attachment").get("properties").propertyNames())
                .containsExactlyInAnyOrder("id", "fileName", "contentType", "size", "href");
        JsonNode delivery = schemas.get("Delivery").get("properties");
        assertThat(delivery.propertyNames()).containsExactlyInAnyOrder("state", "reason", "attempts", "sentAt", "stuck");
        assertThat(enumOf(delivery.get("state"))).containsExactly("queued", "sending", "sent", "failed", "cancelled", "uncertain",
                "recorded");
        assertThat(schemas.get("NewMessage").get("properties").propertyNames()).contains("toldBy", "assignToMe");
        JsonNode download = document.get("paths").get("/api/v1/attachments/{id}").get("get");
        assertThat(download.get("summary").asString()).isNotBlank();
        assertThat(download.get("responses").propertyNames()).contains("200", "401", "403", "404");
    }

    private List<JsonNode> operations() {
        List<JsonNode> operations = new ArrayList<>();
        document.get("paths").forEach(path -> path.forEach(operations::add));
        return operations;
    }

    private static void collectRefs(JsonNode node, List<String> refs) {
        if (node.isObject()) {
            node.properties().forEach(e -> {
                if (e.getKey().equals("$ref")) {
                    refs.add(e.getValue().asString());
                } else {
                    collectRefs(e.getValue(), refs);
                }
            });
        } else if (node.isArray()) {
            node.forEach(child -> collectRefs(child, refs));
        }
    }

    private static List<String> enumOf(JsonNode property) {
        List<String> values = new ArrayList<>();
        property.get("enum").forEach(v -> {
            if (!v.isNull()) {
                values.add(v.asString());
            }
        });
        return values;
    }

    private static List<String> lower(Enum<?>[] constants) {
        return Arrays.stream(constants).map(c -> c.name().toLowerCase(Locale.ROOT)).toList();
    }
}
