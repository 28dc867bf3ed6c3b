package org.regard.review.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.regard.accounts.Accounts;
import org.regard.accounts.Actor;
import org.regard.accounts.AgentPrincipal;
import org.regard.review.DecidingReview;
import org.regard.review.ReviewDecided;
import org.regard.review.ReviewForbidden;
import org.regard.review.ReviewInvalid;
import org.regard.review.ReviewNotFound;
import org.regard.review.ReviewQueue;
import org.regard.review.ReviewRow;
import org.regard.review.ReviewState;
import org.regard.tickets.NotTheAuthor;
import org.regard.tickets.ReplyNotWaiting;
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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * The review queue over the API: what waits for a second person (only the teams the caller may see), one review, and
 * deciding it — approve (as written, or with the reviewer's edit of a reply's text) or return with a comment. Nobody
 * decides on their own work; a review already decided is not decided again (nothing is sent twice).
 */
@RestController
@RequestMapping(path = "/api/v1/reviews", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Reviews")
class ReviewApi {
    private static final String PROBLEM = "#/components/schemas/Problem";

    private final ReviewQueue queue;
    private final DecidingReview deciding;
    private final Accounts accounts;

    ReviewApi(ReviewQueue queue, DecidingReview deciding, Accounts accounts) {
        this.queue = queue;
        this.deciding = deciding;
        this.accounts = accounts;
    }

    @Schema(name = "AgentRef", description = "An agent by id and name.")
    record AgentRef(long id, @Schema(nullable = true) String name) {
    }

    @Schema(name = "Review", description = "One round of a review: a piece of work held for a second person's decision.")
    record ReviewResource(
            long id,
            @Schema(description = "What is reviewed", allowableValues = {"reply", "resolution", "gesture"}) String kind,
            long ticketId,
            @Schema(description = "The reviewed work's id in its module: for a reply, the message's id") long subjectId,
            AgentRef author,
            @Schema(description = "Why it was held: stable codes such as probation, author-asked, category, words:<words>")
            List<String> reasons,
            @Schema(allowableValues = {"pending", "approved", "returned", "withdrawn"}) String state,
            @Schema(description = "1, then one more each time its author resubmitted it") int round,
            @Schema(description = "What is reviewed: for a reply, its text as its author submitted it") String summary,
            @Schema(description = "When it was held (waiting since, while pending)") Instant waitingSince,
            @Schema(nullable = true, description = "Who decided; null while pending or withdrawn") AgentRef reviewer,
            @Schema(nullable = true, description = "When it was decided (or withdrawn); null while pending") Instant decidedAt,
            @Schema(nullable = true, description = "How long the review took, in seconds; null while pending") Long tookSeconds,
            @Schema(nullable = true, description = "The reviewer's comment when returned") String comment,
            @Schema(nullable = true, description = "The reviewer's text when they approved a reply with changes") String editedText) {
    }

    @Schema(name = "ReviewApproval", description = "Approve as written (no body, or body left out), or with your edit of the reply's text.")
    record Approval(@Schema(nullable = true, description = "The reply's text as it must go out") String body) {
    }

    @Schema(name = "ReviewReturn", description = "Send the work back to its author with what to change.")
    record Return(@Schema(description = "What the author should change; required") String comment) {
    }

    @GetMapping
    @Operation(operationId = "listReviews", summary = "The review queue: reviews in a state, oldest first, of the teams you may see")
    @ApiResponse(responseCode = "200", description = "The reviews (at most 500)")
    @ApiResponse(responseCode = "400", description = "Unknown state",
            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE, schema = @Schema(ref = PROBLEM)))
    List<ReviewResource> list(@Parameter(description = "pending (default), approved, returned or withdrawn")
                              @RequestParam(defaultValue = "pending") String state,
                              @AuthenticationPrincipal AgentPrincipal agent) {
        ReviewState wanted;
        try {
            wanted = ReviewState.valueOf(state.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new ReviewInvalid("state", "must be pending, approved, returned or withdrawn");
        }
        return resources(queue.inState(wanted, accounts.actor(agent)));
    }

    @GetMapping("/{id}")
    @Operation(operationId = "getReview", summary = "One review")
    @ApiResponse(responseCode = "200", description = "The review")
    @ApiResponse(responseCode = "404", description = "No such review, or one of a team you may not see",
            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE, schema = @Schema(ref = PROBLEM)))
    ReviewResource get(@PathVariable long id, @AuthenticationPrincipal AgentPrincipal agent) {
        return resources(List.of(queue.get(id, accounts.actor(agent)))).getFirst();
    }

    @PostMapping(path = "/{id}/approve")
    @Operation(operationId = "approveReview", summary = "Approve: the work stands (a reply goes out, as written or as you edited it)")
    @ApiResponse(responseCode = "200", description = "The review, approved")
    @ApiResponse(responseCode = "400", description = "The edited text is empty or too long; nothing decided",
            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE, schema = @Schema(ref = PROBLEM)))
    @ApiResponse(responseCode = "403", description = "Your own work (`reason`: own-work), or you are not a reviewer of its team "
            + "(`reason`: not-reviewer)",
            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE, schema = @Schema(ref = PROBLEM)))
    @ApiResponse(responseCode = "404", description = "No such review, or one of a team you may not see",
            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE, schema = @Schema(ref = PROBLEM)))
    @ApiResponse(responseCode = "409", description = "Already decided (nothing is done twice; `state` says how), withdrawn by its "
            + "author while you decided (`state`: withdrawn), or the ticket cannot take the status the reply's author chose",
            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE, schema = @Schema(ref = PROBLEM)))
    ReviewResource approve(@PathVariable long id, @RequestBody(required = false) Approval approval,
                           @AuthenticationPrincipal AgentPrincipal agent) {
        return resources(List.of(deciding.approve(id, approval == null ? null : approval.body(), accounts.actor(agent)))).getFirst();
    }

    @PostMapping(path = "/{id}/return", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(operationId = "returnReview", summary = "Return the work to its author with a comment")
    @ApiResponse(responseCode = "200", description = "The review, returned")
    @ApiResponse(responseCode = "400", description = "The comment is missing, blank or too long; nothing decided",
            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE, schema = @Schema(ref = PROBLEM)))
    @ApiResponse(responseCode = "403", description = "Your own work, or you are not a reviewer of its team",
            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE, schema = @Schema(ref = PROBLEM)))
    @ApiResponse(responseCode = "404", description = "No such review, or one of a team you may not see",
            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE, schema = @Schema(ref = PROBLEM)))
    @ApiResponse(responseCode = "409", description = "Already decided, or withdrawn by its author while you decided (`state`: withdrawn)",
            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE, schema = @Schema(ref = PROBLEM)))
    ReviewResource giveBack(@PathVariable long id, @RequestBody(required = false) Return input,
                            @AuthenticationPrincipal AgentPrincipal agent) {
        return resources(List.of(deciding.returnToAuthor(id, input == null ? null : input.comment(), accounts.actor(agent)))).getFirst();
    }

    private List<ReviewResource> resources(List<ReviewRow> rows) {
        List<Long> ids = new ArrayList<>();
        rows.forEach(r -> {
            ids.add(r.authorAgentId());
            if (r.reviewerAgentId() != null) {
                ids.add(r.reviewerAgentId());
            }
        });
        Map<Long, String> names = rows.isEmpty() ? Map.of() : accounts.agentNames(ids);
        return rows.stream().map(r -> new ReviewResource(r.id(), r.kind(), r.ticketId(), r.subjectId(),
                new AgentRef(r.authorAgentId(), names.get(r.authorAgentId())), r.reasons(), r.state().key(), r.round(),
                r.summary(), r.requestedAt(),
                r.reviewerAgentId() == null ? null : new AgentRef(r.reviewerAgentId(), names.get(r.reviewerAgentId())),
                r.decidedAt(), r.decidedAt() == null ? null : r.waited(r.decidedAt()).toSeconds(), r.comment(), r.editedText()))
                .toList();
    }

    @ExceptionHandler(ReviewNotFound.class)
    ResponseEntity<ProblemDetail> notFound(ReviewNotFound e) {
        return problem(HttpStatus.NOT_FOUND, "Not found", e.getMessage(), Map.of());
    }

    @ExceptionHandler(ReviewForbidden.class)
    ResponseEntity<ProblemDetail> forbidden(ReviewForbidden e) {
        String reason = e.why() == ReviewForbidden.Why.OWN_WORK ? "own-work" : "not-reviewer";
        return problem(HttpStatus.FORBIDDEN, e.why() == ReviewForbidden.Why.OWN_WORK ? "Your own work" : "Not a reviewer",
                e.getMessage(), Map.of("reason", reason));
    }

    @ExceptionHandler(NotTheAuthor.class)
    ResponseEntity<ProblemDetail> notAuthor(NotTheAuthor e) {
        return problem(HttpStatus.FORBIDDEN, "Forbidden", e.getMessage(), Map.of());
    }

    @ExceptionHandler(ReviewDecided.class)
    ResponseEntity<ProblemDetail> decided(ReviewDecided e) {
        return problem(HttpStatus.CONFLICT, e.review().state() == ReviewState.WITHDRAWN ? "Withdrawn" : "Already decided",
                e.getMessage(), Map.of("state", e.review().state().key()));
    }

    @ExceptionHandler(ReplyNotWaiting.class)
    ResponseEntity<ProblemDetail> notWaiting(ReplyNotWaiting e) {
        return problem(HttpStatus.CONFLICT, "Not waiting for review", e.getMessage(), Map.of("state", e.state()));
    }

    @ExceptionHandler(ReviewInvalid.class)
    ResponseEntity<ProblemDetail> invalid(ReviewInvalid e) {
        return problem(HttpStatus.BAD_REQUEST, "Invalid request", "Please correct these fields: " + e.field() + ".",
                Map.of("errors", List.of(Map.of("field", e.field(), "message", Objects.requireNonNullElse(e.getMessage(), "")))));
    }

    private static ResponseEntity<ProblemDetail> problem(HttpStatus status, String title, String detail, Map<String, Object> more) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(status, detail);
        p.setTitle(title);
        more.forEach(p::setProperty);
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(p);
    }
}
