package org.regard.tickets.web;

import org.regard.tickets.Priority;
import org.regard.tickets.TicketQueries.ListQuery;
import org.regard.tickets.TicketQueries.Sort;
import org.regard.tickets.TicketQueries.View;
import org.regard.tickets.TicketStatus;
import org.springframework.web.util.UriComponentsBuilder;

import java.util.EnumSet;
import java.util.Set;

/**
 * What the agent chose to look at in the inbox: a view (tab), filters, an order and a position. Knows
 * the links that keep these choices: the tabs, the next page and the first page.
 */
public record InboxFilter(View view, Set<TicketStatus> statuses, Priority priority, Long teamId, Sort sort, String cursor,
                          String language) {
    /** The statuses shown when the agent chose none: everything that still needs the team. */
    public static final Set<TicketStatus> ACTIVE = EnumSet.of(TicketStatus.NEW, TicketStatus.OPEN, TicketStatus.WAITING);

    public InboxFilter {
        view = view == null ? View.TEAMS : view;
        statuses = statuses == null || statuses.isEmpty() ? ACTIVE : EnumSet.copyOf(statuses);
        sort = sort == null ? Sort.UPDATED_DESC : sort;
        cursor = cursor == null || cursor.isBlank() ? null : cursor;
        language = language == null || language.isBlank() ? null : language.strip().toLowerCase(java.util.Locale.ROOT);
    }

    /** Filters that do not narrow by the customer's language. */
    public InboxFilter(View view, Set<TicketStatus> statuses, Priority priority, Long teamId, Sort sort, String cursor) {
        this(view, statuses, priority, teamId, sort, cursor, null);
    }

    ListQuery query(int limit) {
        return new ListQuery(view, statuses, priority, teamId, null, null, sort, cursor, limit, language);
    }

    public boolean shows(TicketStatus status) {
        return statuses.contains(status);
    }

    public boolean isFirstPage() {
        return cursor == null;
    }

    /** The same filters in another tab, from its first page. */
    public String viewUrl(View other) {
        return url(other, null);
    }

    public String pageUrl(String nextCursor) {
        return url(view, nextCursor);
    }

    public String firstPageUrl() {
        return url(view, null);
    }

    private String url(View v, String at) {
        UriComponentsBuilder b = UriComponentsBuilder.fromPath("/inbox").queryParam("view", v.name());
        if (!statuses.equals(ACTIVE)) {
            statuses.forEach(s -> b.queryParam("status", s.name()));
        }
        if (priority != null) {
            b.queryParam("priority", priority.name());
        }
        if (teamId != null) {
            b.queryParam("team", teamId);
        }
        if (language != null) {
            b.queryParam("language", language);
        }
        if (sort != Sort.UPDATED_DESC) {
            b.queryParam("sort", sort.name());
        }
        if (at != null) {
            b.queryParam("cursor", at);
        }
        return b.encode().build().toUriString();
    }
}
