package org.regard.reports.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.regard.accounts.AgentPrincipal;
import org.regard.reports.ReportFilter;
import org.regard.reports.ReportForbidden;
import org.regard.reports.ReportInvalid;
import org.regard.reports.ReportTable;
import org.regard.reports.Reports;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.Map;

/**
 * The guardrail reports over the API, one endpoint per report, each as JSON or as CSV ({@code Accept: text/csv}). For
 * leads (the teams they lead) and administrators (every team); plain agents get 403.
 */
@RestController
@Tag(name = "Reports")
class ReportApi {
    private static final String PROBLEM = "#/components/schemas/Problem";
    private static final String CSV = "text/csv";
    private static final String FILTERS = " Filters: from and to are days, both included, each team's days in its time zone (default: the last 30 days "
            + "up to today in the caller's time zone); "
            + "team (one the caller leads; default: all of them), category (an id, or none), channel (EMAIL, PHONE, VISIT, "
            + "WEB, API), language (a code, or unknown). Definitions: docs/metrics.md, \"Reports\".";

    private final Reports reports;

    ReportApi(Reports reports) {
        this.reports = reports;
    }

    private ReportFilter filter(String from, String to, String team, String category, String channel, String language,
                                AgentPrincipal agent) {
        return ReportFilter.parse(from, to, team, category, channel, language, reports.today(agent));
    }

    private ResponseEntity<String> csv(String name, String from, String to, String team, String category, String channel,
                                       String language, AgentPrincipal agent) {
        ReportTable table = ReportTable.of(name, reports, filter(from, to, team, category, channel, language, agent), agent);
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("text/csv;charset=UTF-8"))
                .header("Content-Disposition", "attachment; filename=\"" + name + ".csv\"").body(table.csv());
    }

    @GetMapping(path = "/api/v1/reports/touches", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(operationId = "reportTouches", summary = "Touches per resolved ticket by category: the distribution",
            description = "For each category (0: none), how many resolutions took 0, 1, 2 … touches (20: 20 or more), with "
                    + "the total, the mean and the category's expected and alarm touches when it has them." + FILTERS)
    @ApiResponse(responseCode = "400", description = "A filter is wrong (the problem names it)",
            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE, schema = @Schema(ref = PROBLEM)))
    @ApiResponse(responseCode = "403", description = "A plain agent, or a team the caller does not lead",
            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE, schema = @Schema(ref = PROBLEM)))
    List<Reports.CategoryTouches> touches(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
                                          @RequestParam(required = false) String team, @RequestParam(required = false) String category,
                                          @RequestParam(required = false) String channel, @RequestParam(required = false) String language,
                                          @AuthenticationPrincipal AgentPrincipal agent) {
        return reports.touches(filter(from, to, team, category, channel, language, agent), agent);
    }

    @GetMapping(path = "/api/v1/reports/touches", produces = CSV)
    @Operation(operationId = "reportTouchesCsv", summary = "Touches per resolved ticket by category, as CSV",
            description = "One line per category and touch count with resolutions." + FILTERS)
    ResponseEntity<String> touchesCsv(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
                                      @RequestParam(required = false) String team, @RequestParam(required = false) String category,
                                      @RequestParam(required = false) String channel, @RequestParam(required = false) String language,
                                      @AuthenticationPrincipal AgentPrincipal agent) {
        return csv("touches", from, to, team, category, channel, language, agent);
    }

    @GetMapping(path = "/api/v1/reports/outcomes", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(operationId = "reportOutcomes", summary = "Resolved for good, first-contact resolution, no reply and reopen rates, by team",
            description = "Resolved for good: stayed resolved N days (regard.reports.resolved-for-good-days, 7) without the "
                    + "customer coming back; first contact: resolved for good with exactly one reply from the team; no reply: "
                    + "resolved without any reply (never first contact). Rates of resolved for good and first contact are of "
                    + "the settled resolutions (whose window has passed); no-reply and reopen rates of all." + FILTERS)
    @ApiResponse(responseCode = "400", description = "A filter is wrong (the problem names it)",
            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE, schema = @Schema(ref = PROBLEM)))
    @ApiResponse(responseCode = "403", description = "A plain agent, or a team the caller does not lead",
            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE, schema = @Schema(ref = PROBLEM)))
    List<Reports.Outcome> outcomes(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
                                   @RequestParam(required = false) String team, @RequestParam(required = false) String category,
                                   @RequestParam(required = false) String channel, @RequestParam(required = false) String language,
                                   @AuthenticationPrincipal AgentPrincipal agent) {
        return reports.outcomes(filter(from, to, team, category, channel, language, agent), agent);
    }

    @GetMapping(path = "/api/v1/reports/outcomes", produces = CSV)
    @Operation(operationId = "reportOutcomesCsv", summary = "The outcome figures by team, as CSV", description = FILTERS)
    ResponseEntity<String> outcomesCsv(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
                                       @RequestParam(required = false) String team, @RequestParam(required = false) String category,
                                       @RequestParam(required = false) String channel, @RequestParam(required = false) String language,
                                       @AuthenticationPrincipal AgentPrincipal agent) {
        return csv("outcomes", from, to, team, category, channel, language, agent);
    }

    @GetMapping(path = "/api/v1/reports/reopens", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(operationId = "reportReopens", summary = "Reopen rate by day resolved",
            description = "Of each day's resolutions, how many the customer (or an agent) reopened since." + FILTERS)
    @ApiResponse(responseCode = "400", description = "A filter is wrong (the problem names it)",
            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE, schema = @Schema(ref = PROBLEM)))
    @ApiResponse(responseCode = "403", description = "A plain agent, or a team the caller does not lead",
            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE, schema = @Schema(ref = PROBLEM)))
    List<Reports.ReopenDay> reopens(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
                                    @RequestParam(required = false) String team, @RequestParam(required = false) String category,
                                    @RequestParam(required = false) String channel, @RequestParam(required = false) String language,
                                    @AuthenticationPrincipal AgentPrincipal agent) {
        return reports.reopens(filter(from, to, team, category, channel, language, agent), agent);
    }

    @GetMapping(path = "/api/v1/reports/reopens", produces = CSV)
    @Operation(operationId = "reportReopensCsv", summary = "Reopen rate by day resolved, as CSV", description = FILTERS)
    ResponseEntity<String> reopensCsv(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
                                      @RequestParam(required = false) String team, @RequestParam(required = false) String category,
                                      @RequestParam(required = false) String channel, @RequestParam(required = false) String language,
                                      @AuthenticationPrincipal AgentPrincipal agent) {
        return csv("reopens", from, to, team, category, channel, language, agent);
    }

    @GetMapping(path = "/api/v1/reports/backlog", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(operationId = "reportBacklog", summary = "Open tickets now, by age",
            description = "Buckets: under-1-day, days-1-to-2, days-3-to-6, days-7-to-29, days-30-and-more (UTC days since "
                    + "the ticket opened). The dates and the category do not apply." + FILTERS)
    @ApiResponse(responseCode = "400", description = "A filter is wrong (the problem names it)",
            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE, schema = @Schema(ref = PROBLEM)))
    @ApiResponse(responseCode = "403", description = "A plain agent, or a team the caller does not lead",
            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE, schema = @Schema(ref = PROBLEM)))
    List<Reports.BacklogBucket> backlog(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
                                        @RequestParam(required = false) String team, @RequestParam(required = false) String category,
                                        @RequestParam(required = false) String channel, @RequestParam(required = false) String language,
                                        @AuthenticationPrincipal AgentPrincipal agent) {
        return reports.backlog(filter(from, to, team, category, channel, language, agent), agent);
    }

    @GetMapping(path = "/api/v1/reports/backlog", produces = CSV)
    @Operation(operationId = "reportBacklogCsv", summary = "Open tickets now by age, as CSV", description = FILTERS)
    ResponseEntity<String> backlogCsv(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
                                      @RequestParam(required = false) String team, @RequestParam(required = false) String category,
                                      @RequestParam(required = false) String channel, @RequestParam(required = false) String language,
                                      @AuthenticationPrincipal AgentPrincipal agent) {
        return csv("backlog", from, to, team, category, channel, language, agent);
    }

    @GetMapping(path = "/api/v1/reports/volume", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(operationId = "reportVolume", summary = "Tickets opened, by channel and language",
            description = "Language '' is unknown. The category does not apply (tickets as they arrive)." + FILTERS)
    @ApiResponse(responseCode = "400", description = "A filter is wrong (the problem names it)",
            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE, schema = @Schema(ref = PROBLEM)))
    @ApiResponse(responseCode = "403", description = "A plain agent, or a team the caller does not lead",
            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE, schema = @Schema(ref = PROBLEM)))
    List<Reports.VolumeCell> volume(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
                                    @RequestParam(required = false) String team, @RequestParam(required = false) String category,
                                    @RequestParam(required = false) String channel, @RequestParam(required = false) String language,
                                    @AuthenticationPrincipal AgentPrincipal agent) {
        return reports.volume(filter(from, to, team, category, channel, language, agent), agent);
    }

    @GetMapping(path = "/api/v1/reports/volume", produces = CSV)
    @Operation(operationId = "reportVolumeCsv", summary = "Tickets opened by channel and language, as CSV", description = FILTERS)
    ResponseEntity<String> volumeCsv(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
                                     @RequestParam(required = false) String team, @RequestParam(required = false) String category,
                                     @RequestParam(required = false) String channel, @RequestParam(required = false) String language,
                                     @AuthenticationPrincipal AgentPrincipal agent) {
        return csv("volume", from, to, team, category, channel, language, agent);
    }

    @GetMapping(path = "/api/v1/reports/flags", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(operationId = "reportFlags", summary = "Tickets flagged for a team lead, by day, reason and root cause",
            description = "Each flag counts once on the day it was raised (reason ALARM: the touches reached the alarm; "
                    + "BAD_RATING: a bad rating with a comment; or another module's reason), under the root cause a lead "
                    + "noted since ('' : none noted yet). The tickets still waiting for a cause are the inbox's Flagged "
                    + "view (/inbox?view=FLAGGED; view=flagged in GET /api/v1/tickets). The category is the ticket's when "
                    + "it was flagged." + FILTERS)
    @ApiResponse(responseCode = "400", description = "A filter is wrong (the problem names it)",
            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE, schema = @Schema(ref = PROBLEM)))
    @ApiResponse(responseCode = "403", description = "A plain agent, or a team the caller does not lead",
            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE, schema = @Schema(ref = PROBLEM)))
    List<Reports.FlagDay> flags(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
                                    @RequestParam(required = false) String team, @RequestParam(required = false) String category,
                                    @RequestParam(required = false) String channel, @RequestParam(required = false) String language,
                                    @AuthenticationPrincipal AgentPrincipal agent) {
        return reports.flags(filter(from, to, team, category, channel, language, agent), agent);
    }

    @GetMapping(path = "/api/v1/reports/flags", produces = CSV)
    @Operation(operationId = "reportFlagsCsv", summary = "Flags by day, reason and root cause, as CSV", description = FILTERS)
    ResponseEntity<String> flagsCsv(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
                                      @RequestParam(required = false) String team, @RequestParam(required = false) String category,
                                      @RequestParam(required = false) String channel, @RequestParam(required = false) String language,
                                      @AuthenticationPrincipal AgentPrincipal agent) {
        return csv("flags", from, to, team, category, channel, language, agent);
    }

    @GetMapping(path = "/api/v1/reports/purchases", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(operationId = "reportPurchases", summary = "Touches per purchase next to touches per ticket",
            description = "For tickets with a purchase reference: how many purchases took 0, 1, 2 … touches (all their tickets "
                    + "summed; 20: 20 or more) and how many tickets alone did, the means, and the purchases with the most "
                    + "touches. A ticket counts with its touches as of its latest resolution; a merged duplicate's touches "
                    + "count with the ticket it was merged into. The dates are those of the latest resolution; category, "
                    + "channel and language do not apply." + FILTERS)
    @ApiResponse(responseCode = "400", description = "A filter is wrong (the problem names it)",
            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE, schema = @Schema(ref = PROBLEM)))
    @ApiResponse(responseCode = "403", description = "A plain agent, or a team the caller does not lead",
            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE, schema = @Schema(ref = PROBLEM)))
    Reports.PurchaseReport purchases(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
                                    @RequestParam(required = false) String team, @RequestParam(required = false) String category,
                                    @RequestParam(required = false) String channel, @RequestParam(required = false) String language,
                                    @AuthenticationPrincipal AgentPrincipal agent) {
        return reports.purchases(filter(from, to, team, category, channel, language, agent), agent);
    }

    @GetMapping(path = "/api/v1/reports/purchases", produces = CSV)
    @Operation(operationId = "reportPurchasesCsv", summary = "Touches per purchase and per ticket, as CSV", description = FILTERS)
    ResponseEntity<String> purchasesCsv(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
                                      @RequestParam(required = false) String team, @RequestParam(required = false) String category,
                                      @RequestParam(required = false) String channel, @RequestParam(required = false) String language,
                                      @AuthenticationPrincipal AgentPrincipal agent) {
        return csv("purchases", from, to, team, category, channel, language, agent);
    }

    @GetMapping(path = "/api/v1/reports/top-purchases", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(operationId = "reportTopPurchases", summary = "The purchases with the most touches",
            description = "Up to 20 purchase references with their resolved tickets and touches, most touches first. Same "
                    + "counting as /api/v1/reports/purchases." + FILTERS)
    @ApiResponse(responseCode = "400", description = "A filter is wrong (the problem names it)",
            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE, schema = @Schema(ref = PROBLEM)))
    @ApiResponse(responseCode = "403", description = "A plain agent, or a team the caller does not lead",
            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE, schema = @Schema(ref = PROBLEM)))
    List<Reports.Purchase> topPurchases(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
                                    @RequestParam(required = false) String team, @RequestParam(required = false) String category,
                                    @RequestParam(required = false) String channel, @RequestParam(required = false) String language,
                                    @AuthenticationPrincipal AgentPrincipal agent) {
        return reports.purchases(filter(from, to, team, category, channel, language, agent), agent).top();
    }

    @GetMapping(path = "/api/v1/reports/top-purchases", produces = CSV)
    @Operation(operationId = "reportTopPurchasesCsv", summary = "The purchases with the most touches, as CSV", description = FILTERS)
    ResponseEntity<String> topPurchasesCsv(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
                                      @RequestParam(required = false) String team, @RequestParam(required = false) String category,
                                      @RequestParam(required = false) String channel, @RequestParam(required = false) String language,
                                      @AuthenticationPrincipal AgentPrincipal agent) {
        return csv("top-purchases", from, to, team, category, channel, language, agent);
    }

    @GetMapping(path = "/api/v1/reports/satisfaction", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(operationId = "reportSatisfaction", summary = "Customer ratings by team, category, language and tier, next to resolved for good",
            description = "The latest answer of each rating request (an answer can be changed for 7 days) counts once, in the "
                    + "day of the resolution it rates: good, okay and bad counts and shares per team, category, language "
                    + "and customer tier (the customer's own tier when the ticket opened), and of the same rated "
                    + "resolutions those settled and resolved for good." + FILTERS)
    @ApiResponse(responseCode = "400", description = "A filter is wrong (the problem names it)",
            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE, schema = @Schema(ref = PROBLEM)))
    @ApiResponse(responseCode = "403", description = "A plain agent, or a team the caller does not lead",
            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE, schema = @Schema(ref = PROBLEM)))
    List<Reports.Satisfaction> satisfaction(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
                                    @RequestParam(required = false) String team, @RequestParam(required = false) String category,
                                    @RequestParam(required = false) String channel, @RequestParam(required = false) String language,
                                    @AuthenticationPrincipal AgentPrincipal agent) {
        return reports.satisfaction(filter(from, to, team, category, channel, language, agent), agent);
    }

    @GetMapping(path = "/api/v1/reports/satisfaction", produces = CSV)
    @Operation(operationId = "reportSatisfactionCsv", summary = "Ratings by team, category, language and tier, as CSV", description = FILTERS)
    ResponseEntity<String> satisfactionCsv(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
                                      @RequestParam(required = false) String team, @RequestParam(required = false) String category,
                                      @RequestParam(required = false) String channel, @RequestParam(required = false) String language,
                                      @AuthenticationPrincipal AgentPrincipal agent) {
        return csv("satisfaction", from, to, team, category, channel, language, agent);
    }

    @ExceptionHandler(ReportInvalid.class)
    ResponseEntity<ProblemDetail> invalid(ReportInvalid e) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "Please correct these fields: " + e.getMessage() + ".");
        p.setTitle("Invalid request");
        p.setProperty("errors", List.of(Map.of("field", e.field(), "message", e.getMessage())));
        return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_PROBLEM_JSON).body(p);
    }

    @ExceptionHandler(ReportForbidden.class)
    ResponseEntity<ProblemDetail> forbidden(ReportForbidden e) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, e.getMessage());
        p.setTitle("Forbidden");
        return ResponseEntity.status(HttpStatus.FORBIDDEN).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(p);
    }
}
