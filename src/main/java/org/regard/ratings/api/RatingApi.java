package org.regard.ratings.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.regard.accounts.Accounts;
import org.regard.accounts.AgentPrincipal;
import org.regard.ratings.Rating;
import org.regard.ratings.RatingForbidden;
import org.regard.ratings.RatingInvalid;
import org.regard.ratings.RatingSettings;
import org.regard.ratings.Ratings;
import org.regard.ratings.Score;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;

/** The customers' ratings over the API, and each team's rating requests setting. */
@RestController
@Tag(name = "Ratings")
class RatingApi {
    private static final String PROBLEM = "#/components/schemas/Problem";
    private final Ratings ratings;
    private final RatingSettings settings;
    private final Accounts accounts;

    RatingApi(Ratings ratings, RatingSettings settings, Accounts accounts) {
        this.ratings = ratings;
        this.settings = settings;
        this.accounts = accounts;
    }

    @Schema(name = "Rating", description = "A customer's answer to a rating request")
    record RatingResource(long id, long ticketId, long teamId,
                          @Schema(allowableValues = {"good", "okay", "bad"}) String score, String comment,
                          Instant answeredAt, Instant sentAt, Instant expiresAt) {
        static RatingResource of(Rating r) {
            return new RatingResource(r.id(), r.ticketId(), r.teamId(), r.score().key(), r.comment(), r.answeredAt(),
                    r.sentAt(), r.expiresAt());
        }
    }

    @Schema(name = "RatingSetting", description = "A team's rating requests: on or off, and how many hours after the "
            + "resolution they are sent (if the ticket is still resolved then)")
    record SettingResource(long teamId, boolean enabled, @Schema(minimum = "0", maximum = "720") int delayHours) {
    }

    @Schema(name = "RatingSettingChange")
    record SettingChange(@Schema(requiredMode = Schema.RequiredMode.REQUIRED) Boolean enabled,
                         @Schema(requiredMode = Schema.RequiredMode.REQUIRED, minimum = "0", maximum = "720") Integer delayHours) {
    }

    @GetMapping(path = "/api/v1/ratings", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(operationId = "listRatings", summary = "The customers' answered ratings",
            description = "Newest answer first. Agents see their teams' ratings, administrators all.")
    @ApiResponse(responseCode = "200", description = "The ratings")
    @ApiResponse(responseCode = "400", description = "A filter is wrong",
            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE, schema = @Schema(ref = PROBLEM)))
    List<RatingResource> list(@RequestParam(required = false) Long team,
                              @Parameter(description = "answered at or after (ISO-8601 instant)") @RequestParam(required = false) String from,
                              @Parameter(description = "answered before (ISO-8601 instant)") @RequestParam(required = false) String to,
                              @Parameter(schema = @Schema(allowableValues = {"good", "okay", "bad"})) @RequestParam(required = false) String score,
                              @RequestParam(defaultValue = "100") int limit,
                              @AuthenticationPrincipal AgentPrincipal agent) {
        Score s = score == null ? null : Score.parse(score).orElseThrow(() ->
                new RatingInvalid("score", "ratings.error.score", "must be good, okay or bad"));
        return ratings.list(team, instant("from", from), instant("to", to), s, limit, agent).stream()
                .map(RatingResource::of).toList();
    }

    @GetMapping(path = "/api/v1/tickets/{id}/ratings", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(operationId = "ticketRatings", summary = "The customer's answered ratings of a ticket, newest first")
    @ApiResponse(responseCode = "200", description = "The ratings (empty when none)")
    @ApiResponse(responseCode = "403", description = "The ticket is another team's",
            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE, schema = @Schema(ref = PROBLEM)))
    @ApiResponse(responseCode = "404", description = "No such ticket",
            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE, schema = @Schema(ref = PROBLEM)))
    List<RatingResource> ofTicket(@PathVariable long id, @AuthenticationPrincipal AgentPrincipal agent) {
        return ratings.ofTicket(id, agent).stream().map(RatingResource::of).toList();
    }

    @GetMapping(path = "/api/v1/rating-settings/{teamId}", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(operationId = "ratingSetting", summary = "A team's rating requests setting (its leads and administrators)")
    @ApiResponse(responseCode = "200", description = "The setting (on, no delay, when never changed)")
    @ApiResponse(responseCode = "403", description = "Not a lead of the team nor an administrator",
            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE, schema = @Schema(ref = PROBLEM)))
    SettingResource setting(@PathVariable("teamId") long id, @AuthenticationPrincipal AgentPrincipal agent) {
        RatingSettings.Setting s = settings.of(id, accounts.actor(agent));
        return new SettingResource(s.teamId(), s.enabled(), s.delayHours());
    }

    @PutMapping(path = "/api/v1/rating-settings/{teamId}", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(operationId = "changeRatingSetting", summary = "Switch a team's rating requests on or off, or delay them")
    @ApiResponse(responseCode = "200", description = "The setting now")
    @ApiResponse(responseCode = "400", description = "A field is missing or out of range; nothing changed",
            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE, schema = @Schema(ref = PROBLEM)))
    @ApiResponse(responseCode = "403", description = "Not a lead of the team nor an administrator",
            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE, schema = @Schema(ref = PROBLEM)))
    SettingResource change(@PathVariable("teamId") long id, @RequestBody SettingChange change, @AuthenticationPrincipal AgentPrincipal agent) {
        if (change == null || change.enabled() == null) {
            throw new RatingInvalid("enabled", "ratings.error.enabled", "is required");
        }
        RatingSettings.Setting s = settings.change(id, change.enabled(), change.delayHours(), accounts.actor(agent));
        return new SettingResource(s.teamId(), s.enabled(), s.delayHours());
    }

    @GetMapping(path = "/api/v1/rating-settings", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(operationId = "ratingSettings", summary = "The rating requests settings of the teams the caller leads (all for an administrator)")
    @ApiResponse(responseCode = "200", description = "One setting per team (empty for an agent who leads none)")
    List<SettingResource> settings(@AuthenticationPrincipal AgentPrincipal agent) {
        return settings.led(accounts.actor(agent)).stream()
                .map(s -> new SettingResource(s.teamId(), s.enabled(), s.delayHours())).toList();
    }

    private static Instant instant(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw new RatingInvalid(field, "ratings.error.instant", "must be an ISO-8601 instant such as 2026-01-31T00:00:00Z");
        }
    }

    @ExceptionHandler(RatingInvalid.class)
    ResponseEntity<ProblemDetail> invalid(RatingInvalid e) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "Please correct these fields: "
                + e.field() + " " + e.getMessage() + ".");
        p.setTitle("Invalid request");
        p.setProperty("errors", List.of(Map.of("field", e.field(), "message", e.getMessage())));
        return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_PROBLEM_JSON).body(p);
    }

    @ExceptionHandler(RatingForbidden.class)
    ResponseEntity<ProblemDetail> forbidden(RatingForbidden e) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, e.getMessage());
        p.setTitle("Forbidden");
        return ResponseEntity.status(HttpStatus.FORBIDDEN).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(p);
    }
}
