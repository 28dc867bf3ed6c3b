package org.regard.tickets.web;

import org.regard.accounts.AgentPrincipal;
import org.regard.tickets.BulkChanging;
import org.regard.tickets.BulkChanging.BulkChange;
import org.regard.tickets.BulkChanging.Outcome;
import org.regard.tickets.InvalidInput;
import org.regard.tickets.Priority;
import org.regard.tickets.TicketCommands.UpdateTicket;
import org.regard.tickets.TicketQueries;
import org.regard.tickets.TicketStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.io.Serializable;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The inbox's bulk action: the tickets ticked on the page, or every ticket matching the filter (up to
 * {@link BulkChanging#MAX_TICKETS}), get one change and/or one note, ticket by ticket. The agent returns to the inbox
 * with how many were changed and which were refused, and why.
 */
@Controller
class BulkActionController {
    private final BulkChanging bulk;
    private final TicketQueries queries;

    BulkActionController(BulkChanging bulk, TicketQueries queries) {
        this.bulk = bulk;
        this.queries = queries;
    }

    /** What the inbox shows after a bulk action (kept in the session until then, so serialisable). */
    public record BulkReport(long applied, List<Refused> refused, String problem) implements Serializable {
    }

    /** One refused ticket: its number, the message key of the reason, and the statuses of a refused transition. */
    public record Refused(long ticketId, String reasonKey, String from, String to) implements Serializable {
    }

    @PostMapping("/inbox/bulk")
    String apply(@RequestParam(name = "ticket", required = false) List<Long> ticketIds,
                 @RequestParam(name = "scope", defaultValue = "selected") String scope,
                 @RequestParam(name = "filter", defaultValue = "") String filterQuery,
                 @RequestParam(name = "assignee", defaultValue = "") String assignee,
                 @RequestParam(name = "status", required = false) TicketStatus status,
                 @RequestParam(name = "priority", required = false) Priority priority,
                 @RequestParam(name = "team", required = false) Long team,
                 @RequestParam(name = "category", required = false) Long category,
                 @RequestParam(name = "note", required = false) String note,
                 @RequestParam(name = "resolutionReason", required = false) String resolutionReason,
                 @RequestParam(name = "submissionKey", required = false) String submissionKey,
                 @AuthenticationPrincipal AgentPrincipal agent, RedirectAttributes redirect) {
        InboxFilter filter = InboxFilter.parse(filterQuery, null);
        List<Long> ids = "all".equals(scope)
                ? queries.idsMatching(filter.query(1), BulkChanging.MAX_TICKETS, agent)
                : ticketIds == null ? List.of() : ticketIds;
        BulkReport report;
        try {
            UpdateTicket change = new UpdateTicket(status, priority, team, assigneeChange(assignee), category, null, null,
                    resolutionReason);
            BulkChanging.Result result = bulk.apply(new BulkChange(ids, change, note, Map.of(), submissionKey), agent);
            report = new BulkReport(result.appliedCount(), result.refused().stream().map(BulkActionController::refused).toList(), null);
        } catch (InvalidInput e) {
            report = new BulkReport(0, List.of(), "inbox.bulk.problem." + e.field());
        }
        redirect.addFlashAttribute("bulkReport", report);
        return "redirect:" + filter.firstPageUrl();
    }

    /** "" changes nothing, "none" unassigns, a number assigns. */
    private static Optional<Long> assigneeChange(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if ("none".equals(value)) {
            return Optional.empty();
        }
        try {
            return Optional.of(Long.valueOf(value.strip()));
        } catch (NumberFormatException e) {
            throw new InvalidInput("assignee", "is not an agent");
        }
    }

    private static Refused refused(Outcome o) {
        BulkChanging.Refusal why = o.refusal().orElseThrow();
        String key = "inbox.bulk.refused." + why.name();
        return o.transition() == null ? new Refused(o.ticketId(), key, null, null)
                : new Refused(o.ticketId(), key, o.transition().from().name(), o.transition().to().name());
    }
}
