package org.regard.tickets.web;

import org.regard.accounts.AgentPrincipal;
import org.regard.tickets.Envelopes;
import org.regard.tickets.MessageEnvelopes.Envelope;
import org.regard.tickets.TicketQueries;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

import java.time.Clock;
import java.util.NoSuchElementException;

/**
 * Where a reply's delivery stands, as the small part of the ticket page that refreshes itself (htmx) while the reply
 * is queued or being sent.
 */
@Controller
class DeliveryController {
    private final TicketQueries queries;
    private final Envelopes envelopes;
    private final Clock clock;

    DeliveryController(TicketQueries queries, Envelopes envelopes, Clock clock) {
        this.queries = queries;
        this.envelopes = envelopes;
        this.clock = clock;
    }

    @GetMapping("/tickets/{ticketId}/messages/{messageId}/delivery")
    String delivery(@PathVariable long ticketId, @PathVariable long messageId, @AuthenticationPrincipal AgentPrincipal agent,
                    Model model) {
        queries.requireVisible(ticketId, agent);
        Envelope envelope = envelopes.of(ticketId, messageId).filter(e -> e.delivery() != null)
                .orElseThrow(() -> new NoSuchElementException("No delivery for message " + messageId));
        model.addAttribute("ticketId", ticketId);
        model.addAttribute("messageId", messageId);
        model.addAttribute("d", envelope.delivery());
        model.addAttribute("now", clock.instant());
        return "tickets/delivery :: delivery";
    }
}
