package org.regard.accounts.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.regard.accounts.Accounts;
import org.regard.accounts.AgentAdministration;
import org.regard.accounts.AgentPrincipal;
import org.regard.accounts.AgentView;
import org.regard.accounts.TeamView;
import org.regard.accounts.web.SignedInSessions;
import org.regard.accounts.api.AgentRequests.AgentChangesRequest;
import org.regard.accounts.api.AgentRequests.AgentResource;
import org.regard.accounts.api.AgentRequests.NewAgentRequest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import java.util.List;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Agents over HTTP, for administrators only (the API security chain refuses agents and leads with 403). Creating and
 * changing them goes through the same use cases as the agent pages, audited the same way.
 */
@RestController
@RequestMapping(path = "/api/v1/agents", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Administration", description = "Agents, teams, categories and the audit log (administrators only)")
class AgentApi {
    private final Accounts accounts;
    private final AgentAdministration administration;
    private final SignedInSessions sessions;

    AgentApi(Accounts accounts, AgentAdministration administration, SignedInSessions sessions) {
        this.accounts = accounts;
        this.administration = administration;
        this.sessions = sessions;
    }

    @GetMapping
    @Operation(operationId = "listAgents", summary = "List agents (administrators only)", description = "Active and deactivated, by name.")
    List<AgentResource> list() {
        return accounts.agents().stream().map(AgentResource::of).toList();
    }

    @GetMapping("/{id}")
    @Operation(operationId = "getAgent", summary = "Read an agent (administrators only)")
    AgentResource agent(@PathVariable long id) {
        return AgentResource.of(existing(id));
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(operationId = "createAgent", summary = "Create an agent (administrators only)")
    @ApiResponse(responseCode = "201", description = "The new agent",
            headers = @Header(name = HttpHeaders.LOCATION, description = "The agent's address"))
    @ApiResponse(responseCode = "409", description = "An agent with this email address exists",
            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE, schema = @Schema(ref = "#/components/schemas/Problem")))
    ResponseEntity<AgentResource> create(@Valid @RequestBody NewAgentRequest request) {
        requireTeams(request.teams());
        org.regard.accounts.TimeZones.parse("timeZone", request.timeZone());
        AgentView created = administration.create(new AgentAdministration.NewAgent(request.email().strip(), request.name().strip(),
                request.password(), AgentRequests.role(request.role()), null, request.languages() == null ? List.of() : request.languages(),
                request.teams() == null ? Set.of() : request.teams(), request.probationUntil(),
                Boolean.TRUE.equals(request.reviewer())));
        if (request.timeZone() != null && !request.timeZone().isBlank()) {
            created = administration.changeTimeZone(null, created.id(), request.timeZone());
        }
        if (Boolean.FALSE.equals(request.active())) {
            created = administration.change(null, created.id(), org.regard.accounts.AgentChanges.NONE.withActive(false));
        }
        return ResponseEntity.created(ServletUriComponentsBuilder.fromCurrentContextPath().path("/api/v1/agents/{id}")
                .buildAndExpand(created.id()).toUri()).body(AgentResource.of(created));
    }

    @PatchMapping(path = "/{id}", consumes = {MediaType.APPLICATION_JSON_VALUE, "application/merge-patch+json"})
    @Operation(operationId = "changeAgent", summary = "Change an agent (administrators only)",
            description = "Fields left out keep their value. A role change or a deactivation ends the agent's page sessions "
                    + "at their next request; API tokens act with the new role at once.")
    @ApiResponse(responseCode = "200", description = "The changed agent")
    @ApiResponse(responseCode = "409", description = "The email address belongs to another agent; or the change would leave "
            + "no active administrator; or an administrator changes their own role or deactivates themselves",
            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE, schema = @Schema(ref = "#/components/schemas/Problem")))
    AgentResource change(@PathVariable long id, @Valid @RequestBody AgentChangesRequest changes,
                         @AuthenticationPrincipal AgentPrincipal me) {
        AgentView before = existing(id);
        var command = changes.toChanges();
        requireTeams(changes.teamIds());
        if (changes.timeZoneSent()) {
            // checked before anything changes, so that an unknown zone (422) loses nothing else either
            org.regard.accounts.TimeZones.parse("timeZone", changes.getTimeZone());
        }
        AgentView after = administration.change(me.id(), id, command);
        if (changes.timeZoneSent()) {
            after = administration.changeTimeZone(me.id(), id, changes.getTimeZone());
        }
        if (after.role() != before.role() || before.active() && !after.active()) {
            // the agent's page sessions still carry the old role, or should end
            sessions.endAllOf(before.email());
        }
        return AgentResource.of(after);
    }

    private AgentView existing(long id) {
        return accounts.agent(id).orElseThrow(() -> new NoSuchElementException("Agent " + id + " does not exist."));
    }

    private void requireTeams(Set<Long> teamIds) {
        if (teamIds == null || teamIds.isEmpty()) {
            return;
        }
        Set<Long> known = accounts.teams().stream().map(TeamView::id).collect(Collectors.toSet());
        teamIds.stream().filter(t -> t == null || !known.contains(t)).findFirst().ifPresent(t -> {
            throw AdminProblems.invalidField("teams", "has " + t + ", which is not a team");
        });
    }
}
