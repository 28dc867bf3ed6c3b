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
import org.regard.tickets.NotTheAuthor;
import org.regard.tickets.ReplyNotWaiting;
import org.regard.tickets.TicketQueries;
import org.regard.tickets.Tickets;
import org.regard.tickets.api.TicketRequests.NewMessage;
import org.regard.tickets.api.TicketRequests.ResubmittedReply;
import org.regard.tickets.api.TicketResources.MessageResource;
import org.springframework.http.HttpHeaders;
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
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import org.regard.tickets.TicketCommands;

import java.net.URI;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * Replies and internal notes on a ticket, written as the signed-in agent; and the author's say over their reply while
 * it is held for review: resubmit it revised once a reviewer returned it, or withdraw it.
 */
@RestController
@RequestMapping(path = "/api/v1/tickets/{ticketId}/messages", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Tickets")
class TicketMessageApi {
    private static final String PROBLEM = "#/components/schemas/Problem";

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

    @Schema(name = "WithdrawnReply", description = "A held reply its author took back: it is gone from the ticket; its text "
            + "is given back so it can be edited and written again.")
    record WithdrawnReplyResource(long ticketId, long messageId, String body) {
    }

    @PostMapping(path = "/{messageId}/resubmit", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(operationId = "resubmitReply", summary = "Resubmit a returned reply, revised",
            description = "Only its author, once a reviewer returned it: the revised text replaces the returned one and waits "
                    + "for review again (a new round in the review queue). It reaches the customer only once approved.")
    @ApiResponse(responseCode = "200", description = "The reply, pending review again")
    @ApiResponse(responseCode = "400", description = "The text is missing, blank or too long (`errors` names `body`); nothing changed",
            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE, schema = @Schema(ref = PROBLEM)))
    @ApiResponse(responseCode = "403", description = "You did not write this reply, or may not work on the ticket",
            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE, schema = @Schema(ref = PROBLEM)))
    @ApiResponse(responseCode = "404", description = "No such ticket or message, or a ticket you may not see",
            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE, schema = @Schema(ref = PROBLEM)))
    @ApiResponse(responseCode = "409", description = "The reply is not returned to you (`state`: pending, approved, or `not held`); "
            + "nothing changed",
            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE, schema = @Schema(ref = PROBLEM)))
    MessageResource resubmit(@PathVariable long ticketId, @PathVariable long messageId,
                             @RequestBody(required = false) ResubmittedReply request, @AuthenticationPrincipal AgentPrincipal agent) {
        tickets.resubmitHeldReply(ticketId, messageId, request == null ? null : request.body(),
                request == null || request.status() == null ? null : request.status().toDomain(), agent);
        return message(ticketId, messageId, agent);
    }

    @PostMapping(path = "/{messageId}/withdraw")
    @Operation(operationId = "withdrawHeldReply", summary = "Withdraw a reply held for review",
            description = "Only its author, while it waits for review or after a reviewer returned it: it never reached the "
                    + "customer, so it simply leaves the ticket and the review queue; its text is answered so it can be "
                    + "written again. A reply that was approved (or never held) cannot be withdrawn here.")
    @ApiResponse(responseCode = "200", description = "The reply is gone; its text")
    @ApiResponse(responseCode = "403", description = "You did not write this reply, or may not work on the ticket",
            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE, schema = @Schema(ref = PROBLEM)))
    @ApiResponse(responseCode = "404", description = "No such ticket or message, or a ticket you may not see",
            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE, schema = @Schema(ref = PROBLEM)))
    @ApiResponse(responseCode = "409", description = "The reply is not held for review (`state`: approved, or `not held`); nothing changed",
            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE, schema = @Schema(ref = PROBLEM)))
    WithdrawnReplyResource withdraw(@PathVariable long ticketId, @PathVariable long messageId,
                                    @AuthenticationPrincipal AgentPrincipal agent) {
        Tickets.WithdrawnReply withdrawn = tickets.withdrawHeldReply(ticketId, messageId, agent);
        return new WithdrawnReplyResource(ticketId, messageId, withdrawn.body());
    }

    @ExceptionHandler(NotTheAuthor.class)
    ResponseEntity<ProblemDetail> notTheAuthor(NotTheAuthor e) {
        return problem(HttpStatus.FORBIDDEN, "Not your reply", e.getMessage(), null);
    }

    @ExceptionHandler(ReplyNotWaiting.class)
    ResponseEntity<ProblemDetail> notWaiting(ReplyNotWaiting e) {
        return problem(HttpStatus.CONFLICT, "Not waiting for you", e.getMessage(), e.state());
    }

    private static ResponseEntity<ProblemDetail> problem(HttpStatus status, String title, String detail, String state) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(status, detail);
        p.setTitle(title);
        if (state != null) {
            p.setProperty("state", state);
        }
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(p);
    }

    private MessageResource message(long ticketId, long messageId, AgentPrincipal agent) {
        return queries.detail(ticketId, agent).messages().stream()
                .filter(m -> m.id() == messageId)
                .findFirst()
                .map(m -> MessageResource.of(m, envelopes.of(ticketId, messageId).orElse(null)))
                .orElseThrow(() -> new NoSuchElementException("Ticket #" + ticketId + " has no message " + messageId + "."));
    }
}
