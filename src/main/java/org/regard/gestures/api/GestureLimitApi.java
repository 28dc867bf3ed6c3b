package org.regard.gestures.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.regard.accounts.AgentPrincipal;
import org.regard.gestures.GestureForbidden;
import org.regard.gestures.GestureInvalid;
import org.regard.gestures.GestureNotFound;
import org.regard.gestures.Gestures;
import org.regard.gestures.api.GestureResources.LimitResource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.math.BigDecimal;
import java.util.List;

/** Gesture limits over the API: read what the caller may see, set and remove them (administrators and leads). */
@RestController
@RequestMapping("/api/v1/gesture-limits")
@Tag(name = "Gestures")
class GestureLimitApi {
    private static final String PROBLEM = GestureResources.PROBLEM;
    private final Gestures gestures;

    GestureLimitApi(Gestures gestures) {
        this.gestures = gestures;
    }

    @Schema(name = "GestureLimitInput", description = "The limit of a team (team) or of one agent (agent), for one kind; "
            + "setting it again replaces it.")
    record LimitInput(@Schema(nullable = true) Long team, @Schema(nullable = true) Long agent,
                      @Schema(requiredMode = Schema.RequiredMode.REQUIRED,
                              allowableValues = {"refund", "voucher", "free-shipping", "replacement", "free-month", "other"}) String kind,
                      @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "EUR") String currency,
                      @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "20.00") BigDecimal perGesture,
                      @Schema(nullable = true, example = "100.00") BigDecimal perMonth) {
    }

    @GetMapping(produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(operationId = "listGestureLimits", summary = "The gesture limits the caller may see",
            description = "An administrator sees all; everyone else the limits of their teams and their own, and a lead also "
                    + "those of the agents of the teams they lead.")
    List<LimitResource> list(@AuthenticationPrincipal AgentPrincipal agent) {
        return gestures.limits(agent).stream().map(LimitResource::of).toList();
    }

    @PutMapping(consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(operationId = "setGestureLimit", summary = "Set the limit of a team or an agent for a kind")
    @ApiResponse(responseCode = "200", description = "The limit as it now stands")
    @ApiResponse(responseCode = "400", description = "A field is wrong; nothing changed",
            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE, schema = @Schema(ref = PROBLEM)))
    @ApiResponse(responseCode = "403", description = "Not an administrator, nor a lead of the team (of one of the agent's teams)",
            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE, schema = @Schema(ref = PROBLEM)))
    LimitResource set(@RequestBody LimitInput input, @AuthenticationPrincipal AgentPrincipal agent) {
        return LimitResource.of(gestures.setLimit(new Gestures.LimitChange(input.team(), input.agent(), input.kind(),
                input.currency(), input.perGesture(), input.perMonth()), agent));
    }

    @DeleteMapping("/{id}")
    @Operation(operationId = "removeGestureLimit", summary = "Remove a gesture limit")
    @ApiResponse(responseCode = "204", description = "Removed")
    @ApiResponse(responseCode = "403", description = "Not an administrator, nor a lead of the team (of one of the agent's teams)",
            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE, schema = @Schema(ref = PROBLEM)))
    @ApiResponse(responseCode = "404", description = "No such limit",
            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE, schema = @Schema(ref = PROBLEM)))
    ResponseEntity<Void> remove(@PathVariable long id, @AuthenticationPrincipal AgentPrincipal agent) {
        gestures.removeLimit(id, agent);
        return ResponseEntity.noContent().build();
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
