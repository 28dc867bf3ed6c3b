package org.regard.customers.web;

import org.regard.customers.Promises;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;

/**
 * Records, keeps and cancels promises to a customer from the customer page, the person card and the
 * composer of a ticket. Each form says where to go back to ({@code returnTo}, a path of this site); a
 * refused promise goes back there with what was typed and the reason, so nothing is lost. The due time is
 * read in the signed-in agent's time zone, like every time the pages show ({@link org.regard.accounts.TimeZones#ofAgent}).
 */
@Controller
class PromiseController {
    private final Promises promises;
    private final org.regard.customers.CustomerAccess access;
    private final org.regard.accounts.TimeZones zones;

    PromiseController(Promises promises, org.regard.customers.CustomerAccess access, org.regard.accounts.TimeZones zones) {
        this.promises = promises;
        this.access = access;
        this.zones = zones;
    }

    @PostMapping("/customers/{id}/promises")
    String promise(@PathVariable long id, @RequestParam(defaultValue = "") String body,
                   @RequestParam(defaultValue = "") String due, @RequestParam(required = false) Long ticketId,
                   @RequestParam(required = false) Long teamId, @RequestParam(required = false) String returnTo,
                   @AuthenticationPrincipal org.regard.accounts.AgentPrincipal agent, RedirectAttributes redirect) {
        String back = back(id, returnTo);
        String problem = null;
        Instant dueAt = null;
        try {
            dueAt = LocalDateTime.parse(due.strip()).atZone(zones.ofAgent(agent.id())).toInstant();
        } catch (DateTimeParseException e) {
            problem = "promises.error.due";
        }
        if (body.isBlank()) {
            problem = "promises.error.body";
        } else if (body.strip().length() > Promises.MAX_BODY) {
            problem = "promises.error.tooLong";
        }
        if (problem == null) {
            try {
                Promises.PromiseView made = promises.promise(id,
                        new Promises.NewPromise(body, dueAt, ticketId, agent.id(), teamId), access.actor(agent));
                redirect.addFlashAttribute("promiseMessage", made.overdue() ? "promises.recordedOverdue" : "promises.recorded");
                return "redirect:" + back;
            } catch (Promises.InvalidPromise e) {
                // a ticket or team that does not exist, or a ticket of another customer (bad input, not a denial)
                problem = "ticketId".equals(e.field()) ? "promises.error.ticket" : "promises.error.team";
            }
        }
        redirect.addFlashAttribute("promiseError", problem);
        redirect.addFlashAttribute("promiseBody", body);
        redirect.addFlashAttribute("promiseDue", due);
        return "redirect:" + back;
    }

    @PostMapping("/customers/{id}/promises/{promiseId}/keep")
    String keep(@PathVariable long id, @PathVariable long promiseId, @RequestParam(required = false) String returnTo,
                @AuthenticationPrincipal org.regard.accounts.AgentPrincipal agent, RedirectAttributes redirect) {
        return close(id, promiseId, Promises.Status.KEPT, returnTo, agent, redirect);
    }

    @PostMapping("/customers/{id}/promises/{promiseId}/cancel")
    String cancel(@PathVariable long id, @PathVariable long promiseId, @RequestParam(required = false) String returnTo,
                  @AuthenticationPrincipal org.regard.accounts.AgentPrincipal agent, RedirectAttributes redirect) {
        return close(id, promiseId, Promises.Status.CANCELLED, returnTo, agent, redirect);
    }

    private String close(long id, long promiseId, Promises.Status outcome, String returnTo,
                         org.regard.accounts.AgentPrincipal agent, RedirectAttributes redirect) {
        try {
            promises.close(id, promiseId, outcome, access.actor(agent));
            redirect.addFlashAttribute("promiseMessage", "promises." + outcome.value());
        } catch (Promises.NotOpen closed) {
            redirect.addFlashAttribute("promiseError", "promises.error.notOpen");
        }
        return "redirect:" + back(id, returnTo);
    }

    /** Only a path of this site (never another host) is a place to go back to. */
    private static String back(long customerId, String returnTo) {
        if (returnTo != null && returnTo.matches("/(customers|tickets)/[0-9]+")) {
            return returnTo;
        }
        return "/customers/" + customerId;
    }
}
