package org.regard.procedures.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.regard.accounts.AgentPrincipal;
import org.regard.procedures.Checklist;
import org.regard.procedures.Checklists;
import org.regard.procedures.PreviousStepOpen;
import org.regard.procedures.ProcedureVersion;
import org.regard.procedures.Shown;
import org.regard.procedures.StepNotFound;
import org.regard.procedures.StepValueInvalid;
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
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The checklist of a ticket over the API: the procedure version the ticket follows and each step's state; ticking
 * and unticking a step by its key. Only agents who may see the ticket.
 */
@RestController
@Tag(name = "Procedures")
class ChecklistApi {
    private static final String PROBLEM = "#/components/schemas/Problem";
    /** The API speaks English; a step without English text comes in its procedure's source language. */
    private static final String LANGUAGE = "en";
    private final Checklists checklists;

    ChecklistApi(Checklists checklists) {
        this.checklists = checklists;
    }

    @Schema(name = "ChecklistStep", description = "One step of the ticket's checklist and where it stands.")
    record StepResource(@Schema(description = "Stays the same across versions", example = "s3") String key,
                        @Schema(description = "The step's text in English, else in the procedure's source language") String text,
                        @Schema(example = "en", description = "The language of text") String language,
                        boolean required,
                        @Schema(description = "May be ticked only once the step before is done") boolean afterPrevious,
                        @Schema(nullable = true, allowableValues = {"text", "number", "date", "yes-no"},
                                description = "The kind of value ticking the step asks for, or null") String fieldType,
                        @Schema(nullable = true, description = "A reply template for this step") Long template,
                        boolean done,
                        @Schema(nullable = true, description = "Who ticked it (null while not done)") Long doneBy,
                        @Schema(nullable = true, description = "When it was ticked (null while not done)") Instant doneAt,
                        @Schema(nullable = true, description = "The field's value: a number, a date yyyy-mm-dd, yes or no, or a text")
                        String value) {
        static StepResource of(ProcedureVersion version, Checklist.Item item) {
            ProcedureVersion.Step s = item.step();
            Shown text = version.text(s, LANGUAGE);
            return new StepResource(s.key(), text == null ? "" : text.text(), text == null ? null : text.language(),
                    s.required(), s.afterPrevious(), s.fieldType() == null ? null : s.fieldType().code(), s.templateId(),
                    item.done(), item.done() ? item.markedBy() : null, item.done() ? item.markedAt() : null,
                    item.done() ? item.value() : null);
        }
    }

    @Schema(name = "Checklist", description = "The procedure a ticket follows, in the version it follows, and its steps.")
    record ChecklistResource(long ticket, long procedure,
                             @Schema(description = "The version the ticket follows: the current one when it first showed it") int version,
                             @Schema(allowableValues = {"warn", "block"}) String gate,
                             List<StepResource> steps) {
        static ChecklistResource of(Checklist c) {
            return new ChecklistResource(c.ticketId(), c.procedure().procedureId(), c.procedure().number(), c.gate().code(),
                    c.items().stream().map(i -> StepResource.of(c.procedure(), i)).toList());
        }
    }

    @Schema(name = "ChecklistMark", description = "Tick (done true) or untick a step. value: the step's field when ticking; "
            + "a number, a date yyyy-mm-dd, yes or no (or true/false), or a text up to 2000 characters.")
    record MarkInput(boolean done, @Schema(nullable = true, oneOf = {String.class, Number.class, Boolean.class}) Object value) {
        String text() {
            return switch (value) {
                case null -> null;
                case Boolean b -> b ? "yes" : "no";
                default -> value.toString();
            };
        }
    }

    @GetMapping(path = "/api/v1/tickets/{id}/checklist", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(operationId = "getTicketChecklist", summary = "The ticket's checklist: its procedure's steps and their state")
    @ApiResponse(responseCode = "200", description = "The checklist")
    @ApiResponse(responseCode = "403", description = "The ticket is another team's",
            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE, schema = @Schema(ref = PROBLEM)))
    @ApiResponse(responseCode = "404", description = "No such ticket, or no procedure applies to it (no category, or none for its team)",
            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE, schema = @Schema(ref = PROBLEM)))
    ChecklistResource get(@PathVariable long id, @AuthenticationPrincipal AgentPrincipal agent) {
        return ChecklistResource.of(checklists.of(id, agent).orElseThrow(() -> new StepNotFound(id, null)));
    }

    @PostMapping(path = "/api/v1/tickets/{id}/checklist/steps/{stepKey}", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(operationId = "markChecklistStep", summary = "Tick or untick a step of the ticket's checklist")
    @ApiResponse(responseCode = "200", description = "The checklist as it now stands")
    @ApiResponse(responseCode = "400", description = "value is missing or not of the step's type; nothing saved",
            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE, schema = @Schema(ref = PROBLEM)))
    @ApiResponse(responseCode = "403", description = "The ticket is another team's",
            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE, schema = @Schema(ref = PROBLEM)))
    @ApiResponse(responseCode = "404", description = "No such ticket, no checklist, or no such step",
            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE, schema = @Schema(ref = PROBLEM)))
    @ApiResponse(responseCode = "409", description = "The step comes only after the previous one, which is not done",
            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE, schema = @Schema(ref = PROBLEM)))
    ChecklistResource mark(@PathVariable long id, @PathVariable String stepKey, @RequestBody MarkInput input,
                           @AuthenticationPrincipal AgentPrincipal agent) {
        return ChecklistResource.of(checklists.mark(id, stepKey, input.done(), input.text(), agent));
    }

    @ExceptionHandler(StepValueInvalid.class)
    ResponseEntity<ProblemDetail> invalid(StepValueInvalid e) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "Please correct these fields: " + e.getMessage() + ".");
        p.setTitle("Invalid request");
        p.setProperty("errors", List.of(Map.of("field", e.field(), "message", e.problem())));
        return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_PROBLEM_JSON).body(p);
    }

    @ExceptionHandler(PreviousStepOpen.class)
    ResponseEntity<ProblemDetail> previous(PreviousStepOpen e) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, e.getMessage());
        p.setTitle("Previous step not done");
        return ResponseEntity.status(HttpStatus.CONFLICT).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(p);
    }
}
