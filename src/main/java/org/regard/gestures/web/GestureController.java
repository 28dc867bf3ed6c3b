package org.regard.gestures.web;

import jakarta.servlet.http.HttpServletResponse;
import org.regard.accounts.AgentPrincipal;
import org.regard.gestures.Gesture;
import org.regard.gestures.GestureInvalid;
import org.regard.gestures.GestureKind;
import org.regard.gestures.GestureState;
import org.regard.gestures.Gestures;
import org.regard.tickets.TicketQueries;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.math.BigDecimal;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * The gestures beside a ticket's conversation and on the person card. The ticket page and the card only hold elements
 * that load {@code /tickets/{id}/gestures} and {@code /customers/{id}/gestures} (htmx), so neither tickets nor customers
 * know gestures. The ticket's fragment lists its gestures, what the agent may still grant and a small form: kind,
 * amount, currency (the agent's limit's), reason, Grant.
 */
@Controller
class GestureController {
    private final Gestures gestures;
    private final TicketQueries tickets;
    private final MessageSource messages;
    private final org.regard.accounts.TimeZones zones;

    GestureController(Gestures gestures, TicketQueries tickets, MessageSource messages, org.regard.accounts.TimeZones zones) {
        this.zones = zones;
        this.gestures = gestures;
        this.tickets = tickets;
        this.messages = messages;
    }

    /** What the form was sent with, shown again when refused. */
    record Form(String kind, String amount, String currency, String reason) {
    }

    /** One gesture as the pages show it. */
    record Row(Gesture gesture, String agentName, String amount, String month) {
        public boolean pending() {
            return gesture.state() == GestureState.PENDING;
        }
    }

    @GetMapping("/tickets/{id}/gestures")
    String show(@PathVariable long id, @RequestHeader(name = "HX-Request", required = false) String htmx,
                @AuthenticationPrincipal AgentPrincipal agent, Locale locale, Model model, HttpServletResponse response) {
        response.addHeader("Vary", "HX-Request");
        return render(id, null, null, null, htmx != null, agent, locale, model);
    }

    @PostMapping("/tickets/{id}/gestures")
    String record(@PathVariable long id, @RequestParam(required = false) String kind,
                  @RequestParam(required = false) String amount, @RequestParam(required = false) String currency,
                  @RequestParam(required = false) String reason, @RequestParam(required = false) String submissionKey,
                  @RequestHeader(name = "HX-Request", required = false) String htmx,
                  @AuthenticationPrincipal AgentPrincipal agent, Locale locale, Model model, HttpServletResponse response,
                  RedirectAttributes redirect) {
        Form form = new Form(kind, amount, currency, reason);
        try {
            BigDecimal value = amount == null || amount.isBlank() ? null : parse(amount);
            Gestures.Recorded recorded = gestures.record(id, new Gestures.NewGesture(kind, value, currency, reason), submissionKey, agent);
            String done = recorded.gesture().state() == GestureState.PENDING ? "pending" : "standing";
            if (htmx == null) {
                redirect.addFlashAttribute("gestureRecorded", done);
                return "redirect:/tickets/" + id;
            }
            return render(id, null, null, done, true, agent, locale, model);
        } catch (GestureInvalid invalid) {
            String error = messages.getMessage(invalid.code(), invalid.arguments().toArray(), locale);
            model.addAttribute("errorField", invalid.field());
            if (htmx == null) {
                response.setStatus(HttpStatus.BAD_REQUEST.value());
            }
            // htmx swaps only successful answers, so its fragment gets the error with a 200
            return render(id, form, error, null, htmx != null, agent, locale, model);
        }
    }

    @GetMapping("/customers/{id}/gestures")
    String ofCustomer(@PathVariable long id, @AuthenticationPrincipal AgentPrincipal agent, Locale locale, Model model) {
        List<Gesture> list;
        try {
            list = gestures.ofCustomer(id, agent).stream().filter(g -> g.state() != GestureState.RETURNED).toList();
        } catch (org.regard.gestures.GestureNotFound gone) {
            throw new org.springframework.web.server.ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        model.addAttribute("customerId", id);
        model.addAttribute("rows", rows(list, locale));
        return "gestures/customer :: customerGestures";
    }

    private String render(long ticketId, Form form, String error, String done, boolean fragment, AgentPrincipal agent,
                          Locale locale, Model model) {
        List<Gesture> list = gestures.ofTicket(ticketId, agent);
        TicketQueries.TicketRow ticket = tickets.ticket(ticketId).orElse(null);
        List<Gestures.Allowance> allowances = ticket == null ? List.of() : gestures.allowances(ticket.teamId(), agent);
        model.addAttribute("ticketId", ticketId);
        model.addAttribute("rows", rows(list, locale));
        model.addAttribute("allowances", allowances);
        model.addAttribute("kinds", GestureKind.values());
        model.addAttribute("form", form != null ? form
                : new Form(allowances.isEmpty() ? GestureKind.VOUCHER.key() : allowances.getFirst().kind().key(), "",
                gestures.defaultCurrency(allowances), ""));
        model.addAttribute("error", error);
        model.addAttribute("done", done);
        model.addAttribute("submissionKey", UUID.randomUUID().toString());
        model.addAttribute("maySetLimits", gestures.maySetLimits(agent));
        model.addAttribute("maxReason", Gestures.MAX_REASON);
        return fragment ? "gestures/ticket :: gestures" : "gestures/ticket-page";
    }

    private List<Row> rows(List<Gesture> list, Locale locale) {
        Map<Long, String> names = gestures.agentNames(list.stream().map(Gesture::agentId).distinct().toList());
        // the month the gesture counts in: its team's
        DateTimeFormatter month = DateTimeFormatter.ofPattern("LLLL yyyy", locale);
        return list.stream().map(g -> new Row(g, names.getOrDefault(g.agentId(), "?"),
                g.amount().toPlainString() + " " + g.currency(), month.withZone(zones.ofTeam(g.teamId())).format(g.createdAt())))
                .toList();
    }

    private static BigDecimal parse(String amount) {
        try {
            return new BigDecimal(amount.strip().replace(',', '.'));
        } catch (NumberFormatException e) {
            throw new GestureInvalid("amount", "must be a number such as 12.50", "gestures.error.number");
        }
    }
}
