package org.regard.tickets.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import org.regard.accounts.AgentPrincipal;
import org.regard.tickets.ReplyTemplates;
import org.regard.tickets.ReplyTemplates.Rendered;
import org.regard.tickets.ReplyTemplates.TemplateChanges;
import org.regard.tickets.ReplyTemplates.TemplateView;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;

/**
 * Reply templates over the API: everyone reads and renders them; administrators create, change and delete them.
 * A template carries one variant per language; a variant older than the source language's is {@code stale}.
 */
@RestController
@RequestMapping(path = "/api/v1/templates", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Templates")
class TemplateApi {
    private final ReplyTemplates templates;

    TemplateApi(ReplyTemplates templates) {
        this.templates = templates;
    }

    @Schema(name = "TemplateVariant", description = "One language's text of a template.")
    record VariantResource(
            @Schema(example = "fr") String language,
            @Schema(description = "The text, with placeholders {{customer.name}}, {{customer.preferredName}}, {{agent.name}}, {{ticket.id}}")
            String body,
            Instant updatedAt,
            @Schema(description = "Older than the source language's text: it may no longer say the same") boolean stale) {
    }

    @Schema(name = "Template", description = "A reply the team reuses, with a text per language.")
    record TemplateResource(long id, String name, @Schema(nullable = true) Long category,
                            @Schema(description = "The language the template is written in first", example = "en") String sourceLanguage,
                            Instant updatedAt,
                            @Schema(description = "Changes with every edit") int version,
                            List<VariantResource> variants) {

        static TemplateResource of(TemplateView t) {
            return new TemplateResource(t.id(), t.name(), t.categoryId(), t.sourceLanguage(), t.updatedAt(), t.version(),
                    t.variants().stream().map(v -> new VariantResource(v.language(), v.body(), v.updatedAt(), v.stale())).toList());
        }
    }

    @Schema(name = "TemplateVariantInput", description = "One language's text.")
    record VariantInput(@NotNull String language, @NotNull String body) {
    }

    @Schema(name = "TemplateInput", description = "A template as sent to create or replace it. Variants left out are kept on "
            + "replace; a variant with an empty body is removed.")
    record TemplateInput(@NotNull String name, @Schema(nullable = true) Long category, @NotNull String sourceLanguage,
                         List<@Valid VariantInput> variants, @Schema(nullable = true, description = "The version you saw (optional)") Integer version) {

        TemplateChanges changes() {
            Map<String, String> bodies = new LinkedHashMap<>();
            if (variants != null) {
                variants.forEach(v -> bodies.put(v.language(), v.body()));
            }
            return new TemplateChanges(name, category, sourceLanguage, bodies);
        }
    }

    @Schema(name = "TemplateBody", description = "The text of one variant.")
    record BodyInput(@NotNull String body) {
    }

    @Schema(name = "RenderedTemplate", description = "A template filled in for a ticket.")
    record RenderedResource(long template, @Schema(example = "fr") String language, String body,
                            @Schema(description = "The customer's language has no variant: this is the source language's text")
                            boolean fallback) {
    }

    @GetMapping
    @Operation(operationId = "listTemplates", summary = "Every reply template, by name")
    List<TemplateResource> list() {
        return templates.all().stream().map(TemplateResource::of).toList();
    }

    @GetMapping("/{id}")
    @Operation(operationId = "getTemplate", summary = "One reply template with its variants")
    TemplateResource one(@PathVariable long id) {
        return TemplateResource.of(templates.template(id).orElseThrow(() -> new NoSuchElementException("No template " + id)));
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(operationId = "createTemplate", summary = "Create a reply template (administrators)")
    @ApiResponse(responseCode = "201", description = "Created")
    @ApiResponse(responseCode = "403", description = "Not an administrator",
            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE, schema = @Schema(ref = "#/components/schemas/Problem")))
    ResponseEntity<TemplateResource> create(@Valid @RequestBody TemplateInput input, @AuthenticationPrincipal AgentPrincipal agent) {
        TemplateView created = templates.create(input.changes(), agent);
        return ResponseEntity.created(URI.create("/api/v1/templates/" + created.id())).body(TemplateResource.of(created));
    }

    @PutMapping(path = "/{id}", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(operationId = "replaceTemplate", summary = "Change a reply template (administrators)")
    TemplateResource replace(@PathVariable long id, @Valid @RequestBody TemplateInput input, @AuthenticationPrincipal AgentPrincipal agent) {
        return TemplateResource.of(templates.update(id, input.changes(), input.version(), agent));
    }

    @PutMapping(path = "/{id}/variants/{language}", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(operationId = "putTemplateVariant", summary = "Write one language's text of a template (administrators)")
    TemplateResource variant(@PathVariable long id, @PathVariable String language, @Valid @RequestBody BodyInput input,
                             @AuthenticationPrincipal AgentPrincipal agent) {
        return TemplateResource.of(templates.putVariant(id, language, input.body(), agent));
    }

    @DeleteMapping("/{id}")
    @Operation(operationId = "deleteTemplate", summary = "Delete a reply template (administrators)")
    @ApiResponse(responseCode = "204", description = "Deleted")
    ResponseEntity<Void> delete(@PathVariable long id, @AuthenticationPrincipal AgentPrincipal agent) {
        templates.delete(id, agent);
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/{id}/render")
    @Operation(operationId = "renderTemplate", summary = "Fill a template in for a ticket, in its customer's language")
    RenderedResource render(@PathVariable long id, @RequestParam long ticket, @AuthenticationPrincipal AgentPrincipal agent) {
        Rendered r = templates.render(id, ticket, agent);
        return new RenderedResource(r.templateId(), r.language(), r.body(), r.fallback());
    }

    @ExceptionHandler(ReplyTemplates.TemplateForbidden.class)
    ResponseEntity<Object> forbidden(ReplyTemplates.TemplateForbidden e) {
        ErrorResponseException problem = new ErrorResponseException(HttpStatus.FORBIDDEN);
        problem.getBody().setDetail(e.getMessage());
        return ResponseEntity.status(HttpStatus.FORBIDDEN).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem.getBody());
    }
}
