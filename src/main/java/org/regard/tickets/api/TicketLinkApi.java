package org.regard.tickets.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import org.regard.accounts.AgentPrincipal;
import org.regard.tickets.TicketRelations;
import org.regard.tickets.Tickets;
import org.regard.tickets.api.TicketResources.LinkedTicketRef;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/**
 * Problems spread over several tickets: links between tickets about the same problem, and merging a duplicate into
 * another ticket. The caller must be allowed to work on both tickets (403 otherwise, 404 for a ticket that does not
 * exist).
 */
@RestController
@RequestMapping(path = "/api/v1/tickets/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Tickets")
class TicketLinkApi {
    private final Tickets tickets;
    private final TicketRelations relations;

    TicketLinkApi(Tickets tickets, TicketRelations relations) {
        this.tickets = tickets;
        this.relations = relations;
    }

    @Schema(name = "NewLink", description = "The other ticket, about the same problem")
    record NewLink(@NotNull @Schema(description = "The other ticket's id") Long ticket) {
    }

    @Schema(name = "TicketLinks", description = "The tickets directly linked to a ticket, and its link group's touches")
    record Links(List<LinkedTicketRef> links, TicketResources.GroupTouches group) {
        static Links of(TicketRelations.Relations r) {
            return new Links(r.links().stream().map(l -> new LinkedTicketRef(l.id(), l.subject(), Vocabulary.Status.of(l.status()))).toList(),
                    new TicketResources.GroupTouches(r.group().tickets(), r.group().total()));
        }
    }

    @Schema(name = "MergeRequest", description = "The ticket the duplicate is merged into")
    record MergeRequest(@NotNull @Schema(description = "The survivor's id") Long into) {
    }

    @Schema(name = "MergeResult", description = "A merge done, now or by an earlier identical request")
    record MergeResult(long mergedId, long mergedInto,
                       @Schema(description = "False when an earlier identical request had merged them (nothing changed now)") boolean merged) {
    }

    @PostMapping(path = "/links", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(operationId = "linkTicket", summary = "Link a ticket to another about the same problem",
            description = "Stored once for the pair, written in both tickets' history; linking again changes nothing. "
                    + "The link group (every ticket connected through links) counts its touches together.")
    @ApiResponse(responseCode = "200", description = "The ticket's links after the change")
    @ApiResponse(responseCode = "403", description = "The caller may not work on one of the two tickets",
            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE, schema = @Schema(ref = "#/components/schemas/Problem")))
    @ApiResponse(responseCode = "409", description = "One of them was merged into another ticket",
            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE, schema = @Schema(ref = "#/components/schemas/Problem")))
    Links link(@PathVariable long id, @Valid @RequestBody NewLink request, @AuthenticationPrincipal AgentPrincipal agent) {
        tickets.link(id, request.ticket(), agent);
        return Links.of(relations.of(id, agent));
    }

    @DeleteMapping("/links/{other}")
    @Operation(operationId = "unlinkTicket", summary = "Remove the link between two tickets",
            description = "Written in both tickets' history; removing a link that is not there changes nothing.")
    @ApiResponse(responseCode = "204", description = "They are not linked (any more)")
    ResponseEntity<Void> unlink(@PathVariable long id, @PathVariable long other, @AuthenticationPrincipal AgentPrincipal agent) {
        tickets.unlink(id, other, agent);
        return ResponseEntity.noContent().build();
    }

    @PostMapping(path = "/merge", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(operationId = "mergeTicket", summary = "Merge this duplicate ticket into another",
            description = "The duplicate's messages, files, touches and history move to the survivor (history keeps its "
                    + "times; the survivor's touch counters add the duplicate's); the duplicate is closed and its "
                    + "`mergedInto` names the survivor, and mail to it threads into the survivor. Repeating the same "
                    + "request answers the same with `merged: false`. Tickets of different customers are merged only by "
                    + "a team lead or an administrator.")
    @ApiResponse(responseCode = "200", description = "Merged (now, or by an earlier identical request)")
    @ApiResponse(responseCode = "403", description = "The caller may not work on one of the two tickets",
            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE, schema = @Schema(ref = "#/components/schemas/Problem")))
    @ApiResponse(responseCode = "409", description = "Refused: the survivor was itself merged, this ticket was merged into "
            + "another one, or the customers differ and the caller is not a team lead or an administrator",
            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE, schema = @Schema(ref = "#/components/schemas/Problem")))
    MergeResult merge(@PathVariable long id, @Valid @RequestBody MergeRequest request, @AuthenticationPrincipal AgentPrincipal agent) {
        boolean merged = tickets.merge(id, request.into(), agent);
        return new MergeResult(id, request.into(), merged);
    }
}
