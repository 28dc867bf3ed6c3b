package org.regard.audit.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.regard.audit.AuditAction;
import org.regard.audit.AuditEntry;
import org.regard.audit.AuditFilter;
import org.regard.audit.AuditLog;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.util.List;

/** The audit log over HTTP, for administrators only (the API security chain refuses everyone else with 403). */
@RestController
@RequestMapping(path = "/api/v1/audit", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Administration", description = "Agents, teams, categories and the audit log (administrators only)")
class AuditApi {
    private static final int MAX_PAGE = 200;

    private final AuditLog audit;

    AuditApi(AuditLog audit) {
        this.audit = audit;
    }

    @Schema(name = "AuditEntry", description = "One recorded action; entries are never changed.")
    record EntryResource(long id, Instant at, AuditAction action,
                         @Schema(description = "The agent who acted; null for Regard itself or an unknown address", nullable = true) Long actorId,
                         @Schema(description = "Who acted, as shown then (an address, or system)", nullable = true) String actor,
                         @Schema(description = "agent, team, category, token, mailbox, setting...", nullable = true) String targetType,
                         @Schema(nullable = true) String targetId,
                         @Schema(nullable = true) String details,
                         @Schema(description = "Where the request came from", nullable = true) String clientAddress) {
        static EntryResource of(AuditEntry e) {
            return new EntryResource(e.id(), e.at(), e.action(), e.actorId(), e.actor(), e.targetType(), e.targetId(),
                    e.details(), e.clientAddress());
        }
    }

    @Schema(name = "AuditPage")
    record EntryPage(List<EntryResource> entries,
                     @Schema(description = "Pass as cursor for the next (older) page; null on the last page", nullable = true) Long nextCursor) {
    }

    @GetMapping
    @Operation(operationId = "listAuditEntries", summary = "Read the audit log (administrators only)",
            description = "Newest first.")
    EntryPage list(@Parameter(description = "Only this action") @RequestParam(name = "action", required = false) AuditAction action,
                   @Parameter(description = "Only what this agent did") @RequestParam(name = "actorId", required = false) Long actorId,
                   @Parameter(description = "The nextCursor of the previous page") @RequestParam(name = "cursor", required = false) Long cursor,
                   @Parameter(description = "Entries per page") @RequestParam(name = "limit", defaultValue = "50") @Min(1) @Max(MAX_PAGE) int limit) {
        List<AuditEntry> rows = audit.newest(new AuditFilter(action, actorId, null, null), cursor, limit + 1);
        boolean more = rows.size() > limit;
        List<AuditEntry> page = more ? rows.subList(0, limit) : rows;
        return new EntryPage(page.stream().map(EntryResource::of).toList(), more ? page.getLast().id() : null);
    }
}
