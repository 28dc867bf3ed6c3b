package org.regard.tickets.web;

import org.regard.accounts.Accounts;
import org.regard.accounts.AgentPrincipal;
import org.regard.accounts.AgentView;
import org.regard.customers.Customers;
import org.regard.tickets.Categories;
import org.regard.tickets.Categories.CategoryView;
import org.regard.tickets.Channel;
import org.regard.tickets.MessageKind;
import org.regard.tickets.Priority;
import org.regard.tickets.TicketQueries;
import org.regard.tickets.TicketQueries.MessageView;
import org.regard.tickets.TicketQueries.TicketDetail;
import org.regard.tickets.TicketStatus;
import org.regard.tickets.TouchDirection;
import org.regard.tickets.Envelopes;
import org.regard.tickets.MessageEnvelopes.Envelope;
import org.regard.tickets.ReplyChannel.ReplyTarget;
import org.regard.tickets.ReplyDestinations;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.ui.Model;

import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Gathers what the ticket page shows: the ticket, the person, the choices of the properties form and
 * the composer. Used by the page itself and by every form handler that shows the page again with an
 * error, so the page looks the same either way.
 */
@Component
class TicketPageModel {
    static final String VIEW = "tickets/ticket";

    private final TicketQueries queries;
    private final Customers customers;
    private final Accounts accounts;
    private final Categories categories;
    private final Envelopes envelopes;
    private final Clock clock;
    private final DataSize maxFileSize;
    private final DataSize maxRequestSize;
    private final org.regard.tickets.ReplyTemplates replyTemplates;
    private final ReplyDestinations destinations;
    private final org.regard.tickets.Drafts drafts;
    private final org.regard.tickets.SeenMarks seenMarks;
    private final org.regard.tickets.TicketRelations relations;

    TicketPageModel(org.regard.tickets.TicketRelations relations, org.regard.tickets.SeenMarks seenMarks, TicketQueries queries, Customers customers, Accounts accounts, Categories categories, Envelopes envelopes,
                    org.regard.tickets.ReplyTemplates replyTemplates, ReplyDestinations destinations, org.regard.tickets.Drafts drafts,
                    Clock clock, @Value("${spring.servlet.multipart.max-file-size:25MB}") DataSize maxFileSize,
                    @Value("${spring.servlet.multipart.max-request-size:30MB}") DataSize maxRequestSize) {
        this.seenMarks = seenMarks;
        this.relations = relations;
        this.queries = queries;
        this.customers = customers;
        this.accounts = accounts;
        this.categories = categories;
        this.envelopes = envelopes;
        this.replyTemplates = replyTemplates;
        this.destinations = destinations;
        this.drafts = drafts;
        this.clock = clock;
        this.maxFileSize = maxFileSize;
        this.maxRequestSize = maxRequestSize;
    }

    /** The largest file a reply may carry, and all files together, in bytes. */
    long maxFileBytes() {
        return maxFileSize.toBytes();
    }

    long maxRequestBytes() {
        return maxRequestSize.toBytes();
    }

    /**
     * Puts the ticket page into the model. A form already in the model (as the agent typed it) is kept;
     * a missing one is started fresh from the ticket.
     */
    void fill(Model model, long ticketId, AgentPrincipal agent) {
        TicketDetail detail = queries.detail(ticketId, agent);
        var related = relations.of(ticketId);
        // a linked ticket's budget is its group's: the summary shows the group's total and state
        TicketQueries.TicketRow ticket = detail.summary().inGroup(related.group());
        model.addAttribute("detail", detail);
        model.addAttribute("ticket", ticket);
        model.addAttribute("relations", related);
        // the page shows every message: the ticket is read up to the newest (the one row a page view writes)
        detail.messages().stream().mapToLong(TicketQueries.MessageView::id).max()
                .ifPresent(newest -> seenMarks.seen(ticketId, newest, agent));
        model.addAttribute("card", customers.card(ticket.customerId()).orElseThrow());
        model.addAttribute("nextTicketId", queries.nextAfter(ticketId, agent).orElse(null));
        model.addAttribute("recordedBy", recorders(detail));
        // the templates of the ticket's category first (chosen when the picker opens), then every other one
        var all = replyTemplates.all();
        Long category = detail.categoryId();
        model.addAttribute("replyTemplates", all);
        model.addAttribute("categoryTemplates", category == null ? java.util.List.of()
                : all.stream().filter(t -> category.equals(t.categoryId())).toList());
        model.addAttribute("otherTemplates", category == null ? all
                : all.stream().filter(t -> !category.equals(t.categoryId())).toList());
        Map<Long, Envelope> envelopesById = envelopes.of(ticketId);
        model.addAttribute("envelopes", envelopesById);
        model.addAttribute("stuckReplies", envelopesById.values().stream()
                .filter(e -> e.delivery() != null && e.delivery().stuck()).count());
        // where a reply would go, said before it is sent; the reply itself decides the same way under the ticket's lock
        model.addAttribute("destination", destinations.of(new ReplyTarget(ticketId, ticket.teamId(), ticket.customerId(), ticket.channel())));
        model.addAttribute("now", clock.instant());
        model.addAttribute("me", agent.id());
        model.addAttribute("maxFileBytes", maxFileBytes());
        model.addAttribute("maxRequestBytes", maxRequestBytes());
        model.addAttribute("maxFileMegabytes", maxFileSize.toMegabytes());
        model.addAttribute("maxRequestMegabytes", maxRequestSize.toMegabytes());

        model.addAttribute("statusOptions", statusOptions(ticket.status()));
        model.addAttribute("priorities", Priority.values());
        model.addAttribute("teams", accounts.teams());
        List<AgentView> assignees = assignees(ticket);
        model.addAttribute("assignees", assignees);
        // an unassigned ticket is offered to the agent who replies, when it is in one of their teams
        boolean canTake = ticket.assigneeId() == null && assignees.stream().anyMatch(a -> a.id() == agent.id());
        model.addAttribute("canTake", canTake);
        model.addAttribute("categories", categoryOptions(detail));
        model.addAttribute("canResolve", ticket.status().canMoveTo(TicketStatus.RESOLVED));
        model.addAttribute("canReopen", !ticket.status().isActive() && ticket.status().canMoveTo(TicketStatus.OPEN));

        List<TicketStatus> afterReply = statusesAfterReply(ticket.status());
        model.addAttribute("replyStatuses", afterReply);
        model.addAttribute("contactChannels", List.of(Channel.PHONE, Channel.VISIT));
        model.addAttribute("directions", TouchDirection.values());
        model.addAttribute("modes", ComposerMode.values());
        if (!model.containsAttribute("composer")) {
            ComposerForm fresh = freshComposer(afterReply);
            fresh.setTakeIt(canTake);
            // a reply taken back inside the undo window comes back to be edited and sent again
            if (model.getAttribute("restoredReply") instanceof String restored && !restored.isBlank()) {
                fresh.setBody(restored);
                fresh.use(ComposerMode.REPLY);
            } else {
                // what the agent typed here before (another tab, another device, before a crash) comes back
                drafts.of(ticketId, agent).ifPresent(d -> {
                    fresh.setBody(d.body());
                    fresh.use(ComposerMode.of(d.mode()));
                    model.addAttribute("draft", d);
                });
            }
            model.addAttribute("composer", fresh);
        }
        ComposerForm composer = (ComposerForm) model.getAttribute("composer");
        if (composer.getNextStatus() == null || !afterReply.contains(composer.getNextStatus())) {
            composer.setNextStatus(defaultAfterReply(afterReply));
        }
        if (!model.containsAttribute("properties")) {
            model.addAttribute("properties", PropertiesForm.of(detail));
        }
    }

    /** A fresh composer for the ticket page, with a new submission key. */
    static ComposerForm freshComposer(List<TicketStatus> afterReply) {
        ComposerForm form = new ComposerForm();
        form.setNextStatus(defaultAfterReply(afterReply));
        return form;
    }

    /** The current status and the ones it may move to, in lifecycle order. */
    static List<TicketStatus> statusOptions(TicketStatus current) {
        Set<TicketStatus> options = EnumSet.of(current);
        options.addAll(current.next());
        return List.copyOf(options);
    }

    /** A reply first opens a new ticket, then may move it on from there. */
    static List<TicketStatus> statusesAfterReply(TicketStatus current) {
        return statusOptions(current == TicketStatus.NEW ? TicketStatus.OPEN : current);
    }

    /** Most replies ask the customer something, so the ticket then waits for them. */
    private static TicketStatus defaultAfterReply(List<TicketStatus> afterReply) {
        return afterReply.contains(TicketStatus.WAITING) ? TicketStatus.WAITING : afterReply.getFirst();
    }

    /** The team's active members, and the current assignee even when they no longer are one. */
    private List<AgentView> assignees(TicketQueries.TicketRow ticket) {
        List<AgentView> members = new ArrayList<>(accounts.activeMembersOf(ticket.teamId()));
        if (ticket.assigneeId() != null && members.stream().noneMatch(a -> a.id() == ticket.assigneeId())) {
            accounts.agent(ticket.assigneeId()).ifPresent(a -> members.addFirst(a));
        }
        return members;
    }

    /** The categories on offer, and the ticket's own even when it was retired. */
    private List<CategoryView> categoryOptions(TicketDetail detail) {
        List<CategoryView> options = new ArrayList<>(categories.active());
        if (detail.categoryId() != null && options.stream().noneMatch(c -> c.id() == detail.categoryId())) {
            options.addFirst(new CategoryView(detail.categoryId(), detail.categoryName(), false));
        }
        return options;
    }

    Optional<String> categoryName(long id) {
        return categories.all().stream().filter(c -> c.id() == id).map(CategoryView::name).findFirst();
    }

    /** Who took down a customer's words (a call or a visit typed in by an agent), by message id. */
    private Map<Long, String> recorders(TicketDetail detail) {
        List<MessageView> recorded = detail.messages().stream()
                .filter(m -> m.kind() == MessageKind.CUSTOMER && m.authorAgentId() != null).toList();
        if (recorded.isEmpty()) {
            return Map.of();
        }
        Map<Long, String> names = accounts.agentNames(recorded.stream().map(MessageView::authorAgentId).toList());
        Map<Long, String> byMessage = new HashMap<>();
        recorded.forEach(m -> byMessage.put(m.id(), Objects.requireNonNullElse(names.get(m.authorAgentId()), "?")));
        return byMessage;
    }
}
