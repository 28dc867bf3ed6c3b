package org.regard.tickets.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.regard.accounts.AgentPrincipal;
import org.regard.tickets.BulkChanging;
import org.regard.tickets.BulkChanging.BulkChange;
import org.regard.tickets.BulkChanging.Outcome;
import org.regard.tickets.InvalidInput;
import org.regard.tickets.TicketCommands.UpdateTicket;
import org.regard.tickets.Tickets;
import org.regard.tickets.api.TicketRequests.TicketChanges;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Many tickets changed at once, ticket by ticket: each one takes the whole change (and note) or none of it, and the
 * answer says for each whether it was applied or refused and why.
 */
@RestController
@RequestMapping(path = "/api/v1/tickets/bulk", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Tickets")
class TicketBulkApi {
    private final BulkChanging bulk;

    TicketBulkApi(BulkChanging bulk) {
        this.bulk = bulk;
    }

    @Schema(name = "BulkChange", description = "One change and/or one internal note for many tickets.")
    record BulkRequest(
            @Schema(description = "Ticket ids, at most " + BulkChanging.MAX_TICKETS)
            @NotNull @Size(min = 1, max = BulkChanging.MAX_TICKETS) List<@NotNull Long> tickets,
            @Schema(description = "What to change on each ticket (status, priority, team, assignee, category; not the subject)",
                    nullable = true) @Valid TicketChanges changes,
            @Schema(description = "An internal note to add to each ticket", nullable = true)
            @Size(max = Tickets.MAX_BODY) String note,
            @Schema(description = "Optional: the version you read of some tickets, by id; a ticket changed since is refused (conflict)",
                    nullable = true) Map<String, Integer> versions) {
    }

    @Schema(name = "BulkResult", description = "What happened to each ticket, in the order sent.")
    record BulkResult(long applied, long refused, List<BulkItem> results) {
    }

    @Schema(name = "BulkItem")
    record BulkItem(long ticket,
                    @Schema(allowableValues = {"applied", "refused"}) String outcome,
                    @Schema(description = "Why it was refused", nullable = true,
                            allowableValues = {"not_found", "forbidden", "illegal_transition", "gated", "reason_required", "conflict", "invalid"}) String reason,
                    @Schema(description = "Why it was refused; for an applied resolution whose category requires review, that it waits for one",
                            nullable = true) String detail,
                    @Schema(description = "For illegal_transition: the statuses the ticket can move to", nullable = true) List<String> allowed) {
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(operationId = "changeTickets", summary = "Change many tickets",
            description = "Applies the same change and/or note to each ticket, each in its own transaction: a ticket takes "
                    + "all of it or nothing, and one refused ticket (another team's, a status it cannot move to, changed "
                    + "since the version sent) leaves the others applied. Always 200 with one result per ticket once the "
                    + "request itself is valid. With an Idempotency-Key, repeating the request adds each note once.")
    @ApiResponse(responseCode = "200", description = "One result per ticket")
    BulkResult change(@Valid @RequestBody BulkRequest request,
                      @Parameter(description = "Any unique string that makes retries add each note once")
                      @RequestHeader(name = RequestHeaders.IDEMPOTENCY_KEY, required = false) String idempotencyKey,
                      @AuthenticationPrincipal AgentPrincipal agent) {
        UpdateTicket change = request.changes() == null ? null : request.changes().toCommand(null);
        BulkChanging.Result result = bulk.apply(new BulkChange(request.tickets(), change, request.note(),
                versions(request), RequestHeaders.submissionKey(idempotencyKey)), agent);
        List<BulkItem> items = result.outcomes().stream().map(TicketBulkApi::item).toList();
        return new BulkResult(result.appliedCount(), result.refused().size(), items);
    }

    private static Map<Long, Integer> versions(BulkRequest request) {
        Map<Long, Integer> versions = new HashMap<>();
        if (request.versions() == null) {
            return versions;
        }
        for (Map.Entry<String, Integer> e : request.versions().entrySet()) {
            long id;
            try {
                id = Long.parseLong(e.getKey().strip());
            } catch (NumberFormatException notANumber) {
                throw new InvalidInput("versions", "must be keyed by ticket id ('" + e.getKey() + "' is not one)");
            }
            if (!request.tickets().contains(id)) {
                throw new InvalidInput("versions", "names ticket " + id + ", which is not in tickets");
            }
            if (e.getValue() == null) {
                throw new InvalidInput("versions", "must give a version for ticket " + id);
            }
            versions.put(id, e.getValue());
        }
        return versions;
    }

    private static BulkItem item(Outcome o) {
        if (o.applied()) {
            // detail: a resolution that waits for review instead (its category requires one)
            return new BulkItem(o.ticketId(), "applied", null, o.detail(), null);
        }
        List<String> allowed = o.transition() == null ? null
                : o.transition().from().next().stream().map(s -> s.name().toLowerCase(Locale.ROOT)).sorted().toList();
        return new BulkItem(o.ticketId(), "refused", o.refusal().orElseThrow().name().toLowerCase(Locale.ROOT), o.detail(), allowed);
    }
}
