package org.regard.tickets.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.regard.accounts.AgentPrincipal;
import org.regard.customers.Customers;
import org.regard.customers.Customers.CustomerView;
import org.regard.tickets.Envelopes;
import org.regard.tickets.TicketCommands.OpenTicket;
import org.regard.tickets.TicketConflict;
import org.regard.tickets.TicketQueries;
import org.regard.tickets.TicketQueries.ListQuery;
import org.regard.tickets.TicketQueries.TicketDetail;
import org.regard.tickets.TicketStatus;
import org.regard.tickets.Tickets;
import org.regard.tickets.api.TicketRequests.NewTicket;
import org.regard.tickets.api.TicketRequests.TicketChanges;
import org.regard.tickets.api.TicketResources.TicketPage;
import org.regard.tickets.api.TicketResources.TicketResource;
import org.regard.tickets.api.TicketResources.TicketSummary;
import org.springframework.http.HttpHeaders;
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
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Tickets over HTTP: open, read, list and change. Every call acts as the signed-in agent, with their
 * permissions: an agent reaches the tickets of their teams, an admin every ticket.
 */
@RestController
@RequestMapping(path = "/api/v1/tickets", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Tickets", description = "Open, read, list and change tickets")
class TicketApi {
    static final String MERGE_PATCH_JSON = "application/merge-patch+json";

    private final Tickets tickets;
    private final TicketQueries queries;
    private final Customers customers;
    private final Envelopes envelopes;
    private final org.regard.tickets.TicketRelations relations;

    TicketApi(Tickets tickets, TicketQueries queries, Customers customers, Envelopes envelopes,
              org.regard.tickets.TicketRelations relations) {
        this.relations = relations;
        this.tickets = tickets;
        this.queries = queries;
        this.customers = customers;
        this.envelopes = envelopes;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(operationId = "openTicket", summary = "Open a ticket",
            description = "Opens a ticket with the customer's words as its first message. A customer address Regard does "
                    + "not know yet creates the customer. With an Idempotency-Key, sending the same request again returns "
                    + "the ticket the first one opened instead of opening a second.")
    @ApiResponse(responseCode = "201", description = "The ticket (the same one again for a repeated Idempotency-Key)",
            headers = {@Header(name = HttpHeaders.LOCATION, description = "The ticket's address"),
                    @Header(name = HttpHeaders.ETAG, description = "The ticket's version")})
    ResponseEntity<TicketResource> open(
            @Valid @RequestBody NewTicket request,
            @Parameter(description = "Any unique string (e.g. a UUID) that makes retries of this request open one ticket only")
            @RequestHeader(name = RequestHeaders.IDEMPOTENCY_KEY, required = false) String idempotencyKey,
            @AuthenticationPrincipal AgentPrincipal agent) {
        String key = RequestHeaders.submissionKey(idempotencyKey);
        Tickets.Opened opened = tickets.openFor(request.customer().email(), request.customer().name(),
                customerId -> new OpenTicket(customerId, request.subject(), request.body(), request.channel().toDomain(),
                        request.team(), request.priority() == null ? null : request.priority().toDomain(), request.category(), key),
                agent);
        long id = opened.ticketId();
        // a new ticket is answered with what was written (it has no mail yet); a repeated request reads it
        TicketResource ticket = opened.detail()
                .map(written -> TicketResource.of(written, opened.customer(), Map.of(),
                        org.regard.tickets.TicketRelations.Relations.alone(written.touches())))
                .orElseGet(() -> resource(queries.detail(id, agent)));
        // relative, like every Location of the API: never built from the Host header a client sent
        URI location = URI.create("/api/v1/tickets/" + id);
        return ResponseEntity.created(location).eTag(RequestHeaders.etag(ticket.version())).body(ticket);
    }

    @GetMapping("/{id}")
    @Operation(operationId = "getTicket", summary = "Read a ticket", description = "The ticket with its whole conversation; the ETag header carries its version.")
    @ApiResponse(responseCode = "200", description = "The ticket",
            headers = @Header(name = HttpHeaders.ETAG, description = "The ticket's version, for If-Match"))
    ResponseEntity<TicketResource> ticket(@PathVariable long id, @AuthenticationPrincipal AgentPrincipal agent) {
        TicketResource ticket = resource(queries.detail(id, agent));
        return ResponseEntity.ok().eTag(RequestHeaders.etag(ticket.version())).body(ticket);
    }

    @GetMapping
    @Operation(operationId = "listTickets", summary = "List tickets",
            description = "The tickets the caller may see, newest change first unless sorted otherwise, one page at a time. "
                    + "Without a status filter, only active tickets (new, open, waiting) are listed.")
    TicketPage list(
            @Parameter(description = "One or more statuses, comma-separated", array = @ArraySchema(schema = @Schema(implementation = Vocabulary.Status.class)))
            @RequestParam(name = "status", required = false) List<String> status,
            @Parameter(description = "Team id") @RequestParam(name = "team", required = false) Long team,
            @Parameter(description = "Agent id") @RequestParam(name = "assignee", required = false) Long assignee,
            @Parameter(description = "Customer id") @RequestParam(name = "customer", required = false) Long customer,
            @Parameter(schema = @Schema(implementation = Vocabulary.Priority.class))
            @RequestParam(name = "priority", required = false) String priority,
            @Parameter(description = "mine: assigned to me; teams: my teams; unassigned: nobody's in my teams; all (default): all I may see; flagged: flagged for a team lead with no root cause noted yet (any status unless asked)",
                    schema = @Schema(implementation = Vocabulary.View.class))
            @RequestParam(name = "view", required = false) String view,
            @Parameter(description = "Default updated_desc", schema = @Schema(implementation = Vocabulary.Sort.class))
            @RequestParam(name = "sort", required = false) String sort,
            @Parameter(description = "The nextCursor of the previous page") @RequestParam(name = "cursor", required = false) String cursor,
            @Parameter(description = "Rows per page") @RequestParam(name = "limit", defaultValue = "25") @Min(1) @Max(TicketQueries.MAX_PAGE) int limit,
            @AuthenticationPrincipal AgentPrincipal agent) {
        Set<TicketStatus> statuses = new LinkedHashSet<>();
        if (status != null) {
            status.stream().map(s -> Vocabulary.parse(Vocabulary.Status.class, "status", s))
                    .filter(Objects::nonNull).forEach(s -> statuses.add(s.toDomain()));
        }
        Vocabulary.Priority wantedPriority = Vocabulary.parse(Vocabulary.Priority.class, "priority", priority);
        Vocabulary.View wantedView = Vocabulary.parse(Vocabulary.View.class, "view", view);
        Vocabulary.Sort wantedSort = Vocabulary.parse(Vocabulary.Sort.class, "sort", sort);
        TicketQueries.Page page = queries.list(new ListQuery(wantedView == null ? null : wantedView.toDomain(), statuses,
                wantedPriority == null ? null : wantedPriority.toDomain(), team, assignee, customer,
                wantedSort == null ? null : wantedSort.toDomain(), cursor, limit), agent);
        return new TicketPage(page.rows().stream().map(TicketSummary::of).toList(), page.nextCursor());
    }

    @PatchMapping(path = "/{id}", consumes = {MediaType.APPLICATION_JSON_VALUE, MERGE_PATCH_JSON})
    @Operation(operationId = "changeTicket", summary = "Change a ticket",
            description = "Changes any of status, priority, team, assignee, category, subject and purchaseRef; fields left out keep their "
                    + "value and \"assignee\": null unassigns. Send If-Match with the ETag you read: when someone changed the "
                    + "ticket since, nothing is changed and the answer is 412.")
    @ApiResponse(responseCode = "200", description = "The changed ticket. Resolving a ticket whose category requires "
            + "resolution review leaves its status as it was and answers 200 with `resolutionReview.state: pending`; the "
            + "ticket becomes resolved when a reviewer approves (asking again while it waits changes nothing)",
            headers = @Header(name = HttpHeaders.ETAG, description = "The ticket's new version"))
    @ApiResponse(responseCode = "422", description = "Resolving needs a written reason (`resolutionReason`): a required step of "
            + "the procedure is open and its closure gate is `warn`; `missing` names the steps. Nothing was changed",
            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE, schema = @Schema(ref = "#/components/schemas/Problem")))
    @ApiResponse(responseCode = "409", description = "The ticket cannot move to that status (`allowed` lists those it can), or someone else changed it at the same moment",
            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE, schema = @Schema(ref = "#/components/schemas/Problem")))
    ResponseEntity<TicketResource> change(
            @PathVariable long id,
            @Valid @RequestBody TicketChanges changes,
            @Parameter(description = "The ETag of the ticket as you read it, e.g. \"3\"")
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @AuthenticationPrincipal AgentPrincipal agent) {
        Integer expected = RequestHeaders.expectedVersion(ifMatch);
        try {
            tickets.update(id, changes.toCommand(expected), agent);
        } catch (TicketConflict conflict) {
            if (expected == null) {
                throw conflict;
            }
            throw stale(id, expected, agent, conflict);
        }
        TicketResource ticket = resource(queries.detail(id, agent));
        return ResponseEntity.ok().eTag(RequestHeaders.etag(ticket.version())).body(ticket);
    }

    private TicketResource resource(TicketDetail detail) {
        CustomerView customer = customers.customer(detail.summary().customerId()).orElse(null);
        return TicketResource.of(detail, customer, envelopes.of(detail.summary().id()), relations.of(detail.summary().id()));
    }

    private ErrorResponseException stale(long id, int expected, AgentPrincipal agent, TicketConflict cause) {
        int current = queries.detail(id, agent).version();
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.PRECONDITION_FAILED,
                "Ticket #" + id + " changed since version " + expected + " (it is now at version " + current
                        + "). Nothing was changed: read it again and repeat your change.");
        problem.setTitle("Stale version");
        problem.setProperty("currentVersion", current);
        return new ErrorResponseException(HttpStatus.PRECONDITION_FAILED, problem, cause);
    }
}
