package org.regard.tickets.web;

import jakarta.servlet.http.HttpServletResponse;
import org.regard.accounts.Accounts;
import org.regard.accounts.AgentPrincipal;
import org.regard.accounts.AgentView;
import org.regard.customers.Promises;
import org.regard.languages.Languages;
import org.regard.tickets.Categories;
import org.regard.tickets.Priority;
import org.regard.tickets.ReplyDestinations;
import org.regard.tickets.SavedViews;
import org.regard.tickets.SavedViews.SavedView;
import org.regard.tickets.TicketQueries;
import org.regard.tickets.TicketQueries.Sort;
import org.regard.tickets.TicketQueries.TicketRow;
import org.regard.tickets.TicketQueries.View;
import org.regard.tickets.TicketStatus;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The agent's inbox: tabs for the built-in and saved views with their counts, filters, sortable columns, pages by
 * cursor, unread markers, and the bulk action form ({@link BulkActionController}).
 */
@Controller
class InboxController {
    static final int PAGE_SIZE = 25;
    /** Tabs count no further: "99+" costs at most 100 index entries per tab, whatever the desk's size. */
    static final int COUNT_CAP = 100;

    private final TicketQueries queries;
    private final Accounts accounts;
    private final Promises promises;
    private final Languages languages;
    private final SavedViews savedViews;
    private final Categories categories;

    private final ReplyDestinations destinations;

    InboxController(TicketQueries queries, Accounts accounts, Promises promises, Languages languages, SavedViews savedViews,
                    Categories categories, ReplyDestinations destinations) {
        this.queries = queries;
        this.destinations = destinations;
        this.accounts = accounts;
        this.promises = promises;
        this.languages = languages;
        this.savedViews = savedViews;
        this.categories = categories;
    }

    /** A tab: its link, its name (a message key for the built-in ones) and its capped count. */
    public record Tab(String id, String url, String nameKey, String name, boolean current, int count, boolean mine,
                      Long savedId) {
        /** The count as the tab shows it: the number, or "99+" beyond the cap. */
        public String countText() {
            return count >= COUNT_CAP ? (COUNT_CAP - 1) + "+" : String.valueOf(count);
        }
    }

    @GetMapping("/inbox")
    String inbox(@RequestParam(required = false) View view,
                 @RequestParam(name = "status", required = false) Set<TicketStatus> statuses,
                 @RequestParam(required = false) Priority priority,
                 @RequestParam(name = "team", required = false) Long teamId,
                 @RequestParam(name = "assignee", required = false) Long assigneeId,
                 @RequestParam(name = "category", required = false) Long categoryId,
                 @RequestParam(required = false) Sort sort,
                 @RequestParam(required = false) String cursor,
                 @RequestParam(required = false) String language,
                 @RequestParam(name = "saved", required = false) Long savedId,
                 @AuthenticationPrincipal AgentPrincipal agent, HtmxRequest htmx, Model model, HttpServletResponse response) {
        Set<Long> myTeams = accounts.teamIdsOf(agent.id());
        if (view == View.FLAGGED && !leads(agent)) {
            // the flagged view is a team lead's: it asks for a root cause only a lead notes
            throw new ResponseStatusException(HttpStatus.FORBIDDEN);
        }
        if (savedId != null) {
            // another team's view is neither listed nor usable; its filters alone would show only the agent's tickets
            SavedView saved = savedViews.find(savedId).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
            if (!savedViews.mayUse(saved, myTeams, agent)) {
                throw new ResponseStatusException(HttpStatus.FORBIDDEN);
            }
        }
        InboxFilter filter = new InboxFilter(view, statuses, priority, teamId, assigneeId, categoryId, sort, cursor, language, savedId);
        TicketQueries.Page page = queries.list(filter.query(PAGE_SIZE), agent);
        model.addAttribute("filter", filter);
        model.addAttribute("page", page);
        // unread, waiting for review and returned by a reviewer: one statement for the three marks
        TicketQueries.Marks marks = queries.marksAmong(page.rows().stream().map(TicketRow::id).toList(), agent);
        model.addAttribute("unread", marks.unread());
        model.addAttribute("awaitingReview", marks.awaitingReview());
        model.addAttribute("returnedReview", marks.returned());
        model.addAttribute("tabs", tabs(filter, myTeams, agent));
        model.addAttribute("fragmentOnly", htmx.wantsFragment());
        if (!htmx.wantsFragment()) {
            model.addAttribute("allStatuses", TicketStatus.values());
            model.addAttribute("priorities", Priority.values());
            model.addAttribute("sorts", Sort.values());
            model.addAttribute("teams", accounts.visibleTeams(agent));
            model.addAttribute("assignees", assignees(agent, myTeams));
            model.addAttribute("categories", categories.active());
            model.addAttribute("languages", languages.configured());
            model.addAttribute("bulkKey", UUID.randomUUID().toString());
            model.addAttribute("overduePromises", promises.overdueFor(agent.id(), myTeams, 20));
            model.addAttribute("stuckReplies", destinations.stuckFor(agent));
        }
        response.addHeader("Vary", HtmxRequest.HEADER);
        return htmx.wantsFragment() ? "tickets/inbox :: update" : "tickets/inbox";
    }

    /** The built-in views and the saved ones, each counted with its own filters in one statement. */
    private List<Tab> tabs(InboxFilter current, Set<Long> myTeams, AgentPrincipal agent) {
        List<SavedView> saved = savedViews.visibleTo(agent, myTeams);
        List<InboxFilter> filters = new ArrayList<>();
        View[] views = views(agent);
        for (View v : views) {
            filters.add(InboxFilter.of(v));
        }
        saved.forEach(s -> filters.add(InboxFilter.parse(s.filter(), s.id())));
        List<Integer> counts = queries.cappedCounts(filters.stream().map(f -> f.query(1)).toList(), COUNT_CAP, agent);
        List<Tab> tabs = new ArrayList<>();
        for (int i = 0; i < views.length; i++) {
            View v = views[i];
            tabs.add(new Tab("view-" + v.name().toLowerCase(java.util.Locale.ROOT), current.viewUrl(v), "inbox.view." + v.name(),
                    null, current.isView(v), counts.get(i), false, null));
        }
        for (int i = 0; i < saved.size(); i++) {
            SavedView s = saved.get(i);
            tabs.add(new Tab("saved-" + s.id(), InboxFilter.savedUrl(s.filter(), s.id()), null, s.name(), current.isSaved(s.id()),
                    counts.get(views.length + i), s.ownerId() == agent.id(), s.id()));
        }
        return tabs;
    }

    /** The built-in views this agent gets: the flagged one for team leads and administrators. */
    private static View[] views(AgentPrincipal agent) {
        return leads(agent) ? View.values()
                : java.util.Arrays.stream(View.values()).filter(v -> v != View.FLAGGED).toArray(View[]::new);
    }

    private static boolean leads(AgentPrincipal agent) {
        return agent.isAdmin() || agent.role() == org.regard.accounts.Role.LEAD;
    }

    /** Whom the filter and the bulk form offer: the active members of the agent's teams (an admin's: everyone active). */
    private List<AgentView> assignees(AgentPrincipal agent, Set<Long> myTeams) {
        if (agent.isAdmin()) {
            return accounts.agents().stream().filter(AgentView::active)
                    .sorted(Comparator.comparing(AgentView::displayName, String.CASE_INSENSITIVE_ORDER)).toList();
        }
        Map<Long, AgentView> members = new LinkedHashMap<>();
        myTeams.forEach(team -> accounts.activeMembersOf(team).forEach(a -> members.putIfAbsent(a.id(), a)));
        return members.values().stream().sorted(Comparator.comparing(AgentView::displayName, String.CASE_INSENSITIVE_ORDER)).toList();
    }
}
