package org.regard.tickets.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.regard.accounts.AgentPrincipal;
import org.regard.tickets.TicketQueries;
import org.regard.tickets.web.AttachmentDownload;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import java.util.NoSuchElementException;

/** The files of messages, for callers who may see the message's ticket. */
@RestController
@Tag(name = "Tickets")
class AttachmentApi {
    private final TicketQueries queries;

    AttachmentApi(TicketQueries queries) {
        this.queries = queries;
    }

    @GetMapping("/api/v1/attachments/{id}")
    @Operation(operationId = "downloadAttachment", summary = "Download a file of a message",
            description = "The file as stored, always as a download (Content-Disposition: attachment, with the file name). "
                    + "Images of safe types keep their type; everything else is application/octet-stream.")
    @ApiResponse(responseCode = "200", description = "The file's bytes", content = {
            @Content(mediaType = MediaType.APPLICATION_OCTET_STREAM_VALUE, schema = @Schema(type = "string", format = "binary")),
            @Content(mediaType = "image/*", schema = @Schema(type = "string", format = "binary"))})
    @ApiResponse(responseCode = "403", description = "The file belongs to a ticket of a team the caller is not part of",
            ref = "#/components/responses/Forbidden")
    ResponseEntity<byte[]> download(@PathVariable long id, @AuthenticationPrincipal AgentPrincipal agent) {
        return AttachmentDownload.of(queries.file(id, agent)
                .orElseThrow(() -> new NoSuchElementException("There is no file " + id + ".")));
    }
}
