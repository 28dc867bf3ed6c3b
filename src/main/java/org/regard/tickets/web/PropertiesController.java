package org.regard.tickets.web;

import jakarta.servlet.http.HttpServletResponse;
import org.regard.accounts.Accounts;
import org.regard.accounts.AgentPrincipal;
import org.regard.accounts.AgentView;
import org.regard.tickets.IllegalTransition;
import org.regard.tickets.ResolutionReasonRequired;
import org.regard.tickets.ResolutionRefused;
import org.regard.tickets.InvalidInput;
import org.regard.tickets.TicketCommands.UpdateTicket;
import org.regard.tickets.TicketConflict;
import org.regard.tickets.TicketQueries;
import org.regard.tickets.TicketQueries.TicketDetail;
import org.regard.tickets.TicketStatus;
import org.regard.tickets.Tickets;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Changes a ticket's status, priority, team, assignee or category, against the version the agent saw.
 * The quick "Resolve" and "Reopen" buttons post here too, with only a status.
 */
@Controller
class PropertiesController {
    private final Tickets tickets;
    private final TicketQueries queries;
    private final Accounts accounts;
    private final TicketPageModel page;
    private final org.regard.tickets.TicketAccess access;

    private final org.regard.tickets.Categories categories;

    PropertiesController(Tickets tickets, TicketQueries queries, Accounts accounts, TicketPageModel page,
                         org.regard.tickets.TicketAccess access, org.regard.tickets.Categories categories) {
        this.access = access;
        this.categories = categories;
        this.tickets = tickets;
        this.queries = queries;
        this.accounts = accounts;
        this.page = page;
    }

    /** One change the agent asked for that was not applied, to show next to a conflict. */
    public record Attempt(String fieldKey, String valueKey, String valueText) {
    }

    @PostMapping("/tickets/{id}")
    String update(@PathVariable long id, @ModelAttribute("properties") PropertiesForm form, BindingResult errors,
                  @AuthenticationPrincipal AgentPrincipal agent, Model model, RedirectAttributes redirect,
                  HttpServletResponse response) {
        if (form.getVersion() == null) {
            throw new InvalidInput("version", "is missing");
        }
        TicketDetail before = queries.detail(id, agent);
        Optional<Long> assignee = assigneeChange(form, before, errors);
        if (errors.hasErrors()) {
            return again(id, agent, model, response, HttpStatus.BAD_REQUEST);
        }
        try {
            tickets.update(id, new UpdateTicket(form.getStatus(), form.getPriority(), form.getTeam(), assignee,
                    form.getCategory(), null, form.getVersion(), form.getResolutionReason()), agent);
        } catch (TicketConflict e) {
            TicketDetail now = queries.detail(id, agent);
            model.addAttribute("conflict", attempts(form, now));
            forgetForm(model);
            return again(id, agent, model, response, HttpStatus.CONFLICT);
        } catch (ResolutionReasonRequired e) {
            // a procedure's warn gate: the form comes back with a field for the written reason, the agent's choices kept
            errors.reject("properties.error.reasonNeeded", new Object[]{String.join(", ", e.missing())}, null);
            form.keepOthers(before);
            model.addAttribute("reasonNeeded", e.missing());
            return again(id, agent, model, response, HttpStatus.UNPROCESSABLE_CONTENT);
        } catch (InvalidInput e) {
            if (!"resolutionReason".equals(e.field())) {
                errors.reject("properties.error.invalid");
                return again(id, agent, model, response, HttpStatus.BAD_REQUEST);
            }
            errors.rejectValue("resolutionReason", "properties.error.reasonTooLong");
            form.keepOthers(before);
            model.addAttribute("reasonNeeded", List.of());
            return again(id, agent, model, response, HttpStatus.BAD_REQUEST);
        } catch (ResolutionRefused e) {
            // a procedure's required steps are open (or another rule a module sets on resolving)
            errors.reject("properties.error.gate", new Object[]{String.join(", ", e.missing())}, null);
            return again(id, agent, model, response, HttpStatus.CONFLICT);
        } catch (IllegalTransition e) {
            errors.reject("properties.error.transition", new Object[]{new DefaultMessageSourceResolvable("status." + e.from().name()),
                    new DefaultMessageSourceResolvable("status." + e.to().name())}, null);
            return again(id, agent, model, response, HttpStatus.CONFLICT);
        } catch (IllegalArgumentException e) {
            // an assignee outside the team, a team or category that no longer exists
            errors.reject("properties.error.invalid");
            return again(id, agent, model, response, HttpStatus.BAD_REQUEST);
        }
        if (form.getTeam() != null && !access.mayWorkIn(agent, form.getTeam())) {
            redirect.addFlashAttribute("flash", "ticket.flash.movedAway");
            redirect.addFlashAttribute("flashArg", id);
            return "redirect:/inbox";
        }
        redirect.addFlashAttribute("flash", reviewed(form, before) ? "ticket.flash.resolutionRequested"
                : flashFor(form.getStatus(), before.summary().status()));
        return "redirect:/tickets/" + id;
    }

    /**
     * The people a ticket can be assigned to in another team, for the assignee list when the agent picks a
     * team in the form (an htmx fragment). The current assignee stays chosen when they are in that team. Only the
     * members of a team whose tickets the agent works on are listed ({@link org.regard.tickets.TicketAccess}); for
     * another team the answer is 403 and the list in the form stays as it was (moving the ticket there then drops an
     * assignee who is not in that team, and the team assigns it).
     */
    @GetMapping("/tickets/{id}/assignees")
    String assignees(@PathVariable long id, @RequestParam long team, @AuthenticationPrincipal AgentPrincipal agent, Model model) {
        TicketDetail detail = queries.detail(id, agent);
        if (!access.mayWorkIn(agent, team)) {
            throw new org.regard.tickets.TicketForbidden(id);
        }
        List<AgentView> members = accounts.activeMembersOf(team);
        Long current = detail.summary().assigneeId();
        PropertiesForm form = new PropertiesForm();
        form.setAssignee(current != null && members.stream().anyMatch(a -> a.id() == current) ? current.toString() : "");
        model.addAttribute("properties", form);
        model.addAttribute("assignees", members);
        return "tickets/ticket :: assigneeOptions";
    }

    /**
     * What to tell the service about the assignee: nothing when the field was not sent or not changed
     * (so moving the ticket to another team may drop an assignee who is not in it), empty to unassign.
     */
    private static Optional<Long> assigneeChange(PropertiesForm form, TicketDetail before, BindingResult errors) {
        if (form.getAssignee() == null) {
            return null;
        }
        Long current = before.summary().assigneeId();
        Long wanted;
        try {
            wanted = form.getAssignee().isBlank() ? null : Long.valueOf(form.getAssignee().strip());
        } catch (NumberFormatException e) {
            errors.rejectValue("assignee", "properties.error.assignee");
            return null;
        }
        if (Objects.equals(wanted, current)) {
            return null;
        }
        return Optional.ofNullable(wanted);
    }

    /** Whether resolving went to review instead (its category requires it): one read, only when resolving. */
    private boolean reviewed(PropertiesForm form, TicketDetail before) {
        if (form.getStatus() != TicketStatus.RESOLVED || before.summary().status() == TicketStatus.RESOLVED) {
            return false;
        }
        Long category = form.getCategory() != null ? form.getCategory() : before.categoryId();
        return category != null && categories.category(category).map(c -> c.resolutionReview()).orElse(false);
    }

    private static String flashFor(TicketStatus wanted, TicketStatus before) {
        if (wanted == TicketStatus.RESOLVED && before != TicketStatus.RESOLVED) {
            return "ticket.flash.resolved";
        }
        if (wanted == TicketStatus.OPEN && !before.isActive()) {
            return "ticket.flash.reopened";
        }
        return "ticket.flash.updated";
    }

    /**
     * The agent's own changes that the ticket does not have now: a field the agent left as they saw it is not listed,
     * even when someone else changed it meanwhile (a form posted without what was seen compares with now only).
     */
    private List<Attempt> attempts(PropertiesForm form, TicketDetail now) {
        TicketQueries.TicketRow t = now.summary();
        List<Attempt> attempts = new ArrayList<>();
        if (changed(form.getStatus(), form.getSeenStatus(), t.status())) {
            attempts.add(new Attempt("ticket.field.status", "status." + form.getStatus().name(), null));
        }
        if (changed(form.getPriority(), form.getSeenPriority(), t.priority())) {
            attempts.add(new Attempt("ticket.field.priority", "priority." + form.getPriority().name(), null));
        }
        if (changed(form.getTeam(), form.getSeenTeam(), t.teamId())) {
            attempts.add(new Attempt("ticket.field.team", null, accounts.teamNames().getOrDefault(form.getTeam(), "?")));
        }
        if (form.getAssignee() != null) {
            String wanted = form.getAssignee().strip();
            String seen = form.getSeenAssignee() == null ? null : form.getSeenAssignee().strip();
            String current = t.assigneeId() == null ? "" : t.assigneeId().toString();
            if (changed(wanted, seen, current)) {
                attempts.add(wanted.isEmpty() ? new Attempt("ticket.field.assignee", "ticket.unassigned", null)
                        : new Attempt("ticket.field.assignee", null, agentName(wanted)));
            }
        }
        if (changed(form.getCategory(), form.getSeenCategory(), now.categoryId())) {
            attempts.add(new Attempt("ticket.field.category", null, categoryName(form.getCategory())));
        }
        return attempts;
    }

    /** Whether the agent asked for a value they had not seen there and that the ticket does not have now. */
    static <T> boolean changed(T wanted, T seen, T now) {
        return wanted != null && !wanted.equals(now) && (seen == null || !wanted.equals(seen));
    }

    private String agentName(String id) {
        try {
            return accounts.agent(Long.parseLong(id)).map(a -> a.displayName()).orElse("?");
        } catch (NumberFormatException e) {
            return "?";
        }
    }

    private String categoryName(long id) {
        return page.categoryName(id).orElse("?");
    }

    /** Drops the form as posted, so the page shows the ticket as it is now. */
    private static void forgetForm(Model model) {
        model.asMap().remove("properties");
        model.asMap().remove(BindingResult.MODEL_KEY_PREFIX + "properties");
    }

    private String again(long id, AgentPrincipal agent, Model model, HttpServletResponse response, HttpStatus status) {
        response.setStatus(status.value());
        page.fill(model, id, agent);
        return TicketPageModel.VIEW;
    }
}
