package org.regard.tickets;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The write side's SQL for tickets, their messages, files, changes and submission keys: one statement per row, in
 * the caller's transaction. A ticket that is written to is first read under a row lock, so writers of one ticket take
 * turns instead of failing each other, and writers of different tickets never wait for each other.
 */
@Component
class TicketRows {
    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(TicketRows.class);

    private final JdbcClient jdbc;
    private final NamedParameterJdbcTemplate named;
    private final LinkGroups groups;
    private final TransactionTemplate separately;
    private final ApplicationEventPublisher events;

    TicketRows(JdbcClient jdbc, NamedParameterJdbcTemplate named, LinkGroups groups, PlatformTransactionManager transactions,
               ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.named = named;
        this.groups = groups;
        this.events = events;
        this.separately = new TransactionTemplate(transactions);
        this.separately.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** The ticket, locked until the transaction ends. */
    Optional<Ticket> lock(long ticketId) {
        return jdbc.sql("select t.*, " + ALARM + ", " + TicketQueries.LINKED + " from ticket t where t.id = ? for update")
                .param(ticketId).query((rs, n) -> budgeted(rs)).optional();
    }

    /**
     * The alarm number of the ticket's budget, asked in its lock's statement: its category's pair, or the desk's default
     * pair when the category has none or the ticket has no category.
     */
    private static final String ALARM = """
            (select case when c.id is null or (c.expected_touches is null and c.alarm_touches is null) then d.alarm_touches
                    else c.alarm_touches end
             from touch_budget_default d left join category c on c.id = t.category_id where d.id = 1) as budget_alarm""";

    private Ticket budgeted(java.sql.ResultSet rs) throws java.sql.SQLException {
        Ticket t = Ticket.fromRow(rs);
        t.budgetAlarm(rs.getObject("budget_alarm", Integer.class));
        if (rs.getBoolean("linked")) {
            // a linked ticket's touch counts against its group: read (a few statements) only if a touch comes
            long id = t.getId();
            int own = t.getTouchesIn() + t.getTouchesOut();
            t.inGroup(() -> {
                LinkGroups.Group g = groups.of(id);
                return new Ticket.GroupShare(g.members().stream().filter(m -> m != id).toList(), g.total() - own, g.alarm());
            });
        }
        return t;
    }

    /**
     * Once this transaction commits, flags these tickets of a link group that reached its alarm, each in its own
     * transaction under its own lock (never two tickets' locks at once, so two touches on one group cannot deadlock).
     * A ticket missed here (the node stopped) is flagged by its next touch, which finds the group past the alarm.
     */
    void flagForGroupAfterCommit(List<Long> ticketIds, Instant now) {
        if (ticketIds.isEmpty()) {
            return;
        }
        Runnable flag = () -> {
            for (long id : ticketIds) {
                try {
                    separately.executeWithoutResult(s -> lock(id).ifPresent(t -> {
                        if (t.getMergedInto() == null && t.flagForGroup(now)) {
                            update(t);
                            record(id, null, List.of(new Ticket.Change("flag", null, TouchBudget.ALARM)), now);
                        }
                    }));
                } catch (RuntimeException e) {
                    log.warn("Could not flag ticket {} for its link group's alarm; its next touch will", id, e);
                }
            }
        };
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    flag.run();
                }
            });
        } else {
            flag.run();
        }
    }

    /** A ticket locked for a write, and whether the writing agent keeps a draft on it. */
    record Locked(Ticket ticket, boolean draft) {
    }

    /**
     * The ticket, locked until the transaction ends, and whether this agent has a draft on it: asked in the same
     * statement, so that a write without a draft (every API call, most composer sends) costs no statement more.
     */
    Optional<Locked> lock(long ticketId, Long agentId) {
        return jdbc.sql("""
                        select t.*, case when exists (select 1 from ticket_draft d where d.ticket_id = t.id and d.agent_id = ?)
                            then true else false end as has_draft, """ + ALARM + ", " + TicketQueries.LINKED + """

                        from ticket t where t.id = ? for update""")
                .params(agentId, ticketId)
                .query((rs, n) -> new Locked(budgeted(rs), rs.getBoolean("has_draft"))).optional();
    }

    /** The agent's words were written: their draft on the ticket goes. */
    void forgetDraft(long ticketId, long agentId) {
        jdbc.sql("delete from ticket_draft where ticket_id = ? and agent_id = ?").params(ticketId, agentId).update();
    }

    Ticket insert(Ticket t) {
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                        insert into ticket (subject, status, priority, channel, customer_id, team_id, assignee_id, category_id,
                            touches_in, touches_out, created_at, updated_at, resolved_at, follow_up_of, version)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)""")
                .params(t.getSubject(), t.getStatus().name(), t.getPriority().name(), t.getChannel().name(), t.getCustomerId(),
                        t.getTeamId(), t.getAssigneeId(), t.getCategoryId(), t.getTouchesIn(), t.getTouchesOut(),
                        ts(t.getCreatedAt()), ts(t.getUpdatedAt()), ts(t.getResolvedAt()), t.getFollowUpOf())
                .update(key, "id");
        t.identify(key.getKey().longValue());
        return t;
    }

    /**
     * Writes a locked ticket back; its version moves on only when a person-editable property changed. A ticket this write
     * flagged (its touches reached the alarm, or {@code Tickets.flag}) publishes {@code TicketFlagged} in the same
     * transaction, whichever use case made the touch, so none can forget it. When a touch on it brought its link group
     * to the alarm, the group's other tickets are flagged after the commit.
     */
    void update(Ticket t) {
        flagForGroupAfterCommit(t.takeGroupToFlag(), t.groupAlarmAt());
        if (t.takeFlaggedNow()) {
            events.publishEvent(new TicketEvents.TicketFlagged(t.getId(), t.getTeamId(), t.getCategoryId(), t.getFlagReason(),
                    t.getFlaggedAt()));
        }
        jdbc.sql("""
                        update ticket set subject = ?, status = ?, priority = ?, team_id = ?, assignee_id = ?, category_id = ?,
                            touches_in = ?, touches_out = ?, updated_at = ?, resolved_at = ?, version = ?, handoffs = ?, reopenings = ?,
                            flag_reason = ?, flagged_at = ?, root_cause = ?, merged_into = ?, purchase_ref = ?
                        where id = ?""")
                .params(t.getSubject(), t.getStatus().name(), t.getPriority().name(), t.getTeamId(), t.getAssigneeId(),
                        t.getCategoryId(), t.getTouchesIn(), t.getTouchesOut(), ts(t.getUpdatedAt()), ts(t.getResolvedAt()),
                        t.getVersion() + (t.edited() ? 1 : 0), t.getHandoffs(), t.getReopenings(), t.getFlagReason(),
                        ts(t.getFlaggedAt()), t.getRootCause(), t.getMergedInto(), t.getPurchaseRef(), t.getId())
                .update();
    }

    long insert(Message m) {
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                        insert into message (ticket_id, kind, channel, touch, author_agent_id, author_customer_id, body, created_at,
                            submission_key, language, review_state, review_reasons, review_next_status, review_round, review_resolution_reason)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(m.getTicketId(), m.getKind().name(), m.getChannel().name(), m.getTouch() == null ? null : m.getTouch().name(),
                        m.getAuthorAgentId(), m.getAuthorCustomerId(), m.getBody(), ts(m.getCreatedAt()), m.submissionKey(),
                        m.getLanguage(), m.getReviewState(), m.getReviewReasons(), m.getReviewNextStatus(),
                        m.getReviewState() == null ? null : 1, m.getReviewResolutionReason())
                .update(key, "id");
        return key.getKey().longValue();
    }

    /** The ticket a message is on. */
    Optional<Long> ticketOfMessage(long messageId) {
        return jdbc.sql("select ticket_id from message where id = ?").param(messageId).query(Long.class).optional();
    }

    /** A held reply as it stands now; read after its ticket was locked, since every writer of a held reply locks it. */
    record Held(long id, long ticketId, Long authorAgentId, String body, Message.ReviewState state, List<String> reasons,
                TicketStatus nextStatus, int round, String resolutionReason) {
    }

    Optional<Held> held(long messageId) {
        return jdbc.sql("""
                        select id, ticket_id, author_agent_id, body, review_state, review_reasons, review_next_status, review_round,
                            review_resolution_reason
                        from message where id = ? and kind = 'REPLY' and review_state is not null""")
                .param(messageId)
                .query((rs, n) -> new Held(rs.getLong(1), rs.getLong(2), rs.getObject(3, Long.class), rs.getString(4),
                        Message.ReviewState.valueOf(rs.getString(5)),
                        rs.getString(6) == null || rs.getString(6).isEmpty() ? List.of() : List.of(rs.getString(6).split("\n")),
                        rs.getString(7) == null ? null : TicketStatus.valueOf(rs.getString(7)), rs.getInt(8), rs.getString(9)))
                .optional();
    }

    /** Approved: the approved text (the author's kept when the reviewer changed it), how it goes out, who decided. */
    void approve(long messageId, String body, String originalBody, Channel channel, TouchDirection touch, Long reviewerAgentId,
                 Instant at) {
        jdbc.sql("""
                        update message set review_state = 'APPROVED', body = ?, review_original_body = ?, channel = ?, touch = ?,
                            reviewer_agent_id = ?, review_decided_at = ?, review_comment = null
                        where id = ? and review_state = 'PENDING'""")
                .params(body, originalBody, channel.name(), touch == null ? null : touch.name(), reviewerAgentId, ts(at), messageId)
                .update();
    }

    /** Returned to its author with the reviewer's comment. */
    void giveBack(long messageId, String comment, Long reviewerAgentId, Instant at) {
        jdbc.sql("""
                        update message set review_state = 'RETURNED', review_comment = ?, reviewer_agent_id = ?, review_decided_at = ?
                        where id = ? and review_state = 'PENDING'""")
                .params(comment, reviewerAgentId, ts(at), messageId).update();
    }

    /** Revised by its author and waiting again (the returned round's comment stays until the next decision). */
    void resubmit(long messageId, String body, TicketStatus nextStatus) {
        jdbc.sql("""
                        update message set review_state = 'PENDING', body = ?, review_next_status = ?, reviewer_agent_id = null,
                            review_decided_at = null, review_round = review_round + 1
                        where id = ? and review_state = 'RETURNED'""")
                .params(body, nextStatus == null ? null : nextStatus.name(), messageId).update();
    }

    /** The message an earlier submission with this key wrote on the ticket. */
    Optional<Long> messageBySubmission(long ticketId, String key) {
        return jdbc.sql("select id from message where ticket_id = ? and submission_key = ?").params(ticketId, key)
                .query(Long.class).optional();
    }

    /** A ticket's first message (its request). */
    long firstMessage(long ticketId) {
        return jdbc.sql("select min(id) from message where ticket_id = ?").param(ticketId).query(Long.class).single();
    }

    Optional<Long> ticketBySubmission(String key) {
        return jdbc.sql("select ticket_id from ticket_submission where submission_key = ?").param(key).query(Long.class).optional();
    }

    /** The customer of the ticket a submission key opened, if any. */
    Optional<Long> customerBySubmission(String key) {
        return jdbc.sql("select t.customer_id from ticket_submission s join ticket t on t.id = s.ticket_id where s.submission_key = ?")
                .param(key).query(Long.class).optional();
    }

    /** Fails on the primary key when a concurrent twin got there first; its caller retries and finds the twin's ticket. */
    void rememberSubmission(String key, long ticketId) {
        jdbc.sql("insert into ticket_submission (submission_key, ticket_id) values (?, ?)").params(key, ticketId).update();
    }

    /** The changes of one use case, in one round trip. */
    void record(long ticketId, Long actorAgentId, List<Ticket.Change> changes, Instant now) {
        if (changes.isEmpty()) {
            return;
        }
        MapSqlParameterSource[] rows = changes.stream().map(c -> new MapSqlParameterSource()
                        .addValue("ticket", ticketId).addValue("actor", actorAgentId, java.sql.Types.BIGINT).addValue("at", ts(now))
                        .addValue("field", c.field()).addValue("old", c.oldValue(), java.sql.Types.VARCHAR)
                        .addValue("new", c.newValue(), java.sql.Types.VARCHAR))
                .toArray(MapSqlParameterSource[]::new);
        named.batchUpdate(INSERT_CHANGE, rows);
    }

    /** Who last moved the ticket to a status, and when. */
    record StatusMove(Long actorAgentId, Instant at) {
    }

    /** The latest change that moved the ticket to this status, if its history has one. */
    Optional<StatusMove> lastMoveTo(long ticketId, TicketStatus status) {
        return jdbc.sql("""
                        select actor_agent_id, changed_at from ticket_change
                        where ticket_id = ? and field = 'status' and new_value = ? order by changed_at desc, id desc limit 1""")
                .params(ticketId, status.name())
                .query((rs, n) -> new StatusMove(rs.getObject(1, Long.class), rs.getTimestamp(2).toInstant())).optional();
    }

    private static final String INSERT_CHANGE = "insert into ticket_change (ticket_id, actor_agent_id, changed_at, field, old_value, new_value)"
            + " values (:ticket, :actor, :at, :field, :old, :new)";

    /**
     * The files of a message. Their bytes are handed to the driver as a stream of known length: given as an array, the
     * PostgreSQL driver copies it once more, which for a 20 MB file is 20 MB of heap.
     */
    void insertFiles(long messageId, List<NewAttachment> attachments) {
        int position = 0;
        for (NewAttachment a : attachments) {
            int at = position++;
            named.getJdbcOperations().update("insert into message_attachment (message_id, position, file_name, content_type, size_bytes,"
                    + " content_id, inline_part, data) values (?, ?, ?, ?, ?, ?, ?, ?)", ps -> {
                ps.setLong(1, messageId);
                ps.setInt(2, at);
                ps.setString(3, a.fileName());
                ps.setString(4, a.contentType());
                ps.setLong(5, a.data().length);
                ps.setString(6, a.contentId());
                ps.setBoolean(7, a.inline());
                ps.setBinaryStream(8, new java.io.ByteArrayInputStream(a.data()), a.data().length);
            });
        }
    }

    List<AttachmentView> files(long messageId) {
        return jdbc.sql("select id, message_id, file_name, content_type, size_bytes, content_id, inline_part from message_attachment where message_id = ? order by position")
                .param(messageId).query(TicketRows::attachment).list();
    }

    /** Removes a withdrawn reply and its files. */
    void deleteMessage(long messageId) {
        jdbc.sql("delete from message_attachment where message_id = ?").param(messageId).update();
        jdbc.sql("delete from message where id = ?").param(messageId).update();
    }

    static AttachmentView attachment(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new AttachmentView(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getLong(5), rs.getString(6), rs.getBoolean(7));
    }

    private static Timestamp ts(Instant at) {
        return at == null ? null : Timestamp.from(at);
    }
}
