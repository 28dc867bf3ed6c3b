package org.regard.tickets.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.regard.accounts.AgentPrincipal;
import org.regard.tickets.Envelopes;
import org.regard.tickets.InvalidInput;
import org.regard.tickets.TicketQueries;
import org.regard.tickets.Tickets;
import org.regard.tickets.api.TicketRequests.NewMessage;
import org.regard.tickets.api.TicketResources.MessageResource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import org.regard.tickets.TicketCommands;

import java.net.URI;
import java.util.List;
import java.util.NoSuchElementException;

/** Replies and internal notes on a ticket, written as the signed-in agent. */
@RestController
@RequestMapping(path = "/api/v1/tickets/{ticketId}/messages", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Tickets")
class TicketMessageApi {
    private final Tickets tickets;
    private final TicketQueries queries;
    private final Envelopes envelopes;

    TicketMessageApi(Tickets tickets, TicketQueries queries, Envelopes envelopes) {
        this.tickets = tickets;
        this.queries = queries;
        this.envelopes = envelopes;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(operationId = "writeMessage", summary = "Reply or add a note",
            description = "A reply goes to the customer (an outbound touch) and may move the ticket to another status; "
                    + "a reply that review rules hold (or whose author asks for a review) is written with its review pending "
                    + "and reaches the customer only once a reviewer approves it; "
                    + "a note is for the team only. With an Idempotency-Key, sending the same request again returns the "
                    + "message the first one wrote (200) instead of writing a second.")
    @ApiResponse(responseCode = "201", description = "The message, written now",
            headers = @Header(name = HttpHeaders.LOCATION, description = "The message's address"))
    @ApiResponse(responseCode = "200", description = "The message an earlier request with the same Idempotency-Key wrote")
    @ApiResponse(responseCode = "422", description = "Resolving needs a written reason (`resolutionReason`): a required step of "
            + "the procedure is open and its closure gate is `warn`; `missing` names the steps. Nothing was written",
            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE, schema = @Schema(ref = "#/components/schemas/Problem")))
    @ApiResponse(responseCode = "409", description = "The reply's status is one the ticket cannot move to; `allowed` lists those it can",
            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE, schema = @Schema(ref = "#/components/schemas/Problem")))
    ResponseEntity<MessageResource> write(
            @PathVariable long ticketId,
            @Valid @RequestBody NewMessage request,
            @Parameter(description = "Any unique string (e.g. a UUID) that makes retries of this request write one message only")
            @RequestHeader(name = RequestHeaders.IDEMPOTENCY_KEY, required = false) String idempotencyKey,
            @AuthenticationPrincipal AgentPrincipal agent) {
        String key = RequestHeaders.submissionKey(idempotencyKey);
        Tickets.Written written = switch (request.kind()) {
            case REPLY -> tickets.reply(ticketId, new TicketCommands.Reply(request.body(),
                    request.status() == null ? null : request.status().toDomain(), key, List.of(),
                    request.toldBy() == null ? null : request.toldBy().toDomain(), Boolean.TRUE.equals(request.assignToMe()),
                    request.resolutionReason(), Boolean.TRUE.equals(request.askReview())), agent);
            case NOTE -> {
                if (request.status() != null) {
                    throw new InvalidInput("status", "can only change with a reply, not with a note");
                }
                if (request.toldBy() != null || request.assignToMe() != null || request.resolutionReason() != null
                        || request.askReview() != null) {
                    throw new InvalidInput(request.toldBy() != null ? "toldBy" : request.assignToMe() != null ? "assignToMe"
                            : request.resolutionReason() != null ? "resolutionReason" : "askReview", "applies to replies only, not to notes");
                }
                yield tickets.addNote(ticketId, request.body(), key, agent);
            }
        };
        // a message written now is answered as written; a repeated request reads the one written before
        MessageResource message = written.message()
                .map(m -> MessageResource.of(m.writtenBy(agent.displayName()), envelopes.of(ticketId, written.messageId()).orElse(null)))
                .orElseGet(() -> message(ticketId, written.messageId(), agent));
        // relative, like every Location of the API: never built from the Host header a client sent
        URI location = URI.create("/api/v1/tickets/" + ticketId + "/messages/" + message.id());
        return ResponseEntity.status(written.duplicate() ? HttpStatus.OK : HttpStatus.CREATED).location(location).body(message);
    }

    @GetMapping("/{messageId}")
    @Operation(operationId = "getMessage", summary = "Read one message of a ticket")
    MessageResource read(@PathVariable long ticketId, @PathVariable long messageId, @AuthenticationPrincipal AgentPrincipal agent) {
        return message(ticketId, messageId, agent);
    }

    private MessageResource message(long ticketId, long messageId, AgentPrincipal agent) {
        return queries.detail(ticketId, agent).messages().stream()
                .filter(m -> m.id() == messageId)
                .findFirst()
                .map(m -> MessageResource.of(m, envelopes.of(ticketId, messageId).orElse(null)))
                .orElseThrow(() -> new NoSuchElementException("Ticket #" + ticketId + " has no message " + messageId + "."));
    }
}
