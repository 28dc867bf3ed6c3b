package org.regard.customers.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.regard.customers.Customers;
import org.regard.customers.Promises;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * Promises to a customer over HTTP: list, record, and mark kept or cancelled. Any signed-in agent lists them; who may
 * record or close one is {@link org.regard.customers.PromiseAccess}'s rule (else 403). A ticket or team that does not
 * exist, or a ticket of another customer, is a 400 naming the field.
 */
@RestController
@RequestMapping(path = "/api/v1/customers/{customerId}/promises", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Customers", description = "The people the team serves")
class PromiseApi {
    private final Promises promises;
    private final Customers customers;
    private final org.regard.customers.CustomerAccess access;

    PromiseApi(Promises promises, Customers customers, org.regard.customers.CustomerAccess access) {
        this.access = access;
        this.promises = promises;
        this.customers = customers;
    }

    @Schema(name = "Promise", description = "What an agent promised a customer, and by when.")
    record PromiseResource(long id, long customerId,
                           @Schema(description = "The ticket it was promised on", nullable = true) Long ticketId,
                           @Schema(description = "The agent who promised") long agentId,
                           @Schema(nullable = true) Long teamId, String body, Instant dueAt,
                           @Schema(allowableValues = {"open", "kept", "cancelled"}) String status,
                           @Schema(description = "Open and past its due time") boolean overdue,
                           Instant createdAt, @Schema(nullable = true) Instant closedAt,
                           @Schema(nullable = true) Long closedBy) {
        static PromiseResource of(Promises.PromiseView p) {
            return new PromiseResource(p.id(), p.customerId(), p.ticketId(), p.agentId(), p.teamId(), p.body(), p.dueAt(),
                    p.status().value(), p.overdue(), p.createdAt(), p.closedAt(), p.closedBy());
        }
    }

    @Schema(name = "NewPromise", description = "A due time in the past is accepted: the promise is overdue at once.")
    record NewPromiseRequest(@NotBlank @Size(max = Promises.MAX_BODY) String body,
                             @NotNull @Schema(description = "When it is due, with an offset, e.g. 2026-03-31T14:00:00+02:00") OffsetDateTime dueAt,
                             @Schema(nullable = true) Long ticketId, @Schema(nullable = true) Long teamId) {
    }

    @Schema(name = "PromiseChanges")
    record PromiseChanges(@NotNull @Schema(allowableValues = {"kept", "cancelled"}) String status) {
    }

    @GetMapping
    @Operation(operationId = "listPromises", summary = "List a customer's promises",
            description = "Newest first; status=open gives only the open ones, soonest due first.")
    List<PromiseResource> list(@PathVariable long customerId,
                               @RequestParam(name = "status", required = false) String status) {
        existing(customerId);
        if (status != null && !"open".equals(status)) {
            throw new CustomerRequests.InvalidField("status", "may only be open (or left out for every promise)");
        }
        return (status == null ? promises.allOf(customerId) : promises.openOf(customerId)).stream()
                .map(PromiseResource::of).toList();
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(operationId = "createPromise", summary = "Record a promise to a customer")
    @ApiResponse(responseCode = "201", description = "The promise, made by the calling agent")
    ResponseEntity<PromiseResource> create(@PathVariable long customerId, @Valid @RequestBody NewPromiseRequest request,
                                           @AuthenticationPrincipal org.regard.accounts.AgentPrincipal agent) {
        existing(customerId);
        Promises.PromiseView made;
        try {
            made = promises.promise(customerId, new Promises.NewPromise(request.body(), request.dueAt().toInstant(),
                    request.ticketId(), agent.id(), request.teamId()), access.actor(agent));
        } catch (Promises.InvalidPromise e) {
            throw new CustomerRequests.InvalidField(e.field(), e.getMessage().substring(e.field().length() + 1));
        }
        return ResponseEntity.created(URI.create("/api/v1/customers/" + customerId + "/promises/" + made.id()))
                .body(PromiseResource.of(made));
    }

    @PatchMapping(path = "/{promiseId}", consumes = {MediaType.APPLICATION_JSON_VALUE, "application/merge-patch+json"})
    @Operation(operationId = "closePromise", summary = "Mark a promise kept or cancelled")
    @ApiResponse(responseCode = "409", description = "The promise is no longer open",
            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE, schema = @Schema(ref = "#/components/schemas/Problem")))
    PromiseResource close(@PathVariable long customerId, @PathVariable long promiseId,
                          @Valid @RequestBody PromiseChanges changes,
                          @AuthenticationPrincipal org.regard.accounts.AgentPrincipal agent) {
        Promises.Status outcome = Promises.Status.parse(changes.status()).filter(s -> s != Promises.Status.OPEN)
                .orElseThrow(() -> new CustomerRequests.InvalidField("status", "must be kept or cancelled"));
        try {
            return PromiseResource.of(promises.close(customerId, promiseId, outcome, access.actor(agent)));
        } catch (Promises.NotOpen closed) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, closed.getMessage());
            problem.setTitle("Promise closed");
            throw new ErrorResponseException(HttpStatus.CONFLICT, problem, closed);
        }
    }

    private void existing(long customerId) {
        customers.customer(customerId).orElseThrow(() -> new NoSuchElementException("Customer " + customerId + " does not exist."));
    }
}
