package org.regard.tickets;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Transient;
import org.springframework.data.relational.core.mapping.Table;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A case the team works on. Keeps its own invariants: status follows the lifecycle, the touch ledger
 * only grows, and every field change is returned as a {@link Change} so the caller can record who did it.
 */
@Table("ticket")
class Ticket {
    @Id
    private Long id;
    private String subject;
    private TicketStatus status;
    private Priority priority;
    private Channel channel;
    private long customerId;
    private long teamId;
    private Long assigneeId;
    private Long categoryId;
    private int touchesIn;
    private int touchesOut;
    private Instant createdAt;
    private Instant updatedAt;
    private Instant resolvedAt;
    private Long followUpOf;
    /** The ticket this one was merged into (it is then closed), or null. */
    private Long mergedInto;
    /** The order or purchase reference the ticket is about, or null. */
    private String purchaseRef;
    /** Counts changes to what a person edits (status, priority, team, assignee, category, subject), not touches. */
    private int version;
    /** Moves to another team or away from its agent (see {@link TouchBudget#handoffs}). */
    private int handoffs;
    /** Resolved or closed, then active again. */
    private int reopenings;
    /** Why a team lead is asked to look (see {@link TouchBudget#ALARM}), or null. */
    private String flagReason;
    private Instant flaggedAt;
    /** The cause a team lead noted, from the team's list. */
    private String rootCause;
    /** Flagged by this load (not stored): {@link TicketRows#update} publishes it. */
    @Transient
    private boolean flaggedNow;
    @Transient
    private boolean edited;
    /** The touches at which its budget flags it, read with the row lock (null when no budget applies). */
    @Transient
    private Integer alarmTouches;
    /** Whether the action under way already counted a hand-off (a team move that lets go of the agent is one). */
    @Transient
    private boolean handedOff;
    /** For a linked ticket: the rest of its link group, read when a touch needs it (null when it has no link). */
    @Transient
    private java.util.function.Supplier<GroupShare> group;
    /** The other tickets of its group to flag once this write commits: a touch here brought the group to its alarm. */
    @Transient
    private List<Long> groupToFlag = List.of();
    /** When the touch that brought its group to the alarm came. */
    @Transient
    private Instant groupAlarmAt;

    /** The rest of a link group as a touch on one of its tickets sees it: the others, their touches, the group's alarm. */
    record GroupShare(List<Long> others, int othersTouches, Integer alarm) {
    }

    /** One changed field, old and new value as stored text. */
    record Change(String field, String oldValue, String newValue) {
    }

    Ticket() {
    }

    static Ticket open(String subject, Channel channel, long customerId, long teamId, Priority priority, Instant now) {
        Ticket t = new Ticket();
        t.subject = subject.strip();
        t.channel = channel;
        t.customerId = customerId;
        t.teamId = teamId;
        t.priority = priority == null ? Priority.NORMAL : priority;
        t.status = TicketStatus.NEW;
        t.createdAt = now;
        t.updatedAt = now;
        return t;
    }

    Long getId() {
        return id;
    }

    String getSubject() {
        return subject;
    }

    TicketStatus getStatus() {
        return status;
    }

    Priority getPriority() {
        return priority;
    }

    Channel getChannel() {
        return channel;
    }

    long getCustomerId() {
        return customerId;
    }

    long getTeamId() {
        return teamId;
    }

    Long getAssigneeId() {
        return assigneeId;
    }

    Long getCategoryId() {
        return categoryId;
    }

    int getTouchesIn() {
        return touchesIn;
    }

    int getTouchesOut() {
        return touchesOut;
    }

    Instant getCreatedAt() {
        return createdAt;
    }

    Instant getUpdatedAt() {
        return updatedAt;
    }

    Instant getResolvedAt() {
        return resolvedAt;
    }

    int getVersion() {
        return version;
    }

    int getHandoffs() {
        return handoffs;
    }

    int getReopenings() {
        return reopenings;
    }

    String getFlagReason() {
        return flagReason;
    }

    Instant getFlaggedAt() {
        return flaggedAt;
    }

    String getRootCause() {
        return rootCause;
    }

    /** The alarm number of its budget, as the row lock read it. */
    void budgetAlarm(Integer alarm) {
        this.alarmTouches = alarm;
    }

    /** It is linked: a touch holds its group's total against the group's alarm, read (once) when a touch comes. */
    void inGroup(java.util.function.Supplier<GroupShare> share) {
        GroupShare[] read = new GroupShare[1];
        this.group = () -> read[0] != null ? read[0] : (read[0] = share.get());
    }

    /** The other tickets of its group to flag after this write commits (empty unless a touch brought the group to its alarm). */
    List<Long> takeGroupToFlag() {
        List<Long> ids = groupToFlag;
        groupToFlag = List.of();
        return ids;
    }

    Instant groupAlarmAt() {
        return groupAlarmAt;
    }

    /**
     * Flags it because its link group reached the group's alarm: unless it already was flagged for the alarm (a lead
     * looked at it, or will), or waits for a lead with another reason.
     */
    boolean flagForGroup(Instant now) {
        if (TouchBudget.ALARM.equals(flagReason)) {
            return false;
        }
        return flag(TouchBudget.ALARM, now);
    }

    /**
     * Flags the ticket for a team lead with a reason; false when it already is flagged (the first reason stays until a
     * lead notes a root cause, after which a new reason flags it again).
     */
    boolean flag(String reason, Instant now) {
        if (flagReason != null && rootCause == null) {
            return false;
        }
        flagReason = reason;
        flaggedAt = now;
        rootCause = null;
        flaggedNow = true;
        return true;
    }

    /** Whether this load of the ticket flagged it (the writer publishes {@code TicketFlagged}); asks once. */
    boolean takeFlaggedNow() {
        boolean was = flaggedNow;
        flaggedNow = false;
        return was;
    }

    /** Notes the cause a team lead found; returns the change for the ticket's history (none when it is the same). */
    List<Change> noteRootCause(String cause, Instant now) {
        if (Objects.equals(rootCause, cause)) {
            return List.of();
        }
        Change change = new Change("root_cause", rootCause, cause);
        rootCause = cause;
        updatedAt = now;
        return List.of(change);
    }

    /** Whether a property a person edits changed since the ticket was loaded (its version then moves on). */
    boolean edited() {
        return edited;
    }

    /** The ticket as stored, for the write path that reads it under a row lock. */
    static Ticket fromRow(java.sql.ResultSet rs) throws java.sql.SQLException {
        Ticket t = new Ticket();
        t.id = rs.getLong("id");
        t.subject = rs.getString("subject");
        t.status = TicketStatus.valueOf(rs.getString("status"));
        t.priority = Priority.valueOf(rs.getString("priority"));
        t.channel = Channel.valueOf(rs.getString("channel"));
        t.customerId = rs.getLong("customer_id");
        t.teamId = rs.getLong("team_id");
        t.assigneeId = rs.getObject("assignee_id", Long.class);
        t.categoryId = rs.getObject("category_id", Long.class);
        t.touchesIn = rs.getInt("touches_in");
        t.touchesOut = rs.getInt("touches_out");
        t.createdAt = instant(rs.getTimestamp("created_at"));
        t.updatedAt = instant(rs.getTimestamp("updated_at"));
        t.resolvedAt = instant(rs.getTimestamp("resolved_at"));
        t.followUpOf = rs.getObject("follow_up_of", Long.class);
        t.version = rs.getInt("version");
        t.handoffs = rs.getInt("handoffs");
        t.reopenings = rs.getInt("reopenings");
        t.flagReason = rs.getString("flag_reason");
        t.flaggedAt = instant(rs.getTimestamp("flagged_at"));
        t.rootCause = rs.getString("root_cause");
        t.mergedInto = rs.getObject("merged_into", Long.class);
        t.purchaseRef = rs.getString("purchase_ref");
        return t;
    }

    private static Instant instant(java.sql.Timestamp ts) {
        return ts == null ? null : ts.toInstant();
    }

    void identify(long id) {
        this.id = id;
    }

    /** Counts one interaction with the customer. */
    void recordTouch(TouchDirection direction, Instant now) {
        if (direction == TouchDirection.INBOUND) {
            touchesIn++;
        } else {
            touchesOut++;
        }
        updatedAt = now;
        // flagged when the touches reach the alarm, or on the next touch past it when the budget came later; a linked
        // ticket counts its whole group's touches against the group's alarm
        int touches = touchesIn + touchesOut;
        Integer alarm = alarmTouches;
        GroupShare share = group == null ? null : group.get();
        if (share != null) {
            touches += share.othersTouches();
            alarm = share.alarm();
        }
        if (alarm != null && (touches == alarm || (touches > alarm && flagReason == null))) {
            flag(TouchBudget.ALARM, now);
            if (share != null) {
                groupToFlag = share.others();
                groupAlarmAt = now;
            }
        }
    }

    /** Takes back an outbound touch whose reply was withdrawn before it left. */
    void withdrawTouch(Instant now) {
        touchesOut = Math.max(0, touchesOut - 1);
        updatedAt = now;
    }

    void followUpOf(Long ticketId) {
        this.followUpOf = ticketId;
    }

    Long getMergedInto() {
        return mergedInto;
    }

    String getPurchaseRef() {
        return purchaseRef;
    }

    /** Sets or clears (null) the purchase reference, already validated ({@link PurchaseRefs#clean}). */
    List<Change> referPurchase(String target, Instant now) {
        return change(PurchaseRefs.FIELD, purchaseRef, target, () -> purchaseRef = target, now);
    }

    /**
     * This duplicate is merged into the survivor: its touches went there (its own counters drop to zero, so no touch
     * counts twice), it is closed and points to the survivor. Returns the history rows for this ticket.
     */
    List<Change> mergeInto(long survivorId, Instant now) {
        List<Change> changes = new ArrayList<>(2);
        changes.add(new Change(MergingTickets.FIELD, null, Long.toString(survivorId)));
        if (status != TicketStatus.CLOSED) {
            changes.add(new Change("status", status.name(), TicketStatus.CLOSED.name()));
            if (resolvedAt == null) {
                resolvedAt = now;
            }
            status = TicketStatus.CLOSED;
        }
        mergedInto = survivorId;
        touchesIn = 0;
        touchesOut = 0;
        edited = true;
        updatedAt = now;
        return changes;
    }

    /** The survivor takes the duplicate's touches. */
    void takeTouchesOf(Ticket duplicate, Instant now) {
        touchesIn += duplicate.touchesIn;
        touchesOut += duplicate.touchesOut;
        updatedAt = now;
    }

    Long getFollowUpOf() {
        return followUpOf;
    }

    void noteActivity(Instant now) {
        updatedAt = now;
    }

    List<Change> moveTo(TicketStatus target, Instant now) {
        if (target == status) {
            return List.of();
        }
        if (!status.canMoveTo(target)) {
            throw new IllegalTransition(status, target);
        }
        Change change = new Change("status", status.name(), target.name());
        if (TouchBudget.reopens(status.name(), target.name())) {
            reopenings++;
        }
        status = target;
        edited = true;
        resolvedAt = target == TicketStatus.RESOLVED ? now : (target == TicketStatus.CLOSED ? resolvedAt : null);
        updatedAt = now;
        return List.of(change);
    }

    /** A customer writing again brings a waiting, resolved or closed ticket back to the team. */
    List<Change> customerWrote(Instant now) {
        return switch (status) {
            case WAITING, RESOLVED, CLOSED -> moveTo(TicketStatus.OPEN, now);
            default -> List.of();
        };
    }

    List<Change> prioritize(Priority target, Instant now) {
        return change("priority", priority, target, () -> priority = target, now);
    }

    List<Change> moveToTeam(long target, Instant now) {
        return handingOff(change("team", teamId, target, () -> teamId = target, now));
    }

    List<Change> assignTo(Long agentId, Instant now) {
        return handingOff(change("assignee", assigneeId, agentId, () -> assigneeId = agentId, now));
    }

    List<Change> categorize(Long target, Instant now) {
        return change("category", categoryId, target, () -> categoryId = target, now);
    }

    List<Change> rename(String target, Instant now) {
        return change("subject", subject, target.strip(), () -> subject = target.strip(), now);
    }

    /** Counts one hand-off per action, whatever moves it made (see {@link TouchBudget#handoffs}). */
    private List<Change> handingOff(List<Change> changes) {
        for (Change c : changes) {
            if (!handedOff && TouchBudget.handsOff(new TouchBudget.HistoryChange(updatedAt, c.field(), c.oldValue(), c.newValue()))) {
                handoffs++;
                handedOff = true;
            }
        }
        return changes;
    }

    private List<Change> change(String field, Object before, Object after, Runnable apply, Instant now) {
        if (Objects.equals(before, after)) {
            return List.of();
        }
        apply.run();
        updatedAt = now;
        edited = true;
        List<Change> changes = new ArrayList<>(1);
        changes.add(new Change(field, before == null ? null : before.toString(), after == null ? null : after.toString()));
        return changes;
    }
}
