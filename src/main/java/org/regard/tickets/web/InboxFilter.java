package org.regard.tickets.web;

import org.regard.tickets.Priority;
import org.regard.tickets.TicketQueries.ListQuery;
import org.regard.tickets.TicketQueries.Sort;
import org.regard.tickets.TicketQueries.View;
import org.regard.tickets.TicketStatus;
import org.springframework.util.MultiValueMap;
import org.springframework.web.util.UriComponentsBuilder;
import org.springframework.web.util.UriUtils;

import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What the agent chose to look at in the inbox: a view (tab), filters, an order and a position, and the saved view
 * they came from, if any. Knows the links that keep these choices: the tabs, the next page, the first page, the
 * sortable columns; and the query a saved view keeps ({@link #filterQuery()}, read back by {@link #parse}).
 */
public record InboxFilter(View view, Set<TicketStatus> statuses, Priority priority, Long teamId, Long assigneeId,
                          Long categoryId, Sort sort, String cursor, String language, Long savedViewId) {
    /** The statuses shown when the agent chose none: everything that still needs the team. */
    public static final Set<TicketStatus> ACTIVE = EnumSet.of(TicketStatus.NEW, TicketStatus.OPEN, TicketStatus.WAITING);
    private static final Pattern LANGUAGE = Pattern.compile("[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8})?");

    public InboxFilter {
        view = view == null ? View.TEAMS : view;
        statuses = statuses == null || statuses.isEmpty() ? ACTIVE : EnumSet.copyOf(statuses);
        sort = sort == null ? Sort.UPDATED_DESC : sort;
        cursor = cursor == null || cursor.isBlank() ? null : cursor;
        // a language that is no language code filters nothing rather than hiding every ticket
        language = language == null || !LANGUAGE.matcher(language.strip()).matches() ? null : language.strip().toLowerCase(Locale.ROOT);
    }

    /** The built-in tab with the active statuses and nothing else, as its count on the tab shows it. */
    static InboxFilter of(View view) {
        return new InboxFilter(view, null, null, null, null, null, null, null, null, null);
    }

    /**
     * A stored filter query read back (a saved view's); values this server does not know are left out, so a view saved
     * before a team or status was removed still opens.
     */
    static InboxFilter parse(String query, Long savedViewId) {
        MultiValueMap<String, String> p = UriComponentsBuilder.fromUriString("/inbox?" + (query == null ? "" : query)).build().getQueryParams();
        Set<TicketStatus> statuses = EnumSet.noneOf(TicketStatus.class);
        for (String s : p.getOrDefault("status", List.of())) {
            TicketStatus status = enumOrNull(TicketStatus.class, decode(s));
            if (status != null) {
                statuses.add(status);
            }
        }
        return new InboxFilter(enumOrNull(View.class, first(p, "view")), statuses, enumOrNull(Priority.class, first(p, "priority")),
                number(first(p, "team")), number(first(p, "assignee")), number(first(p, "category")),
                enumOrNull(Sort.class, first(p, "sort")), null, first(p, "language"), savedViewId);
    }

    ListQuery query(int limit) {
        return new ListQuery(view, statuses, priority, teamId, assigneeId, null, sort, cursor, limit, language, categoryId);
    }

    public boolean shows(TicketStatus status) {
        return statuses.contains(status);
    }

    public boolean isFirstPage() {
        return cursor == null;
    }

    /** Whether the list is in this saved view (its tab is the current one). */
    public boolean isSaved(long id) {
        return savedViewId != null && savedViewId == id;
    }

    /** Whether this built-in tab is the current one. */
    public boolean isView(View v) {
        return savedViewId == null && view == v;
    }

    /** The same filters in another tab, from its first page. */
    public String viewUrl(View other) {
        return url(other, null, sort, false);
    }

    public String pageUrl(String nextCursor) {
        return url(view, nextCursor, sort, true);
    }

    public String firstPageUrl() {
        return url(view, null, sort, true);
    }

    /** The list ordered by this column: newest first, or oldest first when it is so ordered already. */
    public String sortUrl(String column) {
        Sort descending = "created".equals(column) ? Sort.CREATED_DESC : Sort.UPDATED_DESC;
        Sort ascending = "created".equals(column) ? Sort.CREATED_ASC : Sort.UPDATED_ASC;
        return url(view, null, sort == descending ? ascending : descending, true);
    }

    /** How the list is ordered by this column, for {@code aria-sort}: ascending, descending or none. */
    public String ariaSort(String column) {
        boolean created = sort == Sort.CREATED_ASC || sort == Sort.CREATED_DESC;
        if (created != "created".equals(column)) {
            return "none";
        }
        return sort == Sort.CREATED_ASC || sort == Sort.UPDATED_ASC ? "ascending" : "descending";
    }

    /** The filters as a query string without the position: what a saved view keeps. */
    public String filterQuery() {
        String url = url(view, null, sort, false);
        return url.substring(url.indexOf('?') + 1);
    }

    /** The link of a saved view's tab: its filters, marked as that view. */
    static String savedUrl(String filterQuery, long id) {
        return "/inbox?" + filterQuery + "&saved=" + id;
    }

    private String url(View v, String at, Sort order, boolean keepSaved) {
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
        if (assigneeId != null) {
            b.queryParam("assignee", assigneeId);
        }
        if (categoryId != null) {
            b.queryParam("category", categoryId);
        }
        if (language != null) {
            b.queryParam("language", language);
        }
        if (order != Sort.UPDATED_DESC) {
            b.queryParam("sort", order.name());
        }
        if (keepSaved && savedViewId != null) {
            b.queryParam("saved", savedViewId);
        }
        if (at != null) {
            b.queryParam("cursor", at);
        }
        return b.encode().build().toUriString();
    }

    private static String first(MultiValueMap<String, String> p, String name) {
        String value = p.getFirst(name);
        return value == null ? null : decode(value);
    }

    private static String decode(String value) {
        try {
            return UriUtils.decode(value, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static Long number(String value) {
        try {
            return value == null || value.isBlank() ? null : Long.valueOf(value.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static <E extends Enum<E>> E enumOrNull(Class<E> type, String value) {
        try {
            return value == null || value.isBlank() ? null : Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
