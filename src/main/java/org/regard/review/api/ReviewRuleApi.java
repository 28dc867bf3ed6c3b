package org.regard.review.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.regard.accounts.AgentPrincipal;
import org.regard.review.ReviewRule;
import org.regard.review.ReviewRuleDraft;
import org.regard.review.ReviewRuleForbidden;
import org.regard.review.ReviewRuleInvalid;
import org.regard.review.ReviewRuleNotFound;
import org.regard.review.ReviewRules;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Review rules over the API, for administrators only (the API security chain refuses everyone else with 403, and the
 * use cases check again): when an agent's reply is held for a second person before the customer gets it.
 */
@RestController
@RequestMapping(path = "/api/v1/review-rules", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Review rules")
class ReviewRuleApi {
    private static final String PROBLEM = "#/components/schemas/Problem";
    private final ReviewRules rules;

    ReviewRuleApi(ReviewRules rules) {
        this.rules = rules;
    }

    @Schema(name = "ReviewRule", description = "A review rule: every active rule that holds a reply adds its reason "
            + "(category, customer, organization, words:<the words found>).")
    record RuleResource(long id,
                        @Schema(allowableValues = {"category", "customer", "organization", "words"}) String kind,
                        @Schema(nullable = true, description = "The category's, customer's or organization's id; null for words")
                        Long target,
                        @Schema(description = "The words and phrases (empty for other kinds)") List<String> words,
                        @Schema(nullable = true, description = "The one team the rule applies to; null: every team") Long team,
                        boolean active, Instant createdAt, @Schema(nullable = true) Long createdBy,
                        Instant updatedAt, @Schema(nullable = true) Long updatedBy) {
        static RuleResource of(ReviewRule r) {
            return new RuleResource(r.id(), r.kind().code(), r.targetId(), r.words(), r.teamId(), r.active(), r.createdAt(),
                    r.createdBy(), r.updatedAt(), r.updatedBy());
        }
    }

    @Schema(name = "ReviewRuleInput", description = "A review rule, whole. Words and phrases: 1 to " + ReviewRules.MAX_WORDS
            + ", each up to " + ReviewRules.MAX_WORD + " characters, matched as whole words, blind to case and accents. "
            + "Fields the kind does not use are ignored.")
    record RuleInput(@Schema(allowableValues = {"category", "customer", "organization", "words"}) String kind,
                     @Schema(nullable = true, description = "Required for category, customer and organization rules") Long target,
                     @Schema(nullable = true, description = "Required for words rules") List<String> words,
                     @Schema(nullable = true, description = "null: every team") Long team,
                     @Schema(nullable = true, description = "Defaults to true") Boolean active) {
        ReviewRuleDraft draft() {
            return new ReviewRuleDraft(kind, target, words, team, active);
        }
    }

    @GetMapping
    @Operation(operationId = "listReviewRules", summary = "Every review rule, active ones first (administrators)")
    List<RuleResource> list() {
        return rules.all().stream().map(RuleResource::of).toList();
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(operationId = "createReviewRule", summary = "Create a review rule (administrators)")
    @ApiResponse(responseCode = "201", description = "Created")
    ResponseEntity<RuleResource> create(@RequestBody RuleInput input, @AuthenticationPrincipal AgentPrincipal agent) {
        ReviewRule created = rules.create(input.draft(), agent);
        return ResponseEntity.created(URI.create("/api/v1/review-rules/" + created.id())).body(RuleResource.of(created));
    }

    @GetMapping("/{id}")
    @Operation(operationId = "getReviewRule", summary = "One review rule (administrators)")
    RuleResource one(@PathVariable long id) {
        return RuleResource.of(rules.rule(id).orElseThrow(() -> new ReviewRuleNotFound(id)));
    }

    @PutMapping(path = "/{id}", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(operationId = "replaceReviewRule", summary = "Replace a review rule whole, or switch it off with active false (administrators)")
    RuleResource replace(@PathVariable long id, @RequestBody RuleInput input, @AuthenticationPrincipal AgentPrincipal agent) {
        return RuleResource.of(rules.update(id, input.draft(), agent));
    }

    @DeleteMapping("/{id}")
    @Operation(operationId = "deleteReviewRule", summary = "Delete a review rule (administrators)")
    @ApiResponse(responseCode = "204", description = "Deleted")
    ResponseEntity<Void> delete(@PathVariable long id, @AuthenticationPrincipal AgentPrincipal agent) {
        rules.delete(id, agent);
        return ResponseEntity.noContent().build();
    }

    @ExceptionHandler(ReviewRuleForbidden.class)
    ResponseEntity<ProblemDetail> forbidden(ReviewRuleForbidden e) {
        return problem(HttpStatus.FORBIDDEN, "Forbidden", e.getMessage(), null);
    }

    @ExceptionHandler(ReviewRuleNotFound.class)
    ResponseEntity<ProblemDetail> notFound(ReviewRuleNotFound e) {
        return problem(HttpStatus.NOT_FOUND, "Not found", e.getMessage(), null);
    }

    @ExceptionHandler(ReviewRuleInvalid.class)
    ResponseEntity<ProblemDetail> invalid(ReviewRuleInvalid e) {
        return problem(HttpStatus.BAD_REQUEST, "Invalid request", "Please correct these fields: " + e.getMessage() + ".", e);
    }

    private static ResponseEntity<ProblemDetail> problem(HttpStatus status, String title, String detail, ReviewRuleInvalid field) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(status, detail);
        p.setTitle(title);
        if (field != null) {
            p.setProperty("errors", List.of(Map.of("field", field.field(), "message", field.problem())));
        }
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(p);
    }
}
