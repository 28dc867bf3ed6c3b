package org.regard.tickets.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.regard.accounts.AgentPrincipal;
import org.regard.accounts.TeamAccess;
import org.regard.tickets.Categories;
import org.regard.tickets.RootCauses;
import org.regard.tickets.TicketAccess;
import org.regard.tickets.TicketForbidden;
import org.regard.tickets.Tickets;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.NoSuchElementException;

/**
 * Touch budgets, root-cause lists and a ticket's root cause over HTTP. Everyone reads; team leads and administrators
 * write (a plain agent gets 403): budgets are desk-wide, so any lead sets them; a team's root causes and a ticket's
 * root cause are for that team's leads.
 */
@RestController
@Tag(name = "Touch budgets", description = "Expected and alarm touches per category, the default pair, root causes")
class TouchBudgetApi {
    private final Categories categories;
    private final RootCauses causes;
    private final Tickets tickets;
    private final TicketAccess access;
    private final TeamAccess teams;

    TouchBudgetApi(Categories categories, RootCauses causes, Tickets tickets, TicketAccess access, TeamAccess teams) {
        this.categories = categories;
        this.causes = causes;
        this.tickets = tickets;
        this.access = access;
        this.teams = teams;
    }

    @Schema(name = "TouchBudget", description = "Both numbers or neither (null: none); alarmTouches > expectedTouches >= 1")
    record Budget(@Schema(nullable = true) Integer expectedTouches, @Schema(nullable = true) Integer alarmTouches) {
    }

    @Schema(name = "CategoryBudget")
    record CategoryBudget(long id, String name, @Schema(nullable = true, description = CategoryApi.EXPECTED) Integer expectedTouches,
                          @Schema(nullable = true, description = CategoryApi.ALARM) Integer alarmTouches) {
        static CategoryBudget of(Categories.CategoryView c) {
            return new CategoryBudget(c.id(), c.baseName(), c.expectedTouches(), c.alarmTouches());
        }
    }

    @Schema(name = "TouchBudgets", description = "The desk's default pair (tickets without a category, or whose category "
            + "has none) and each category's own")
    record Budgets(Budget defaultBudget, List<CategoryBudget> categories) {
    }

    @Schema(name = "RootCauses", description = "A team's list of root causes, in order")
    record Causes(List<String> causes) {
    }

    @Schema(name = "RootCauseNote")
    record CauseNote(@Schema(description = "One of the ticket's team's root causes") String rootCause) {
    }

    @GetMapping(path = "/api/v1/touch-budgets", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(operationId = "listTouchBudgets", summary = "The touch budgets: the default pair and each category's")
    Budgets budgets() {
        Categories.DefaultBudget d = categories.defaultBudget();
        return new Budgets(new Budget(d.expectedTouches(), d.alarmTouches()),
                categories.all().stream().map(CategoryBudget::of).toList());
    }

    @PutMapping(path = "/api/v1/touch-budgets/default", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(operationId = "setDefaultTouchBudget", summary = "Set the default pair (team leads and administrators)")
    @ApiResponse(responseCode = "403", description = "Not a team lead nor an administrator")
    Budget setDefault(@RequestBody Budget budget, @AuthenticationPrincipal AgentPrincipal agent) {
        requireLead(agent);
        Categories.DefaultBudget d = categories.defaultBudget(budget.expectedTouches(), budget.alarmTouches());
        return new Budget(d.expectedTouches(), d.alarmTouches());
    }

    @PutMapping(path = "/api/v1/touch-budgets/categories/{id}", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(operationId = "setCategoryTouchBudget", summary = "Set or remove a category's pair (team leads and administrators)",
            description = "Both null removes the category's own pair: the default pair applies to its tickets.")
    @ApiResponse(responseCode = "403", description = "Not a team lead nor an administrator")
    CategoryBudget setCategory(@PathVariable long id, @RequestBody Budget budget, @AuthenticationPrincipal AgentPrincipal agent) {
        requireLead(agent);
        categories.category(id).orElseThrow(() -> new NoSuchElementException("Category " + id + " does not exist."));
        return CategoryBudget.of(categories.budget(id, budget.expectedTouches(), budget.alarmTouches()));
    }

    @GetMapping(path = "/api/v1/root-causes/{teamId}", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(operationId = "listRootCauses", summary = "A team's root causes (its members, leads and administrators)")
    Causes rootCauses(@PathVariable long teamId, @AuthenticationPrincipal AgentPrincipal agent) {
        if (!access.mayWorkIn(agent, teamId)) {
            throw TicketForbidden.leadsOnly();
        }
        return new Causes(causes.of(teamId));
    }

    @PutMapping(path = "/api/v1/root-causes/{teamId}", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(operationId = "setRootCauses", summary = "Replace a team's root causes (its leads and administrators)",
            description = "An empty list brings back the built-in one.")
    @ApiResponse(responseCode = "403", description = "Not a lead of the team nor an administrator")
    Causes setRootCauses(@PathVariable long teamId, @RequestBody Causes body, @AuthenticationPrincipal AgentPrincipal agent) {
        return new Causes(causes.replace(teamId, body.causes(), access.actor(agent)));
    }

    @PutMapping(path = "/api/v1/tickets/{id}/root-cause", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(operationId = "noteRootCause", summary = "Note a ticket's root cause (leads of its team and administrators)",
            description = "One of the team's root causes; audited and kept in the ticket's history.")
    @ApiResponse(responseCode = "204", description = "Noted")
    @ApiResponse(responseCode = "403", description = "Not a lead of the ticket's team nor an administrator")
    @ApiResponse(responseCode = "400", description = "Not on the team's list (the problem names rootCause)")
    org.springframework.http.ResponseEntity<Void> noteRootCause(@PathVariable long id, @RequestBody CauseNote body,
                                                                @AuthenticationPrincipal AgentPrincipal agent) {
        tickets.noteRootCause(id, body.rootCause(), agent);
        return org.springframework.http.ResponseEntity.noContent().build();
    }

    private void requireLead(AgentPrincipal agent) {
        if (teams.teamsLedBy(access.actor(agent)).isEmpty()) {
            throw TicketForbidden.leadsOnly();
        }
    }
}
