package org.regard.tickets.web;

import org.regard.accounts.AgentPrincipal;
import org.regard.tickets.TicketQueries;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

import java.util.NoSuchElementException;

/** Downloads a file of a message, for agents who may see the message's ticket (403 / 404 pages otherwise). */
@Controller
class AttachmentController {
    private final TicketQueries queries;

    AttachmentController(TicketQueries queries) {
        this.queries = queries;
    }

    @GetMapping("/tickets/attachments/{id}")
    ResponseEntity<byte[]> download(@PathVariable long id, @AuthenticationPrincipal AgentPrincipal agent) {
        return AttachmentDownload.of(queries.file(id, agent).orElseThrow(() -> new NoSuchElementException("No file " + id)));
    }
}
