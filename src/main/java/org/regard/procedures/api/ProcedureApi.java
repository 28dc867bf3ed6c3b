package org.regard.procedures.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.regard.accounts.AgentPrincipal;
import org.regard.procedures.CategoryTaken;
import org.regard.procedures.ProcedureConflict;
import org.regard.procedures.ProcedureDraft;
import org.regard.procedures.ProcedureForbidden;
import org.regard.procedures.ProcedureInvalid;
import org.regard.procedures.ProcedureNotFound;
import org.regard.procedures.ProcedureRetired;
import org.regard.procedures.ProcedureVersion;
import org.regard.procedures.Procedures;
import org.regard.procedures.Procedures.ProcedureSummary;
import org.regard.procedures.Procedures.ProcedureView;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Procedures over the API: every agent reads them; an administrator, or a lead for the teams they lead, creates them
 * and publishes new versions. A version, once published, never changes; a step keeps its {@code key} from one version
 * to the next when the new version sends it back.
 */
@RestController
@RequestMapping(path = "/api/v1/procedures", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Procedures")
class ProcedureApi {
    private static final String PROBLEM = "#/components/schemas/Problem";
    private final Procedures procedures;

    ProcedureApi(Procedures procedures) {
        this.procedures = procedures;
    }

    @Schema(name = "ProcedureSummary", description = "A procedure in the list, with its current version's titles.")
    record SummaryResource(long id, long team, List<Long> categories, int version, Instant publishedAt,
                           @Schema(example = "en") String sourceLanguage,
                           @Schema(description = "Title per language code") Map<String, String> titles,
                           @Schema(nullable = true, description = "When it was retired (it applies to no new ticket); null while it applies")
                           Instant retiredAt) {
        static SummaryResource of(ProcedureSummary s) {
            return new SummaryResource(s.id(), s.teamId(), s.categoryIds(), s.version(), s.publishedAt(), s.sourceLanguage(), s.titles(),
                    s.retiredAt());
        }
    }

    @Schema(name = "ProcedureStep", description = "One step of a version.")
    record StepResource(int number,
                        @Schema(description = "Stays the same across versions", example = "s3") String key,
                        @Schema(description = "The step's text per language code") Map<String, String> texts,
                        boolean required,
                        @Schema(description = "Only once the step before is done") boolean afterPrevious,
                        @Schema(nullable = true, description = "A reply template to use") Long template,
                        @Schema(nullable = true, allowableValues = {"text", "number", "date", "yes-no"},
                                description = "The kind of value the agent fills in, or null") String fieldType,
                        @Schema(description = "The field's label per language code") Map<String, String> fieldLabels,
                        @Schema(description = "Ticking the step with a value sets the ticket's purchase reference") boolean purchaseRef) {
        static StepResource of(ProcedureVersion.Step s) {
            return new StepResource(s.number(), s.key(), s.texts(), s.required(), s.afterPrevious(), s.templateId(),
                    s.fieldType() == null ? null : s.fieldType().code(), s.fieldLabels(), s.purchaseRef());
        }
    }

    @Schema(name = "ProcedureVersion", description = "One published version of a procedure, whole. Never changed once published.")
    record VersionResource(long procedure, long team, int number, Instant publishedAt,
                           @Schema(nullable = true, description = "The agent who published it") Long publishedBy,
                           @Schema(example = "en") String sourceLanguage,
                           @Schema(allowableValues = {"warn", "block"}, description = "What closing a ticket with a required step left undone does")
                           String gate,
                           List<Long> categories, Map<String, String> titles, Map<String, String> appliesWhen,
                           List<StepResource> steps) {
        static VersionResource of(ProcedureVersion v) {
            return new VersionResource(v.procedureId(), v.teamId(), v.number(), v.publishedAt(), v.publishedBy(),
                    v.sourceLanguage(), v.gate().code(), v.categoryIds(), v.titles(), v.appliesWhen(),
                    v.steps().stream().map(StepResource::of).toList());
        }
    }

    @Schema(name = "ProcedureVersionStamp", description = "When a version was published and by whom.")
    record StampResource(int number, Instant publishedAt, @Schema(nullable = true) Long publishedBy) {
    }

    @Schema(name = "Procedure", description = "A procedure: its versions, oldest first, and the current one whole.")
    record ProcedureResource(long id, long team, List<StampResource> versions, VersionResource current,
                             @Schema(nullable = true, description = "When it was retired; null while it applies") Instant retiredAt,
                             @Schema(nullable = true, description = "Who retired it") Long retiredBy) {
        static ProcedureResource of(ProcedureView p) {
            return new ProcedureResource(p.id(), p.teamId(),
                    p.versions().stream().map(s -> new StampResource(s.number(), s.publishedAt(), s.publishedBy())).toList(),
                    VersionResource.of(p.current()), p.retiredAt(), p.retiredBy());
        }
    }

    @Schema(name = "ProcedureStepInput", description = "One step. Send the key of a step of the version before to keep it; "
            + "leave it out for a new step.")
    record StepInput(@Schema(nullable = true, example = "s3") String key,
                     @Schema(description = "Text per language code; the source language's is required") Map<String, String> texts,
                     @Schema(nullable = true, description = "Defaults to true") Boolean required,
                     @Schema(nullable = true, description = "Defaults to false") Boolean afterPrevious,
                     @Schema(nullable = true) Long template,
                     @Schema(nullable = true, allowableValues = {"text", "number", "date", "yes-no"}) String fieldType,
                     @Schema(nullable = true, description = "The field's label per language; the source language's is required with a field")
                     Map<String, String> fieldLabels,
                     @Schema(nullable = true, description = "The field (of type text) gives the ticket's purchase reference: "
                             + "ticking the step with a value sets it; one step per procedure at most. Defaults to false")
                     Boolean purchaseRef) {
        ProcedureDraft.StepDraft draft() {
            return new ProcedureDraft.StepDraft(key, texts, required == null || required, afterPrevious != null && afterPrevious,
                    template, fieldType, fieldLabels, purchaseRef != null && purchaseRef);
        }
    }

    @Schema(name = "ProcedureInput", description = "A version to publish. Titles up to 200 characters, step texts up to 2000, "
            + "at most 50 steps, at least one step and one category.")
    record ProcedureInput(@Schema(nullable = true, description = "The owning team (when creating; a procedure stays with its team)") Long team,
                          List<Long> categories,
                          @Schema(example = "en", description = "The language written first; its texts are required") String sourceLanguage,
                          @Schema(nullable = true, allowableValues = {"warn", "block"}, description = "Defaults to warn") String gate,
                          Map<String, String> titles,
                          @Schema(nullable = true) Map<String, String> appliesWhen,
                          List<StepInput> steps,
                          @Schema(nullable = true, description = "The version you started from: refused with 409 if another was published since")
                          Integer basedOn) {
        ProcedureDraft draft() {
            return new ProcedureDraft(team, categories, sourceLanguage, gate, titles, appliesWhen,
                    steps == null ? null : steps.stream().map(s -> s == null ? null : s.draft()).toList(), basedOn);
        }
    }

    @GetMapping
    @Operation(operationId = "listProcedures", summary = "Every procedure, most recently published first")
    List<SummaryResource> list() {
        return procedures.all().stream().map(SummaryResource::of).toList();
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(operationId = "createProcedure", summary = "Create a procedure and publish its first version (administrators, the team's leads)")
    @ApiResponse(responseCode = "201", description = "Created")
    @ApiResponse(responseCode = "403", description = "Neither an administrator nor a lead of the team",
            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE, schema = @Schema(ref = PROBLEM)))
    @ApiResponse(responseCode = "409", description = "A category already has a procedure of this team",
            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE, schema = @Schema(ref = PROBLEM)))
    ResponseEntity<ProcedureResource> create(@RequestBody ProcedureInput input, @AuthenticationPrincipal AgentPrincipal agent) {
        ProcedureView created = procedures.create(input.draft(), agent);
        return ResponseEntity.created(URI.create("/api/v1/procedures/" + created.id())).body(ProcedureResource.of(created));
    }

    @GetMapping("/{id}")
    @Operation(operationId = "getProcedure", summary = "One procedure: its versions and the current one whole")
    @ApiResponse(responseCode = "404", description = "No such procedure",
            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE, schema = @Schema(ref = PROBLEM)))
    ProcedureResource one(@PathVariable long id) {
        return ProcedureResource.of(procedures.procedure(id).orElseThrow(() -> new ProcedureNotFound(id)));
    }

    @GetMapping("/{id}/versions/{number}")
    @Operation(operationId = "getProcedureVersion", summary = "One version of a procedure, old or current")
    @ApiResponse(responseCode = "404", description = "No such procedure or version",
            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE, schema = @Schema(ref = PROBLEM)))
    VersionResource version(@PathVariable long id, @PathVariable int number) {
        return VersionResource.of(procedures.version(id, number).orElseThrow(() -> new ProcedureNotFound(id, number)));
    }

    @PostMapping(path = "/{id}/versions", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(operationId = "publishProcedureVersion", summary = "Publish the next version of a procedure (administrators, the team's leads)")
    @ApiResponse(responseCode = "201", description = "Published")
    @ApiResponse(responseCode = "403", description = "Neither an administrator nor a lead of the procedure's team",
            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE, schema = @Schema(ref = PROBLEM)))
    @ApiResponse(responseCode = "404", description = "No such procedure",
            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE, schema = @Schema(ref = PROBLEM)))
    @ApiResponse(responseCode = "409", description = "A category already has a procedure of this team, another version was published since basedOn, or the procedure is retired",
            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE, schema = @Schema(ref = PROBLEM)))
    ResponseEntity<VersionResource> publish(@PathVariable long id, @RequestBody ProcedureInput input,
                                            @AuthenticationPrincipal AgentPrincipal agent) {
        ProcedureView published = procedures.publish(id, input.draft(), agent);
        int number = published.current().number();
        return ResponseEntity.created(URI.create("/api/v1/procedures/" + id + "/versions/" + number))
                .body(VersionResource.of(published.current()));
    }

    @Schema(name = "ProcedureMoveInput", description = "Which tickets to move to the procedure's current version.")
    record MoveInput(@Schema(nullable = true, description = "Ticket ids; absent or null: every open ticket following an older version")
                     List<Long> tickets) {
    }

    @Schema(name = "ProcedureMoves", description = "The tickets moved and the version they follow now. Tickets named that do "
            + "not follow an older version (already moved, resolved or closed, not on this procedure) are not in moved.")
    record MovesResource(List<Long> moved, int toVersion) {
    }

    @PostMapping("/{id}/moves")
    @Operation(operationId = "moveProcedureTickets", summary = "Move open tickets following an older version to the current one "
            + "(administrators, the team's leads); steps already done that the current version still has stay done")
    @ApiResponse(responseCode = "200", description = "Moved")
    @ApiResponse(responseCode = "403", description = "Neither an administrator nor a lead of the procedure's team",
            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE, schema = @Schema(ref = PROBLEM)))
    @ApiResponse(responseCode = "404", description = "No such procedure",
            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE, schema = @Schema(ref = PROBLEM)))
    MovesResource move(@PathVariable long id, @RequestBody(required = false) MoveInput input,
                       @AuthenticationPrincipal AgentPrincipal agent) {
        Optional<Collection<Long>> tickets = input == null || input.tickets() == null ? Optional.empty()
                : Optional.of(input.tickets().stream().filter(Objects::nonNull).toList());
        Procedures.Moved moved = procedures.moveToCurrent(id, tickets, agent);
        return new MovesResource(moved.moved(), moved.toVersion());
    }

    @PostMapping("/{id}/retire")
    @Operation(operationId = "retireProcedure", summary = "Retire a procedure (administrators, the team's leads): it applies to no "
            + "new ticket and its categories are free for a new procedure; tickets already following it keep their checklist")
    @ApiResponse(responseCode = "200", description = "Retired")
    @ApiResponse(responseCode = "403", description = "Neither an administrator nor a lead of the procedure's team",
            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE, schema = @Schema(ref = PROBLEM)))
    @ApiResponse(responseCode = "404", description = "No such procedure",
            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE, schema = @Schema(ref = PROBLEM)))
    @ApiResponse(responseCode = "409", description = "Retired already",
            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE, schema = @Schema(ref = PROBLEM)))
    ProcedureResource retire(@PathVariable long id, @AuthenticationPrincipal AgentPrincipal agent) {
        return ProcedureResource.of(procedures.retire(id, agent));
    }

    @ExceptionHandler(ProcedureRetired.class)
    ResponseEntity<ProblemDetail> retired(ProcedureRetired e) {
        return problem(HttpStatus.CONFLICT, "Procedure retired", e.getMessage(), null);
    }

    @ExceptionHandler(ProcedureForbidden.class)
    ResponseEntity<ProblemDetail> forbidden(ProcedureForbidden e) {
        return problem(HttpStatus.FORBIDDEN, "Forbidden", e.getMessage(), null);
    }

    @ExceptionHandler(CategoryTaken.class)
    ResponseEntity<ProblemDetail> taken(CategoryTaken e) {
        return problem(HttpStatus.CONFLICT, "Category already has a procedure", e.getMessage(), e);
    }

    @ExceptionHandler(ProcedureInvalid.class)
    ResponseEntity<ProblemDetail> invalid(ProcedureInvalid e) {
        return problem(HttpStatus.BAD_REQUEST, "Invalid request", "Please correct these fields: " + e.getMessage() + ".", e);
    }

    @ExceptionHandler(ProcedureConflict.class)
    ResponseEntity<ProblemDetail> conflict(ProcedureConflict e) {
        return problem(HttpStatus.CONFLICT, "Conflicting change", e.getMessage(), null);
    }

    private static ResponseEntity<ProblemDetail> problem(HttpStatus status, String title, String detail, ProcedureInvalid field) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(status, detail);
        p.setTitle(title);
        if (field != null) {
            p.setProperty("errors", List.of(Map.of("field", field.field(), "message", field.problem())));
        }
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(p);
    }
}
