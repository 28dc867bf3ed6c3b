package org.regard.tickets.web;

import jakarta.servlet.http.HttpServletResponse;
import org.regard.accounts.Accounts;
import org.regard.accounts.AgentPrincipal;
import org.regard.accounts.TeamView;
import org.regard.customers.Customers;
import org.regard.customers.Customers.CustomerView;
import org.regard.customers.Customers.NewCustomer;
import org.regard.customers.Phone;
import org.regard.customers.PhoneKind;
import org.regard.tickets.Categories;
import org.regard.tickets.Channel;
import org.regard.tickets.InvalidInput;
import org.regard.tickets.Priority;
import org.regard.tickets.TicketCommands.OpenTicket;
import org.regard.tickets.TicketQueries;
import org.regard.tickets.Tickets;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.util.List;
import java.util.Optional;

/**
 * "New ticket" on behalf of a customer: pick an existing customer (searched as you type) or name a new
 * one, then write down what they asked.
 */
@Controller
class NewTicketController {
    static final List<Channel> CHANNELS = List.of(Channel.PHONE, Channel.VISIT, Channel.WEB);
    private static final int SUGGESTIONS = 8;
    private static final int MAX_NAME = 200;

    private final Tickets tickets;
    private final Customers customers;
    private final Accounts accounts;
    private final Categories categories;
    private final org.regard.tickets.TicketAccess access;
    private final TicketQueries queries;

    NewTicketController(Tickets tickets, Customers customers, Accounts accounts, Categories categories,
                        org.regard.tickets.TicketAccess access, TicketQueries queries) {
        this.access = access;
        this.queries = queries;
        this.tickets = tickets;
        this.customers = customers;
        this.accounts = accounts;
        this.categories = categories;
    }

    @GetMapping("/tickets/new")
    String form(@RequestParam(required = false) Long customerId, @RequestParam(name = "q", required = false) String query,
                @AuthenticationPrincipal AgentPrincipal agent, Model model) {
        NewTicketForm form = new NewTicketForm();
        if (customerId != null) {
            form.setCustomerId(customers.customer(customerId).orElseThrow().id());
        }
        form.setTeam(defaultTeam(agent));
        form.setAssignee(form.getTeam() == null ? "" : defaultAssignee(agent, form.getTeam()));
        model.addAttribute("newTicket", form);
        if (customerId == null && query != null && !query.isBlank()) {
            model.addAttribute("q", query);
            model.addAttribute("suggestions", customers.page(query, null, SUGGESTIONS));
        }
        return show(model, form, agent);
    }

    /** {@code /tickets} only receives the form; loaded as a page it leads to the form. */
    @GetMapping("/tickets")
    String toForm() {
        return "redirect:/tickets/new";
    }

    @PostMapping("/tickets")
    String open(@ModelAttribute("newTicket") NewTicketForm form, BindingResult errors,
                @AuthenticationPrincipal AgentPrincipal agent, Model model, RedirectAttributes redirect,
                HttpServletResponse response) {
        // the form sent again (Back, then Open): whatever it holds now, its first submission made the ticket already
        Optional<Long> already = queries.openedWith(form.getSubmissionKey(), agent);
        if (already.isPresent()) {
            redirect.addFlashAttribute("flash", "ticket.flash.alreadyCreated");
            return "redirect:/tickets/" + already.get();
        }
        validate(form, agent, errors);
        if (!errors.hasErrors()) {
            try {
                java.util.function.LongFunction<OpenTicket> command = customerId -> new OpenTicket(customerId, form.getSubject(),
                        form.getBody(), form.getChannel(), form.getTeam(), form.getPriority(), form.getCategory(), form.getSubmissionKey())
                        .assignedTo(assigneeOf(form));
                // a new caller's customer is created with the ticket, or not at all when the ticket is refused
                Tickets.Opened opened = form.getCustomerId() != null ? tickets.open(command.apply(form.getCustomerId()), agent)
                        : newCaller(form).map(caller -> tickets.openForNew(caller, command, agent))
                        .orElseGet(() -> tickets.openFor(form.getNewCustomerEmail().strip(), blankToNull(form.getNewCustomerName()), command, agent));
                redirect.addFlashAttribute("flash", opened.duplicate() ? "ticket.flash.alreadyCreated" : "ticket.flash.created");
                return "redirect:/tickets/" + opened.ticketId();
            } catch (InvalidInput e) {
                errors.rejectValue(e.field(), "newTicket.error." + e.field());
            } catch (IllegalArgumentException e) {
                // a team or category removed while the agent was typing
                errors.reject("newTicket.error.summary");
            }
        }
        response.setStatus(HttpStatus.BAD_REQUEST.value());
        return show(model, form, agent);
    }

    /**
     * The people who can take a ticket of this team, for the assignee list when the agent picks a team (an htmx
     * fragment): the agent first when a member. Another team's members are not listed (403).
     */
    @GetMapping("/tickets/new/assignees")
    String assignees(@RequestParam long team, @AuthenticationPrincipal AgentPrincipal agent, Model model) {
        if (!access.mayWorkIn(agent, team)) {
            throw new org.springframework.web.server.ResponseStatusException(HttpStatus.FORBIDDEN);
        }
        NewTicketForm form = new NewTicketForm();
        form.setTeam(team);
        form.setAssignee(defaultAssignee(agent, team));
        model.addAttribute("newTicket", form);
        model.addAttribute("assignees", accounts.activeMembersOf(team));
        return "tickets/new :: assigneeOptions";
    }

    /** Customers whose name or address contains what the agent typed (an htmx fragment). */
    @GetMapping("/tickets/new/customers")
    String suggestions(@RequestParam(name = "q", required = false) String query, Model model) {
        String q = query == null ? "" : query.strip();
        model.addAttribute("q", q);
        model.addAttribute("suggestions", q.length() < 2 ? List.of() : customers.page(q, null, SUGGESTIONS));
        return "tickets/new :: suggestions";
    }

    /** The customer part of the form: the chosen customer, or the search and the new-customer fields again. */
    @GetMapping("/tickets/new/customer")
    String customerChoice(@RequestParam(required = false) Long customerId, Model model) {
        NewTicketForm form = new NewTicketForm();
        if (customerId != null) {
            form.setCustomerId(customers.customer(customerId).orElseThrow().id());
        }
        model.addAttribute("newTicket", form);
        model.addAttribute("chosen", chosen(form).orElse(null));
        return "tickets/new :: customerChoice";
    }

    private String show(Model model, NewTicketForm form, AgentPrincipal agent) {
        model.addAttribute("chosen", chosen(form).orElse(null));
        model.addAttribute("channels", CHANNELS);
        model.addAttribute("teams", accounts.visibleTeams(agent));
        model.addAttribute("priorities", Priority.values());
        model.addAttribute("categories", categories.active());
        model.addAttribute("assignees", form.getTeam() != null && access.mayWorkIn(agent, form.getTeam())
                ? accounts.activeMembersOf(form.getTeam()) : List.of());
        model.addAttribute("phoneKinds", java.util.Arrays.stream(PhoneKind.values()).map(PhoneKind::value).toList());
        return "tickets/new";
    }

    private Optional<CustomerView> chosen(NewTicketForm form) {
        return form.getCustomerId() == null ? Optional.empty() : customers.customer(form.getCustomerId());
    }

    private void validate(NewTicketForm form, AgentPrincipal agent, BindingResult errors) {
        if (form.getCustomerId() != null) {
            if (customers.customer(form.getCustomerId()).isEmpty()) {
                form.setCustomerId(null);
                errors.rejectValue("customerId", "newTicket.error.customerGone");
            }
        } else if (isBlank(form.getNewCustomerEmail()) && isBlank(form.getNewCustomerPhone())) {
            errors.rejectValue("newCustomerEmail", "newTicket.error.customer");
        } else {
            if (!isBlank(form.getNewCustomerEmail()) && !looksLikeEmail(form.getNewCustomerEmail().strip())) {
                errors.rejectValue("newCustomerEmail", "newTicket.error.email");
            }
            validatePhone(form, errors);
        }
        if (form.getCustomerId() == null && form.getNewCustomerName() != null && form.getNewCustomerName().length() > MAX_NAME) {
            errors.rejectValue("newCustomerName", "newTicket.error.nameTooLong", new Object[]{MAX_NAME}, null);
        }
        requireText(form.getSubject(), Tickets.MAX_SUBJECT, "subject", errors);
        requireText(form.getBody(), Tickets.MAX_BODY, "body", errors);
        if (form.getChannel() == null || !CHANNELS.contains(form.getChannel())) {
            errors.rejectValue("channel", "newTicket.error.channel");
        }
        if (form.getPriority() == null) {
            form.setPriority(Priority.NORMAL);
        }
        if (form.getTeam() == null || !access.mayWorkIn(agent, form.getTeam()) || accounts.team(form.getTeam()).isEmpty()) {
            errors.rejectValue("team", "newTicket.error.team");
        }
        if (!form.getAssignee().isEmpty() && !errors.hasFieldErrors("team") && !isMember(form.getAssignee(), form.getTeam())) {
            // a colleague of another team cannot take it: they would not even see it
            errors.rejectValue("assignee", "newTicket.error.assignee");
        }
        if (form.getCategory() != null && categories.active().stream().noneMatch(c -> c.id() == form.getCategory())) {
            errors.rejectValue("category", "newTicket.error.category");
        }
    }

    private static void requireText(String value, int max, String field, BindingResult errors) {
        if (value == null || value.isBlank()) {
            errors.rejectValue(field, "newTicket.error." + field);
        } else if (value.length() > max) {
            errors.rejectValue(field, "newTicket.error.tooLong", new Object[]{max, value.length()}, null);
        }
    }

    /** Enough to catch a name typed into the address field; the mail server has the last word. */
    private static boolean looksLikeEmail(String email) {
        int at = email.indexOf('@');
        return at > 0 && at == email.lastIndexOf('@') && at < email.length() - 1 && email.length() <= 254
                && email.chars().noneMatch(Character::isWhitespace);
    }

    private Long defaultTeam(AgentPrincipal agent) {
        List<TeamView> visible = accounts.visibleTeams(agent);
        return accounts.teamIdsOf(agent.id()).stream().sorted().findFirst()
                .or(() -> visible.stream().findFirst().map(TeamView::id)).orElse(null);
    }

    private void validatePhone(NewTicketForm form, BindingResult errors) {
        if (isBlank(form.getNewCustomerPhone())) {
            return;
        }
        if (PhoneKind.parse(form.getNewCustomerPhoneKind()).isEmpty()) {
            form.setNewCustomerPhoneKind(PhoneKind.OTHER.value());
        }
        try {
            new Phone(form.getNewCustomerPhone(), PhoneKind.OTHER);
        } catch (Phone.InvalidPhone e) {
            errors.rejectValue("newCustomerPhone", "newTicket.error.phone", new Object[]{Phone.MIN_DIGITS, Phone.MAX_DIGITS}, null);
        }
    }

    /**
     * A new caller taken down with a number: created with the ticket (named by their number when the agent has no name
     * yet, as the caller log of a telephone would). Empty for a new customer given by address alone.
     */
    private static Optional<NewCustomer> newCaller(NewTicketForm form) {
        if (isBlank(form.getNewCustomerPhone())) {
            return Optional.empty();
        }
        Phone phone = new Phone(form.getNewCustomerPhone(), PhoneKind.parse(form.getNewCustomerPhoneKind()).orElse(PhoneKind.OTHER));
        String name = isBlank(form.getNewCustomerName()) ? phone.number() : form.getNewCustomerName().strip();
        List<String> emails = isBlank(form.getNewCustomerEmail()) ? List.of() : List.of(form.getNewCustomerEmail().strip());
        return Optional.of(new NewCustomer(name, emails, null, null, null, null, Customers.PersonFacts.UNKNOWN, List.of(phone)));
    }

    /** The opener takes a ticket of a team they belong to; otherwise nobody until someone is chosen. */
    private String defaultAssignee(AgentPrincipal agent, long team) {
        return accounts.teamIdsOf(agent.id()).contains(team) ? String.valueOf(agent.id()) : "";
    }

    private boolean isMember(String assignee, Long team) {
        try {
            long id = Long.parseLong(assignee);
            return team != null && accounts.activeMembersOf(team).stream().anyMatch(a -> a.id() == id);
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static Long assigneeOf(NewTicketForm form) {
        return form.getAssignee().isEmpty() ? null : Long.valueOf(form.getAssignee());
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
