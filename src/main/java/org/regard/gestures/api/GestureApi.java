package org.regard.gestures.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.regard.accounts.AgentPrincipal;
import org.regard.gestures.GestureForbidden;
import org.regard.gestures.GestureInvalid;
import org.regard.gestures.GestureNotFound;
import org.regard.gestures.Gestures;
import org.regard.gestures.api.GestureResources.GestureResource;
import org.regard.gestures.api.GestureResources.SumResource;
import org.springframework.format.annotation.DateTimeFormat;
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
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.math.BigDecimal;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** Gestures over the API: recording one on a ticket, a ticket's and a customer's gestures, the sums for reports. */
@RestController
@Tag(name = "Gestures")
class GestureApi {
    private static final String PROBLEM = GestureResources.PROBLEM;
    private static final int MAX_KEY = 255;
    private final Gestures gestures;

    GestureApi(Gestures gestures) {
        this.gestures = gestures;
    }

    @Schema(name = "NewGesture", description = "A gesture to record: within the agent's limit it stands at once, above it "
            + "(or of a kind without a limit for the agent, or in another currency than the limit's) it waits for a reviewer.")
    record NewGesture(@Schema(requiredMode = Schema.RequiredMode.REQUIRED,
                              allowableValues = {"refund", "voucher", "free-shipping", "replacement", "free-month", "other"}) String kind,
                      @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "30.00",
                              description = "Above zero; 0 is allowed for free-shipping and replacement. No more decimals than the currency has")
                      BigDecimal amount,
                      @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "EUR", description = "ISO 4217 code") String currency,
                      @Schema(requiredMode = Schema.RequiredMode.REQUIRED, maxLength = 200, example = "Parcel arrived late") String reason) {
    }

    @PostMapping(path = "/api/v1/tickets/{id}/gestures", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(operationId = "recordGesture", summary = "Record a gesture on a ticket",
            description = "Within the agent's limit the gesture stands; above it, it is pending until a reviewer (never its "
                    + "author) approves it. With an Idempotency-Key, sending the same request again returns the gesture the "
                    + "first one recorded (200) instead of recording a second.")
    @ApiResponse(responseCode = "201", description = "The gesture, recorded now (state standing or pending)")
    @ApiResponse(responseCode = "200", description = "The gesture an earlier request with the same Idempotency-Key recorded")
    @ApiResponse(responseCode = "400", description = "A field is wrong (kind, amount, currency, reason); nothing recorded",
            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE, schema = @Schema(ref = PROBLEM)))
    @ApiResponse(responseCode = "403", description = "The ticket is another team's",
            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE, schema = @Schema(ref = PROBLEM)))
    @ApiResponse(responseCode = "404", description = "No such ticket",
            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE, schema = @Schema(ref = PROBLEM)))
    ResponseEntity<GestureResource> record(@PathVariable long id, @RequestBody NewGesture request,
                                           @Parameter(description = "Any unique string (e.g. a UUID) that makes retries record one gesture only")
                                           @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey,
                                           @AuthenticationPrincipal AgentPrincipal agent) {
        if (idempotencyKey != null && idempotencyKey.strip().length() > MAX_KEY) {
            throw new GestureInvalid("Idempotency-Key", "must be at most " + MAX_KEY + " characters long", "gestures.error.tooLong", MAX_KEY);
        }
        Gestures.Recorded recorded = gestures.record(id, new Gestures.NewGesture(request.kind(), request.amount(),
                request.currency(), request.reason()), idempotencyKey, agent);
        return ResponseEntity.status(recorded.duplicate() ? HttpStatus.OK : HttpStatus.CREATED)
                .location(URI.create("/api/v1/tickets/" + id + "/gestures"))
                .body(GestureResource.of(recorded.gesture()));
    }

    @GetMapping(path = "/api/v1/tickets/{id}/gestures", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(operationId = "listTicketGestures", summary = "The gestures recorded on a ticket, oldest first")
    @ApiResponse(responseCode = "403", description = "The ticket is another team's",
            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE, schema = @Schema(ref = PROBLEM)))
    List<GestureResource> ofTicket(@PathVariable long id, @AuthenticationPrincipal AgentPrincipal agent) {
        return gestures.ofTicket(id, agent).stream().map(GestureResource::of).toList();
    }

    @GetMapping(path = "/api/v1/customers/{id}/gestures", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(operationId = "listCustomerGestures", summary = "A customer's gestures, newest first (at most 100)",
            description = "Only gestures on tickets of the teams the caller works in (every team for an administrator).")
    @ApiResponse(responseCode = "404", description = "No such customer",
            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE, schema = @Schema(ref = PROBLEM)))
    List<GestureResource> ofCustomer(@PathVariable long id, @AuthenticationPrincipal AgentPrincipal agent) {
        return gestures.ofCustomer(id, agent).stream().map(GestureResource::of).toList();
    }

    @GetMapping(path = "/api/v1/gestures/sums", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(operationId = "gestureSums", summary = "Sums of standing gestures per currency, by agent, team, category or kind",
            description = "Days in the caller's time zone, both included; from defaults to the first of this month, to to today. A lead sees "
                    + "the teams they lead, an administrator every team.")
    @ApiResponse(responseCode = "400", description = "by is not agent, team, category or kind, or to is before from",
            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE, schema = @Schema(ref = PROBLEM)))
    @ApiResponse(responseCode = "403", description = "The caller is neither a lead nor an administrator",
            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE, schema = @Schema(ref = PROBLEM)))
    List<SumResource> sums(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                           @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                           @Parameter(schema = @Schema(allowableValues = {"agent", "team", "category", "kind"}, defaultValue = "kind"))
                           @RequestParam(required = false) String by,
                           @AuthenticationPrincipal AgentPrincipal agent) {
        return gestures.sums(from, to, by, agent).stream().map(SumResource::of).toList();
    }

    @ExceptionHandler(GestureInvalid.class)
    ResponseEntity<ProblemDetail> invalid(GestureInvalid e) {
        return GestureProblems.invalid(e);
    }

    @ExceptionHandler(GestureForbidden.class)
    ResponseEntity<ProblemDetail> forbidden(GestureForbidden e) {
        return GestureProblems.of(HttpStatus.FORBIDDEN, "Forbidden", e.getMessage());
    }

    @ExceptionHandler(GestureNotFound.class)
    ResponseEntity<ProblemDetail> notFound(GestureNotFound e) {
        return GestureProblems.of(HttpStatus.NOT_FOUND, "Not found", e.getMessage());
    }
}
