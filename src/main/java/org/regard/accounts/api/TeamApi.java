package org.regard.accounts.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.regard.accounts.TeamAdministration;
import org.regard.accounts.TeamAdministration.StaffedTeam;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;

/** Teams over HTTP, for administrators only (the API security chain refuses agents and leads with 403). */
@RestController
@RequestMapping(path = "/api/v1/teams", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Administration", description = "Agents, teams, categories and the audit log (administrators only)")
class TeamApi {
    static final int MAX_NAME = TeamAdministration.MAX_NAME;
    private static final String NOT_BLANK = "(?s).*\\S.*";

    private final TeamAdministration teams;

    TeamApi(TeamAdministration teams) {
        this.teams = teams;
    }

    static final String NAMES = "The team's name in each page language an admin gave one for (en, fr, de, vi); pages "
            + "show the agent's language and fall back to the base name. Tickets and search name the team in English "
            + "when an English name is given, else by its base name.";

    static final String ZONE = "The IANA time zone the team's days are counted in (reports, monthly gesture limits), such as "
            + "Europe/Paris; null: the desk's default (regard.time-zone). An unknown zone is refused with 422.";

    @Schema(name = "Team")
    record TeamResource(long id, @Schema(description = "The base name") String name,
                        @Schema(description = NAMES, example = "{\"fr\": \"Assistance\", \"de\": \"Kundendienst\"}") Map<String, String> names,
                        @Schema(description = "Ids of the team's agents, active or not") List<Long> members,
                        @Schema(description = ZONE, nullable = true, example = "Europe/Paris") String timeZone) {
        static TeamResource of(StaffedTeam t) {
            return new TeamResource(t.team().id(), t.team().baseName(), t.team().names().byLanguage(),
                    t.members().stream().sorted().toList(), t.timeZone());
        }
    }

    @Schema(name = "NewTeam")
    record NewTeam(@NotBlank @Size(max = MAX_NAME) String name,
                   @Schema(description = NAMES, nullable = true) Map<String, String> names,
                   @Schema(description = "Ids of the team's agents", nullable = true) Set<Long> members,
                   @Schema(description = ZONE, nullable = true, example = "Europe/Paris") @Size(max = 64) String timeZone) {
    }

    @Schema(name = "TeamChanges", description = "Any of these fields; the ones left out keep their value.")
    record TeamChanges(@Size(max = MAX_NAME) @Pattern(regexp = NOT_BLANK, message = "must not be blank") String name,
                       @Schema(description = NAMES + " Replaces them all: a language left out or blank loses its name.",
                               nullable = true) Map<String, String> names,
                       @Schema(description = "Ids of the team's agents: replaces them all") Set<Long> members,
                       @Schema(description = ZONE + " An empty string returns to the desk's default; later facts use the "
                               + "new zone, days already counted keep theirs.", nullable = true, example = "Europe/Paris")
                       @Size(max = 64) String timeZone) {
    }

    @GetMapping
    @Operation(operationId = "listTeams", summary = "List teams (administrators only)", description = "By name.")
    List<TeamResource> list() {
        return teams.all().stream().map(TeamResource::of).toList();
    }

    @GetMapping("/{id}")
    @Operation(operationId = "getTeam", summary = "Read a team (administrators only)")
    TeamResource team(@PathVariable long id) {
        return TeamResource.of(existing(id));
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(operationId = "createTeam", summary = "Create a team (administrators only)")
    @ApiResponse(responseCode = "201", description = "The new team",
            headers = @Header(name = HttpHeaders.LOCATION, description = "The team's address"))
    @ApiResponse(responseCode = "422", description = "timeZone is not a time zone",
            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE, schema = @Schema(ref = "#/components/schemas/Problem")))
    @ApiResponse(responseCode = "409", description = "A team with this name exists",
            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE, schema = @Schema(ref = "#/components/schemas/Problem")))
    ResponseEntity<TeamResource> create(@Valid @RequestBody NewTeam request) {
        StaffedTeam created = teams.create(request.name().strip(), request.names(),
                request.members() == null ? Set.of() : request.members(), request.timeZone());
        return ResponseEntity.created(ServletUriComponentsBuilder.fromCurrentContextPath().path("/api/v1/teams/{id}")
                .buildAndExpand(created.team().id()).toUri()).body(TeamResource.of(created));
    }

    @PatchMapping(path = "/{id}", consumes = {MediaType.APPLICATION_JSON_VALUE, "application/merge-patch+json"})
    @Operation(operationId = "changeTeam", summary = "Rename a team, name it in other languages, change its members or its time zone (administrators only)",
            description = "Fields left out keep their value.")
    @ApiResponse(responseCode = "200", description = "The changed team")
    @ApiResponse(responseCode = "422", description = "timeZone is not a time zone",
            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE, schema = @Schema(ref = "#/components/schemas/Problem")))
    @ApiResponse(responseCode = "409", description = "Another team has this name",
            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE, schema = @Schema(ref = "#/components/schemas/Problem")))
    TeamResource change(@PathVariable long id, @Valid @RequestBody TeamChanges changes) {
        existing(id);
        return TeamResource.of(teams.change(id, changes.name() == null ? null : changes.name().strip(), changes.names(),
                changes.members(), changes.timeZone()));
    }

    private StaffedTeam existing(long id) {
        return teams.team(id).orElseThrow(() -> new NoSuchElementException("Team " + id + " does not exist."));
    }
}
