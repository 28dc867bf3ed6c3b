package org.regard.tickets;

import org.regard.accounts.Accounts;
import org.regard.accounts.AgentPrincipal;
import org.regard.customers.Customers;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads of tickets for pages and the API. Lists page by keyset (the last row's sort key and id) so that
 * page 1,000 costs what page 1 costs, and never count everything.
 */
@Service
@Transactional(readOnly = true)
public class TicketQueries {
    /** Most rows one page may ask for. */
    public static final int MAX_PAGE = 200;

    private final JdbcClient jdbc;
    private final TicketAccess access;
    private final MessageRepository messages;
    private final TicketRepository ticketRepository;
    private final Accounts accounts;
    private final Customers customers;

    private final LinkGroups groups;

    TicketQueries(JdbcClient jdbc, TicketAccess access, MessageRepository messages, TicketRepository ticketRepository,
                  Accounts accounts, Customers customers, LinkGroups groups) {
        this.groups = groups;
        this.ticketRepository = ticketRepository;
        this.jdbc = jdbc;
        this.access = access;
        this.messages = messages;
        this.accounts = accounts;
        this.customers = customers;
    }

    /** The inbox views. */
    public enum View {
        /** Assigned to me. */
        MINE,
        /** Every ticket of my teams. */
        TEAMS,
        /** Nobody's yet, in my teams. */
        UNASSIGNED,
        /** Every ticket I may see (admins: all teams). */
        ALL,
        /**
         * Flagged for a team lead and no root cause noted yet, in my teams (admins: all teams), whatever their status
         * unless statuses are asked: a resolved ticket's cause is still wanted.
         */
        FLAGGED
    }

    /** The orders a list can take. */
    public enum Sort {
        UPDATED_DESC, UPDATED_ASC, CREATED_DESC, CREATED_ASC
    }

    /** A list request; null filters do not filter. An empty status set means the active statuses. */
    public record ListQuery(View view, Set<TicketStatus> statuses, Priority priority, Long teamId, Long assigneeId,
                            Long customerId, Sort sort, String cursor, int limit, String language, Long categoryId) {

        public ListQuery {
            view = view == null ? View.ALL : view;
            statuses = statuses == null ? Set.of() : Set.copyOf(statuses);
            sort = sort == null ? Sort.UPDATED_DESC : sort;
            limit = Math.max(1, Math.min(limit <= 0 ? 25 : limit, MAX_PAGE));
            language = language == null || language.isBlank() ? null : language.strip().toLowerCase(java.util.Locale.ROOT);
        }

        /** A request that does not filter by category. */
        public ListQuery(View view, Set<TicketStatus> statuses, Priority priority, Long teamId, Long assigneeId,
                         Long customerId, Sort sort, String cursor, int limit, String language) {
            this(view, statuses, priority, teamId, assigneeId, customerId, sort, cursor, limit, language, null);
        }

        /** A request that does not filter by the customer's language nor by category. */
        public ListQuery(View view, Set<TicketStatus> statuses, Priority priority, Long teamId, Long assigneeId,
                         Long customerId, Sort sort, String cursor, int limit) {
            this(view, statuses, priority, teamId, assigneeId, customerId, sort, cursor, limit, null, null);
        }
    }

    /** One row of a ticket list. */
    public record TicketRow(long id, String subject, TicketStatus status, Priority priority, Channel channel,
                            long customerId, String customerName, long teamId, String teamName, Long assigneeId,
                            String assigneeName, int touchesIn, int touchesOut, Instant createdAt, Instant updatedAt,
                            TouchBudget budget) {

        /** A row without its budget read (no budget, nothing counted). */
        public TicketRow(long id, String subject, TicketStatus status, Priority priority, Channel channel,
                         long customerId, String customerName, long teamId, String teamName, Long assigneeId,
                         String assigneeName, int touchesIn, int touchesOut, Instant createdAt, Instant updatedAt) {
            this(id, subject, status, priority, channel, customerId, customerName, teamId, teamName, assigneeId, assigneeName,
                    touchesIn, touchesOut, createdAt, updatedAt, TouchBudget.NONE);
        }

        public int touches() {
            return touchesIn + touchesOut;
        }

        /** Where its touches stand against its budget (a linked ticket: its group's total against the group's budget). */
        public TouchBudget.State touchState() {
            return budget.state(touches());
        }

        /** The touches its budget is held against: its group's total when it is linked, else its own. */
        public int budgetTouches() {
            return budget.counted(touches());
        }

        /** This row as one ticket of its link group: the group's total and budget stand for its own (alone: unchanged). */
        public TicketRow inGroup(TicketRelations.Group group) {
            if (group == null || !group.linked()) {
                return this;
            }
            return new TicketRow(id, subject, status, priority, channel, customerId, customerName, teamId, teamName, assigneeId,
                    assigneeName, touchesIn, touchesOut, createdAt, updatedAt,
                    budget.inGroup(group.total(), group.expected(), group.alarm()));
        }
    }

    /**
     * The ticket's touch budget, asked in the statement that reads its row: its category's pair, or the desk's default
     * pair when it has no category or its category has none (a category has both numbers or neither).
     */
    static final String BUDGET = """
            (select case when c.expected_touches is null then d.expected_touches else c.expected_touches end
             from touch_budget_default d left join category c on c.id = t.category_id where d.id = 1) as budget_expected,
            (select case when c.expected_touches is null then d.alarm_touches else c.alarm_touches end
             from touch_budget_default d left join category c on c.id = t.category_id where d.id = 1) as budget_alarm""";

    /** Whether the ticket has a link, asked in the statement that reads its row. */
    static final String LINKED = """
            case when exists (select 1 from ticket_link l where l.low_id = t.id)
                   or exists (select 1 from ticket_link l where l.high_id = t.id) then true else false end as linked""";

    private TicketRelations.Group relationsGroup(long ticketId) {
        LinkGroups.Group g = groups.of(ticketId);
        return new TicketRelations.Group(g.tickets(), g.total(), g.expected(), g.alarm());
    }

    /** A page of rows and the cursor of the next page (null on the last page). */
    public record Page(List<TicketRow> rows, String nextCursor) {
    }

    /** A ticket with everything the ticket page and the API show. */
    public record TicketDetail(TicketRow summary, Long categoryId, String categoryName, Instant resolvedAt, int version,
                               List<MessageView> messages, List<ChangeView> changes, Long followUpOf) {

        /**
         * The resolution an agent asked for that waits for a second person's review (a category with resolution review),
         * read from the change history: its latest request not yet approved or returned.
         */
        public Optional<ResolutionRequest> pendingResolution() {
            for (int i = changes.size() - 1; i >= 0; i--) {
                ChangeView c = changes.get(i);
                switch (c.field()) {
                    case ResolutionReviewing.REQUESTED -> {
                        return Optional.of(new ResolutionRequest(c.actorAgentId(), c.actorName(), c.at(), c.newValue()));
                    }
                    case ResolutionReviewing.APPROVED, ResolutionReviewing.RETURNED -> {
                        return Optional.empty();
                    }
                    default -> {
                    }
                }
            }
            return Optional.empty();
        }

        public int touches() {
            return summary.touchesIn() + summary.touchesOut();
        }

        /** The touches by kind, counted from its messages (a reply held for review is no touch yet). */
        public TouchBreakdown breakdown() {
            int customer = 0;
            int replies = 0;
            int in = 0;
            int out = 0;
            for (MessageView m : messages) {
                if (m.touch() == null) {
                    continue;
                }
                switch (m.kind()) {
                    case CUSTOMER -> customer++;
                    case REPLY -> replies++;
                    case CONTACT -> {
                        if (m.touch() == TouchDirection.INBOUND) {
                            in++;
                        } else {
                            out++;
                        }
                    }
                    default -> {
                    }
                }
            }
            return new TouchBreakdown(customer, replies, in, out, summary.budget().handoffs(), summary.budget().reopenings());
        }
    }

    /** A ticket's touches by kind, with its hand-offs and reopenings. */
    public record TouchBreakdown(int customerMessages, int replies, int contactsIn, int contactsOut, int handoffs, int reopenings) {
    }

    /** One message; {@code authorName} is the agent's or the customer's name; {@code review} is null unless it was held. */
    public record MessageView(long id, MessageKind kind, Channel channel, TouchDirection touch, Long authorAgentId,
                              Long authorCustomerId, String authorName, String body, Instant createdAt,
                              List<AttachmentView> attachments, String language, MessageReview review) {

        public MessageView(long id, MessageKind kind, Channel channel, TouchDirection touch, Long authorAgentId,
                           Long authorCustomerId, String authorName, String body, Instant createdAt,
                           List<AttachmentView> attachments, String language) {
            this(id, kind, channel, touch, authorAgentId, authorCustomerId, authorName, body, createdAt, attachments, language, null);
        }

        /** The same message with its author's name. */
        public MessageView writtenBy(String name) {
            return new MessageView(id, kind, channel, touch, authorAgentId, authorCustomerId, name, body, createdAt, attachments,
                    language, review);
        }

        /** A message without a detected language (an agent's, a note, an automatic one). */
        public MessageView(long id, MessageKind kind, Channel channel, TouchDirection touch, Long authorAgentId,
                           Long authorCustomerId, String authorName, String body, Instant createdAt,
                           List<AttachmentView> attachments) {
            this(id, kind, channel, touch, authorAgentId, authorCustomerId, authorName, body, createdAt, attachments, null, null);
        }

        /** Whether it waits for a reviewer or was returned: not sent, not seen by the customer. */
        public boolean held() {
            return review != null && !review.approved();
        }
    }

    /**
     * Where a reply held for review stands: {@code state} pending, approved or returned; why it was held; who decided
     * and when (null while pending); the reviewer's comment when returned; the author's own text when the reviewer
     * changed it on approval (null otherwise); its round (1, then one more per resubmission).
     */
    public record MessageReview(String state, List<String> reasons, Long reviewerAgentId, String reviewerName,
                                Instant decidedAt, String comment, String originalBody, int round) {
        public MessageReview {
            reasons = List.copyOf(reasons);
        }

        public boolean pending() {
            return "pending".equals(state);
        }

        public boolean approved() {
            return "approved".equals(state);
        }

        public boolean returned() {
            return "returned".equals(state);
        }

        /** Approved with the reviewer's changes: the author may see the difference. */
        public boolean changed() {
            return approved() && originalBody != null;
        }

        static MessageReview of(Message m, Map<Long, String> agentNames) {
            if (m.getReviewState() == null) {
                return null;
            }
            String reasons = m.getReviewReasons();
            return new MessageReview(m.getReviewState().toLowerCase(java.util.Locale.ROOT),
                    reasons == null || reasons.isEmpty() ? List.of() : List.of(reasons.split("\n")),
                    m.getReviewerAgentId(), m.getReviewerAgentId() == null ? null : agentNames.get(m.getReviewerAgentId()),
                    m.getReviewDecidedAt(), m.getReviewComment(), m.getReviewOriginalBody(),
                    m.getReviewRound() == null ? 1 : m.getReviewRound());
        }
    }

    /** A message's own facts, for the modules that carry it (no names resolved, no visibility check). */
    public record MessageFacts(long id, long ticketId, MessageKind kind, Channel channel, Long authorAgentId, String body,
                               Instant createdAt) {
    }

    /** A stored file with its bytes. */
    public record AttachmentContent(AttachmentView attachment, byte[] data) {
    }

    /** One recorded change: who changed which field from what to what. Ids are resolved to names. */
    /** A resolution waiting for review: who asked, when, and their written reason (null when none). */
    public record ResolutionRequest(Long requestedBy, String requestedByName, Instant requestedAt, String reason) {
    }

    public record ChangeView(Instant at, Long actorAgentId, String actorName, String field, String oldValue, String newValue) {
    }

    private record Key(Instant at, long id) {
    }

    /**
     * One interaction with a customer on any of their tickets, for the customer's timeline: what kind, on which
     * channel and ticket, by whom, and the start of what was said.
     */
    public record TimelineEntry(long messageId, long ticketId, String subject, MessageKind kind, Channel channel,
                                TouchDirection touch, String authorName, String excerpt, Instant at) {

        TimelineEntry byAgent(String name) {
            return new TimelineEntry(messageId, ticketId, subject, kind, channel, touch, name, excerpt, at);
        }
    }

    /** How much of a message the timeline shows. */
    static final int TIMELINE_EXCERPT = 300;

    /**
     * Every message on the customer's tickets that the agent may see, newest first, one page at a time: pass the
     * time and id of the last entry seen as {@code before} and {@code beforeId} for the next page.
     */
    public List<TimelineEntry> timelineOf(long customerId, Instant before, Long beforeId, int limit, AgentPrincipal agent) {
        Set<Long> myTeams = access.visibleTeams(agent).orElse(null);
        if (myTeams != null && myTeams.isEmpty()) {
            return List.of();
        }
        Instant cursorAt = before == null ? Instant.parse("9999-12-31T00:00:00Z") : before;
        long cursorId = beforeId == null ? Long.MAX_VALUE : beforeId;
        record Row(TimelineEntry entry, Long authorAgentId) {
        }
        List<Row> rows = jdbc.sql("""
                        select m.id, t.id, t.subject, m.kind, m.channel, m.touch, m.author_agent_id, m.body, m.created_at
                        from message m join ticket t on t.id = m.ticket_id
                        where t.customer_id = :customer and (m.review_state is null or m.review_state = 'APPROVED')
                          and (cast(:teams as varchar) is null or t.team_id in (:teamIds))
                          and (m.created_at < :at or (m.created_at = :at and m.id < :id))
                        order by m.created_at desc, m.id desc limit :limit""")
                .param("customer", customerId)
                .param("teams", myTeams == null ? null : "some")
                .param("teamIds", myTeams == null ? List.of(-1L) : List.copyOf(myTeams))
                .param("at", java.sql.Timestamp.from(cursorAt)).param("id", cursorId)
                .param("limit", Math.min(Math.max(limit, 1), MAX_PAGE))
                .query((rs, n) -> {
                    String body = rs.getString(8);
                    String excerpt = body.length() > TIMELINE_EXCERPT ? body.substring(0, TIMELINE_EXCERPT) + "…" : body;
                    String touch = rs.getString(6);
                    return new Row(new TimelineEntry(rs.getLong(1), rs.getLong(2), rs.getString(3), MessageKind.valueOf(rs.getString(4)),
                            Channel.valueOf(rs.getString(5)), touch == null ? null : TouchDirection.valueOf(touch),
                            null, excerpt, rs.getTimestamp(9).toInstant()), rs.getObject(7, Long.class));
                }).list();
        // agents' names come from the accounts module, not from its table
        Map<Long, String> names = accounts.agentNames(rows.stream().map(Row::authorAgentId).filter(java.util.Objects::nonNull).toList());
        return rows.stream().map(r -> r.authorAgentId() == null ? r.entry() : r.entry().byAgent(names.get(r.authorAgentId()))).toList();
    }

    public Page list(ListQuery q, AgentPrincipal agent) {
        StringBuilder sql = new StringBuilder("select t.*, " + BUDGET + ", " + LINKED + " from ticket t where 1 = 1");
        Map<String, Object> params = new HashMap<>();
        if (!narrow(q, agent, accountsTeams(q, agent), "", sql, params)) {
            return new Page(List.of(), null);
        }
        boolean byCreated = q.sort() == Sort.CREATED_ASC || q.sort() == Sort.CREATED_DESC;
        boolean descending = q.sort() == Sort.UPDATED_DESC || q.sort() == Sort.CREATED_DESC;
        Optional<Key> after = decode(q.cursor());
        String cmp = descending ? "<" : ">";
        if (after.isPresent()) {
            if (byCreated) {
                // ids grow with creation time, so the id alone orders by creation
                sql.append(" and t.id ").append(cmp).append(" :afterId");
            } else {
                // a row-value comparison, not "a < x or (a = x and b < y)": both databases use it as an index
                // bound, so a page deep in the list starts at the cursor instead of filtering from the top
                sql.append(" and (t.updated_at, t.id) ").append(cmp).append(" (:afterAt, :afterId)");
                params.put("afterAt", Timestamp.from(after.get().at()));
            }
            params.put("afterId", after.get().id());
        }
        String dir = descending ? " desc" : " asc";
        sql.append(byCreated ? " order by t.id" + dir : " order by t.updated_at" + dir + ", t.id" + dir);
        sql.append(" limit :limit");
        params.put("limit", q.limit() + 1);

        Set<Long> linked = new HashSet<>();
        List<RawRow> raw = jdbc.sql(sql.toString()).params(params).query((rs, n) -> {
            if (rs.getBoolean("linked")) {
                linked.add(rs.getLong("id"));
            }
            return raw(rs, n);
        }).list();
        boolean more = raw.size() > q.limit();
        List<RawRow> pageRows = more ? raw.subList(0, q.limit()) : raw;
        List<TicketRow> rows = named(pageRows);
        if (!linked.isEmpty()) {
            // a linked ticket's state is its group's: read for the linked rows only (most pages have none, and pay nothing)
            rows = rows.stream().map(r -> linked.contains(r.id()) ? r.inGroup(relationsGroup(r.id())) : r).toList();
        }
        String next = null;
        if (more) {
            TicketRow last = rows.getLast();
            next = encode(new Key(byCreated ? last.createdAt() : last.updatedAt(), last.id()));
        }
        return new Page(rows, next);
    }

    /** The teams whose tickets this query may show: null for every team (an admin's "all" view). */
    private Set<Long> accountsTeams(ListQuery q, AgentPrincipal agent) {
        return agent.isAdmin() && (q.view() == View.ALL || q.view() == View.FLAGGED) ? null : accounts.teamIdsOf(agent.id());
    }

    /**
     * Appends the query's filters to {@code sql} (which ends in a where clause), naming its parameters with
     * {@code prefix} so that several queries can share one statement. False when nothing can match.
     */
    private static boolean narrow(ListQuery q, AgentPrincipal agent, Set<Long> myTeams, String prefix, StringBuilder sql,
                                  Map<String, Object> params) {
        if (myTeams != null) {
            if (myTeams.isEmpty()) {
                return false;
            }
            sql.append(" and t.team_id in (:").append(prefix).append("myTeams)");
            params.put(prefix + "myTeams", myTeams);
        }
        switch (q.view()) {
            case MINE -> {
                sql.append(" and t.assignee_id = :").append(prefix).append("me");
                params.put(prefix + "me", agent.id());
            }
            case UNASSIGNED -> sql.append(" and t.assignee_id is null");
            case FLAGGED -> sql.append(" and t.flagged_at is not null and t.root_cause is null");
            default -> {
            }
        }
        Set<TicketStatus> statuses = q.statuses().isEmpty()
                ? (q.view() == View.FLAGGED ? Set.of(TicketStatus.values())
                : Set.of(TicketStatus.NEW, TicketStatus.OPEN, TicketStatus.WAITING)) : q.statuses();
        if (statuses.size() < TicketStatus.values().length) {
            sql.append(" and t.status in (:").append(prefix).append("statuses)");
            params.put(prefix + "statuses", statuses.stream().map(Enum::name).toList());
        }
        equal(sql, params, prefix, "priority", q.priority() == null ? null : q.priority().name());
        equal(sql, params, prefix, "team_id", q.teamId());
        equal(sql, params, prefix, "assignee_id", q.assigneeId());
        equal(sql, params, prefix, "customer_id", q.customerId());
        equal(sql, params, prefix, "category_id", q.categoryId());
        if (q.language() != null) {
            // the customer's language as it stands now, so a customer whose language was corrected moves with it
            sql.append(" and exists (select 1 from customer c where c.id = t.customer_id and c.language = :")
                    .append(prefix).append("language)");
            params.put(prefix + "language", q.language());
        }
        return true;
    }

    private static void equal(StringBuilder sql, Map<String, Object> params, String prefix, String column, Object value) {
        if (value != null) {
            sql.append(" and t.").append(column).append(" = :").append(prefix).append(column);
            params.put(prefix + column, value);
        }
    }

    /**
     * The ids of the tickets that match a query, in its order, at most {@code max} of them (a bulk action on
     * "everything that matches the filter"). One statement; the cursor and page size of the query are ignored.
     */
    public List<Long> idsMatching(ListQuery q, int max, AgentPrincipal agent) {
        StringBuilder sql = new StringBuilder("select t.id from ticket t where 1 = 1");
        Map<String, Object> params = new HashMap<>();
        if (!narrow(q, agent, accountsTeams(q, agent), "", sql, params)) {
            return List.of();
        }
        boolean byCreated = q.sort() == Sort.CREATED_ASC || q.sort() == Sort.CREATED_DESC;
        String dir = q.sort() == Sort.UPDATED_DESC || q.sort() == Sort.CREATED_DESC ? " desc" : " asc";
        sql.append(byCreated ? " order by t.id" + dir : " order by t.updated_at" + dir + ", t.id" + dir);
        sql.append(" limit :limit");
        params.put("limit", Math.max(1, max));
        return jdbc.sql(sql.toString()).params(params).query(Long.class).list();
    }

    /**
     * How many tickets each query matches, counted no further than {@code cap} (the inbox's tabs show "99+" rather
     * than count a million rows): one statement for all of them, each part reading at most {@code cap} index entries
     * of the same index its list would. The answer has one number per query, in order.
     */
    public List<Integer> cappedCounts(List<ListQuery> queries, int cap, AgentPrincipal agent) {
        if (queries.isEmpty()) {
            return List.of();
        }
        Set<Long> myTeams = accounts.teamIdsOf(agent.id());
        StringBuilder sql = new StringBuilder();
        Map<String, Object> params = new HashMap<>();
        params.put("cap", cap);
        for (int i = 0; i < queries.size(); i++) {
            ListQuery q = queries.get(i);
            StringBuilder part = new StringBuilder("select 1 from ticket t where 1 = 1");
            boolean possible = narrow(q, agent, agent.isAdmin() && (q.view() == View.ALL || q.view() == View.FLAGGED) ? null : myTeams, "q" + i + "_", part, params);
            if (i > 0) {
                sql.append(" union all ");
            }
            sql.append("select ").append(i).append(" as n, count(*) as c from (")
                    .append(possible ? part : "select 1 from ticket t where 1 = 0").append(" limit :cap) x").append(i);
        }
        Integer[] counts = new Integer[queries.size()];
        jdbc.sql(sql.toString()).params(params).query((ResultSet rs) -> {
            counts[rs.getInt(1)] = rs.getInt(2);
        });
        return java.util.Arrays.stream(counts).map(c -> c == null ? 0 : c).toList();
    }

    /**
     * Which of these tickets hold a message the agent has not seen: newer than the newest one they saw on the ticket
     * page, and written by someone else (the customer, a colleague, Regard). One statement.
     */
    public Set<Long> unreadAmong(java.util.Collection<Long> ticketIds, AgentPrincipal agent) {
        if (ticketIds.isEmpty()) {
            return Set.of();
        }
        return new HashSet<>(jdbc.sql("""
                        select distinct m.ticket_id from message m
                        left join ticket_seen s on s.agent_id = :me and s.ticket_id = m.ticket_id
                        where m.ticket_id in (:ids)
                          and (m.author_agent_id is null or m.author_agent_id <> :me)
                          and (s.message_id is null or m.id > s.message_id)""")
                .param("me", agent.id()).param("ids", List.copyOf(ticketIds)).query(Long.class).list());
    }

    /**
     * The inbox's marks on a page of tickets: those with a message the agent has not seen ({@link #unreadAmong}), those
     * with a reply waiting for a reviewer, and those with a reply a reviewer returned to its author. One statement.
     */
    public record Marks(Set<Long> unread, Set<Long> awaitingReview, Set<Long> returned) {
    }

    public Marks marksAmong(java.util.Collection<Long> ticketIds, AgentPrincipal agent) {
        if (ticketIds.isEmpty()) {
            return new Marks(Set.of(), Set.of(), Set.of());
        }
        Set<Long> unread = new HashSet<>();
        Set<Long> awaiting = new HashSet<>();
        Set<Long> returned = new HashSet<>();
        jdbc.sql("""
                        select distinct m.ticket_id, 1 as mark from message m
                        left join ticket_seen s on s.agent_id = :me and s.ticket_id = m.ticket_id
                        where m.ticket_id in (:ids)
                          and (m.author_agent_id is null or m.author_agent_id <> :me)
                          and (s.message_id is null or m.id > s.message_id)
                        union
                        select distinct m.ticket_id, case when m.review_state = 'PENDING' then 2 else 3 end as mark from message m
                        where m.ticket_id in (:ids) and m.review_state in ('PENDING', 'RETURNED')""")
                .param("me", agent.id()).param("ids", List.copyOf(ticketIds))
                .query((ResultSet rs) -> {
                    long id = rs.getLong(1);
                    switch (rs.getInt(2)) {
                        case 1 -> unread.add(id);
                        case 2 -> awaiting.add(id);
                        default -> returned.add(id);
                    }
                });
        return new Marks(unread, awaiting, returned);
    }

    /** The full ticket, if the agent may see it; throws {@link TicketNotFound} or {@link TicketForbidden}. */
    public TicketDetail detail(long ticketId, AgentPrincipal agent) {
        Ticket t = access.visibleTicket(ticketId, agent);
        Map<Long, String> teamNames = accounts.teamNames();
        TicketRow summary = named(List.of(rawOf(t)), teamNames).getFirst();
        List<Message> msgs = messages.findByTicket(ticketId);
        List<RawChange> rawChanges = jdbc.sql("select changed_at, actor_agent_id, field, old_value, new_value from ticket_change where ticket_id = ? order by changed_at, id")
                .param(ticketId).query((rs, n) -> new RawChange(rs.getTimestamp(1).toInstant(), (Long) rs.getObject(2, Long.class),
                        rs.getString(3), rs.getString(4), rs.getString(5))).list();

        Set<Long> agentIds = new HashSet<>();
        msgs.forEach(m -> {
            if (m.getAuthorAgentId() != null) {
                agentIds.add(m.getAuthorAgentId());
            }
            if (m.getReviewerAgentId() != null) {
                agentIds.add(m.getReviewerAgentId());
            }
        });
        rawChanges.forEach(c -> {
            if (c.actor() != null) {
                agentIds.add(c.actor());
            }
            if (c.field().equals("assignee")) {
                addId(agentIds, c.oldValue());
                addId(agentIds, c.newValue());
            }
        });
        Map<Long, String> agentNames = accounts.agentNames(agentIds);
        Map<Long, String> categoryNames = new HashMap<>();
        Map<Long, Integer[]> budgets = new HashMap<>();
        categoryFacts(categoryNames, budgets);
        Integer[] pair = budgets.getOrDefault(t.getCategoryId(), budgets.get(null));
        if (t.getCategoryId() != null && (pair == null || pair[0] == null)) {
            pair = budgets.get(null);
        }
        summary = withBudget(summary, t, pair == null ? null : pair[0], pair == null ? null : pair[1]);
        String customerName = summary.customerName();

        Map<Long, List<AttachmentView>> files = new HashMap<>();
        jdbc.sql("select a.id, a.message_id, a.file_name, a.content_type, a.size_bytes, a.content_id, a.inline_part"
                        + " from message_attachment a join message m on m.id = a.message_id"
                        + " where m.ticket_id = ? order by a.message_id, a.position")
                .param(ticketId).query(TicketRows::attachment).list()
                .forEach(a -> files.computeIfAbsent(a.messageId(), k -> new ArrayList<>()).add(a));
        List<MessageView> messageViews = msgs.stream().map(m -> new MessageView(m.getId(), m.getKind(), m.getChannel(), m.getTouch(),
                m.getAuthorAgentId(), m.getAuthorCustomerId(),
                m.getKind() == MessageKind.CUSTOMER || m.getKind() == MessageKind.AUTOMATED ? customerName : agentNames.getOrDefault(m.getAuthorAgentId(), "?"),
                m.getBody(), m.getCreatedAt(), files.getOrDefault(m.getId(), List.of()), m.getLanguage(),
                MessageReview.of(m, agentNames))).toList();
        List<ChangeView> changeViews = rawChanges.stream().map(c -> new ChangeView(c.at(), c.actor(),
                c.actor() == null ? customerName : agentNames.getOrDefault(c.actor(), "?"), c.field(),
                display(c.field(), c.oldValue(), agentNames, teamNames, categoryNames),
                display(c.field(), c.newValue(), agentNames, teamNames, categoryNames))).toList();
        return new TicketDetail(summary, t.getCategoryId(), t.getCategoryId() == null ? null : categoryNames.get(t.getCategoryId()),
                t.getResolvedAt(), t.getVersion(), messageViews, changeViews, t.getFollowUpOf());
    }

    /**
     * The ticket this agent opened with this submission key, if any: a New ticket form sent again (after Back) finds
     * the ticket its first sending made, even when the form lost a field on the way.
     */
    public Optional<Long> openedWith(String submissionKey, AgentPrincipal agent) {
        String key = TicketInput.scopedKey(submissionKey, agent.id());
        return key == null ? Optional.empty()
                : jdbc.sql("select ticket_id from ticket_submission where submission_key = ?").param(key).query(Long.class).optional();
    }

    /** Throws {@link TicketNotFound} or {@link TicketForbidden} unless the agent may see the ticket. */
    public void requireVisible(long ticketId, AgentPrincipal agent) {
        access.requireVisible(ticketId, agent);
    }

    /** A ticket's own facts, no names resolved and no visibility check: one read, for the search index. */
    public record TicketFacts(long id, String subject, TicketStatus status, long customerId, long teamId, Instant createdAt,
                              String purchaseRef) {
        public TicketFacts(long id, String subject, TicketStatus status, long customerId, long teamId, Instant createdAt) {
            this(id, subject, status, customerId, teamId, createdAt, null);
        }
    }

    public Optional<TicketFacts> facts(long ticketId) {
        return jdbc.sql("select id, subject, status, customer_id, team_id, created_at, purchase_ref from ticket where id = ?").param(ticketId)
                .query((rs, n) -> new TicketFacts(rs.getLong(1), rs.getString(2), TicketStatus.valueOf(rs.getString(3)),
                        rs.getLong(4), rs.getLong(5), rs.getTimestamp(6).toInstant(), rs.getString(7))).optional();
    }

    /** A ticket's row without a visibility check, for modules acting on the system's behalf (mail intake). */
    public Optional<TicketRow> ticket(long ticketId) {
        return ticketRepository.findById(ticketId).map(t -> named(List.of(rawOf(t))).getFirst());
    }

    /** A message's facts without a visibility check, for modules acting on the system's behalf (mail sending). */
    public Optional<MessageFacts> message(long messageId) {
        return jdbc.sql("select id, ticket_id, kind, channel, author_agent_id, body, created_at from message where id = ?")
                .param(messageId)
                .query((rs, n) -> new MessageFacts(rs.getLong(1), rs.getLong(2), MessageKind.valueOf(rs.getString(3)),
                        Channel.valueOf(rs.getString(4)), rs.getObject(5, Long.class), rs.getString(6), rs.getTimestamp(7).toInstant()))
                .optional();
    }

    /**
     * Everything said in a ticket, its messages' texts in order, without a visibility check (the search index, which
     * finds a ticket by words spread over its subject and replies; a reply held for review is not said yet). At most
     * {@code maxChars} characters.
     */
    public String conversationText(long ticketId, int maxChars) {
        StringBuilder text = new StringBuilder();
        jdbc.sql("select body from message where ticket_id = ? and (review_state is null or review_state = 'APPROVED')"
                        + " order by created_at, id").param(ticketId)
                .query((java.sql.ResultSet rs) -> {
                    if (text.length() < maxChars) {
                        text.append(rs.getString(1)).append('\n');
                    }
                });
        return text.length() > maxChars ? text.substring(0, maxChars) : text.toString();
    }

    /** A message's files with their bytes, in order, without a visibility check (mail sending). */
    public List<AttachmentContent> filesOf(long messageId) {
        return jdbc.sql("select id, message_id, file_name, content_type, size_bytes, content_id, inline_part, data from message_attachment where message_id = ? order by position")
                .param(messageId).query((rs, n) -> new AttachmentContent(TicketRows.attachment(rs, n), rs.getBytes(8))).list();
    }

    /** One file with its bytes, if the agent may see its ticket; throws like {@link #detail} otherwise. */
    public Optional<AttachmentContent> file(long attachmentId, AgentPrincipal agent) {
        Optional<Long> ticketId = jdbc.sql("select m.ticket_id from message_attachment a join message m on m.id = a.message_id where a.id = ?")
                .param(attachmentId).query(Long.class).optional();
        if (ticketId.isEmpty()) {
            return Optional.empty();
        }
        requireVisible(ticketId.get(), agent);
        return jdbc.sql("select id, message_id, file_name, content_type, size_bytes, content_id, inline_part, data from message_attachment where id = ?")
                .param(attachmentId).query((rs, n) -> new AttachmentContent(TicketRows.attachment(rs, n), rs.getBytes(8))).optional();
    }

    /** The next active ticket in the agent's teams after this one (the inbox order), for "next ticket". */
    public Optional<Long> nextAfter(long ticketId, AgentPrincipal agent) {
        Ticket current = access.visibleTicket(ticketId, agent);
        Page page = list(new ListQuery(View.TEAMS, Set.of(), null, null, null, null, Sort.UPDATED_DESC,
                encode(new Key(current.getUpdatedAt(), current.getId())), 1), agent);
        return page.rows().stream().findFirst().map(TicketRow::id);
    }

    /**
     * Every category's name (in the reader's language) and touch budget, and under the key {@code null} the desk's
     * default pair: one statement.
     */
    private void categoryFacts(Map<Long, String> names, Map<Long, Integer[]> budgets) {
        jdbc.sql("""
                select id, name, names, expected_touches, alarm_touches from category
                union all select null, null, null, expected_touches, alarm_touches from touch_budget_default where id = 1""")
                .query((ResultSet rs) -> {
                    Long id = rs.getObject(1, Long.class);
                    if (id != null) {
                        names.put(id, org.regard.text.LocalNames.decode(rs.getString(2), rs.getString(3)).current());
                    }
                    budgets.put(id, new Integer[]{rs.getObject(4, Integer.class), rs.getObject(5, Integer.class)});
                });
    }

    private static TicketRow withBudget(TicketRow r, Ticket t, Integer expected, Integer alarm) {
        return new TicketRow(r.id(), r.subject(), r.status(), r.priority(), r.channel(), r.customerId(), r.customerName(),
                r.teamId(), r.teamName(), r.assigneeId(), r.assigneeName(), r.touchesIn(), r.touchesOut(), r.createdAt(),
                r.updatedAt(), new TouchBudget(t.getHandoffs(), t.getReopenings(), expected, alarm, t.getFlagReason(),
                t.getFlaggedAt(), t.getRootCause()));
    }

    private static void addId(Set<Long> ids, String value) {
        if (value != null) {
            try {
                ids.add(Long.parseLong(value));
            } catch (NumberFormatException ignored) {
                // not an id: nothing to resolve
            }
        }
    }

    private static String display(String field, String value, Map<Long, String> agents, Map<Long, String> teams,
                                  Map<Long, String> categories) {
        if (value == null) {
            return null;
        }
        return switch (field) {
            case "assignee" -> agents.getOrDefault(Long.parseLong(value), value);
            case "team" -> teams.getOrDefault(Long.parseLong(value), value);
            case "category" -> categories.getOrDefault(Long.parseLong(value), value);
            default -> value;
        };
    }

    private record RawRow(long id, String subject, TicketStatus status, Priority priority, Channel channel, long customerId,
                          long teamId, Long assigneeId, int touchesIn, int touchesOut, Instant createdAt, Instant updatedAt,
                          TouchBudget budget) {
    }

    private record RawChange(Instant at, Long actor, String field, String oldValue, String newValue) {
    }

    private static RawRow raw(ResultSet rs, int n) throws SQLException {
        return new RawRow(rs.getLong("id"), rs.getString("subject"), TicketStatus.valueOf(rs.getString("status")),
                Priority.valueOf(rs.getString("priority")), Channel.valueOf(rs.getString("channel")), rs.getLong("customer_id"),
                rs.getLong("team_id"), rs.getObject("assignee_id", Long.class), rs.getInt("touches_in"), rs.getInt("touches_out"),
                rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("updated_at").toInstant(),
                new TouchBudget(rs.getInt("handoffs"), rs.getInt("reopenings"), rs.getObject("budget_expected", Integer.class),
                        rs.getObject("budget_alarm", Integer.class), rs.getString("flag_reason"),
                        rs.getTimestamp("flagged_at") == null ? null : rs.getTimestamp("flagged_at").toInstant(),
                        rs.getString("root_cause")));
    }

    private static RawRow rawOf(Ticket t) {
        return new RawRow(t.getId(), t.getSubject(), t.getStatus(), t.getPriority(), t.getChannel(), t.getCustomerId(),
                t.getTeamId(), t.getAssigneeId(), t.getTouchesIn(), t.getTouchesOut(), t.getCreatedAt(), t.getUpdatedAt(),
                new TouchBudget(t.getHandoffs(), t.getReopenings(), null, null, t.getFlagReason(), t.getFlaggedAt(), t.getRootCause()));
    }

    private List<TicketRow> named(List<RawRow> raw) {
        return raw.isEmpty() ? List.of() : named(raw, accounts.teamNames());
    }

    private List<TicketRow> named(List<RawRow> raw, Map<Long, String> teamNames) {
        if (raw.isEmpty()) {
            return List.of();
        }
        Map<Long, String> customerNames = customers.namesOf(raw.stream().map(RawRow::customerId).toList());
        Map<Long, String> agentNames = accounts.agentNames(raw.stream().map(RawRow::assigneeId).filter(java.util.Objects::nonNull).toList());
        List<TicketRow> rows = new ArrayList<>(raw.size());
        for (RawRow r : raw) {
            rows.add(new TicketRow(r.id(), r.subject(), r.status(), r.priority(), r.channel(), r.customerId(),
                    customerNames.getOrDefault(r.customerId(), "?"), r.teamId(), teamNames.getOrDefault(r.teamId(), "?"),
                    r.assigneeId(), r.assigneeId() == null ? null : agentNames.get(r.assigneeId()), r.touchesIn(), r.touchesOut(),
                    r.createdAt(), r.updatedAt(), r.budget()));
        }
        return rows;
    }

    static String encode(Key key) {
        String raw = key.at().getEpochSecond() + "." + key.at().getNano() + "." + key.id();
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.US_ASCII));
    }

    /** Reads a cursor; a malformed one is a 400 for the caller, not a silent first page. */
    static Optional<Key> decode(String cursor) {
        if (cursor == null || cursor.isBlank()) {
            return Optional.empty();
        }
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.US_ASCII).split("\\.");
            return Optional.of(new Key(Instant.ofEpochSecond(Long.parseLong(parts[0]), Long.parseLong(parts[1])), Long.parseLong(parts[2])));
        } catch (RuntimeException e) {
            throw new InvalidInput("cursor", "is not a cursor this server handed out");
        }
    }

    /**
     * What the reports module needs of a ticket it did not hear being opened (a ticket stored before it kept facts, or
     * loaded in bulk) or whose category it needs at a resolution: the ticket's team, category, channel, its customer's
     * language, status, times and touch counters. Tickets with ids in ({@code afterId}, {@code uptoId}], in id order, at
     * most {@code limit}. No access check: for the reports' read models only, which apply their own.
     */
    @Transactional(readOnly = true)
    public List<ReportFacts> reportFacts(long afterId, long uptoId, int limit) {
        return jdbc.sql("""
                        select t.id, t.team_id, t.category_id, t.channel, c.language, t.status, t.created_at, t.resolved_at,
                               t.touches_in, t.touches_out, t.customer_id, t.flag_reason, t.flagged_at, t.root_cause,
                               t.purchase_ref, t.merged_into
                        from ticket t join customer c on c.id = t.customer_id
                        where t.id > ? and t.id <= ? order by t.id limit ?""")
                .params(afterId, uptoId, limit)
                .query((rs, n) -> new ReportFacts(rs.getLong(1), rs.getLong(2), rs.getObject(3, Long.class),
                        Channel.valueOf(rs.getString(4)), rs.getString(5), TicketStatus.valueOf(rs.getString(6)),
                        rs.getTimestamp(7).toInstant(), rs.getTimestamp(8) == null ? null : rs.getTimestamp(8).toInstant(),
                        rs.getInt(9), rs.getInt(10), rs.getLong(11), rs.getString(12),
                        rs.getTimestamp(13) == null ? null : rs.getTimestamp(13).toInstant(), rs.getString(14), rs.getString(15),
                        rs.getObject(16, Long.class)))
                .list();
    }

    /** The highest ticket id so far (0 without tickets): where the reports' backfill stops. */
    @Transactional(readOnly = true)
    public long highestTicketId() {
        return jdbc.sql("select coalesce(max(id), 0) from ticket").query(Long.class).single();
    }

    /**
     * A ticket's facts for the reports (see {@link #reportFacts}); {@code language} is the customer's, null when unknown;
     * the flag ({@code flagReason}, {@code flaggedAt}, {@code rootCause}: null when none), the purchase reference and the
     * ticket it was merged into (null when none).
     */
    public record ReportFacts(long id, long teamId, Long categoryId, Channel channel, String language, TicketStatus status,
                              Instant createdAt, Instant resolvedAt, int touchesIn, int touchesOut, long customerId,
                              String flagReason, Instant flaggedAt, String rootCause, String purchaseRef, Long mergedInto) {
    }
}
