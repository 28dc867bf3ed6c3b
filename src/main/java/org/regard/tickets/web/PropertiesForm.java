package org.regard.tickets.web;

import org.regard.tickets.Priority;
import org.regard.tickets.TicketQueries.TicketDetail;
import org.regard.tickets.TicketStatus;

/**
 * The ticket's properties as the agent last saw them ({@code version}) and wants them. A field that is
 * not sent stays as it is; {@code assignee} is an agent id, or empty for "unassigned".
 */
public class PropertiesForm {
    private TicketStatus status;
    private Priority priority;
    private Long team;
    private String assignee;
    private Long category;
    private Integer version;
    // the properties as the agent saw them when the form was drawn: a refused change then names only what this agent
    // changed, not what someone else changed meanwhile
    private TicketStatus seenStatus;
    private Priority seenPriority;
    private Long seenTeam;
    private String seenAssignee;
    private Long seenCategory;
    // why the agent resolves while a procedure's required step is open (asked for by its warn gate)
    private String resolutionReason;

    /**
     * The fields this form did not send (the page's Resolve button sends only the status) set to the ticket's, so the
     * form shown again changes nothing more than what the agent asked for.
     */
    void keepOthers(TicketDetail detail) {
        PropertiesForm current = of(detail);
        if (priority == null) {
            priority = current.priority;
            seenPriority = current.priority;
        }
        if (team == null) {
            team = current.team;
            seenTeam = current.team;
        }
        if (assignee == null) {
            assignee = current.assignee;
            seenAssignee = current.assignee;
        }
        if (category == null) {
            category = current.category;
            seenCategory = current.category;
        }
        if (seenStatus == null) {
            seenStatus = current.status;
        }
    }

    public String getResolutionReason() {
        return resolutionReason;
    }

    public void setResolutionReason(String resolutionReason) {
        this.resolutionReason = resolutionReason;
    }

    static PropertiesForm of(TicketDetail detail) {
        PropertiesForm form = new PropertiesForm();
        form.status = detail.summary().status();
        form.priority = detail.summary().priority();
        form.team = detail.summary().teamId();
        form.assignee = detail.summary().assigneeId() == null ? "" : detail.summary().assigneeId().toString();
        form.category = detail.categoryId();
        form.version = detail.version();
        form.seenStatus = form.status;
        form.seenPriority = form.priority;
        form.seenTeam = form.team;
        form.seenAssignee = form.assignee;
        form.seenCategory = form.category;
        return form;
    }

    public TicketStatus getStatus() {
        return status;
    }

    public void setStatus(TicketStatus status) {
        this.status = status;
    }

    public Priority getPriority() {
        return priority;
    }

    public void setPriority(Priority priority) {
        this.priority = priority;
    }

    public Long getTeam() {
        return team;
    }

    public void setTeam(Long team) {
        this.team = team;
    }

    public String getAssignee() {
        return assignee;
    }

    public void setAssignee(String assignee) {
        this.assignee = assignee;
    }

    public Long getCategory() {
        return category;
    }

    public void setCategory(Long category) {
        this.category = category;
    }

    public Integer getVersion() {
        return version;
    }

    public void setVersion(Integer version) {
        this.version = version;
    }

    public TicketStatus getSeenStatus() {
        return seenStatus;
    }

    public void setSeenStatus(TicketStatus seenStatus) {
        this.seenStatus = seenStatus;
    }

    public Priority getSeenPriority() {
        return seenPriority;
    }

    public void setSeenPriority(Priority seenPriority) {
        this.seenPriority = seenPriority;
    }

    public Long getSeenTeam() {
        return seenTeam;
    }

    public void setSeenTeam(Long seenTeam) {
        this.seenTeam = seenTeam;
    }

    public String getSeenAssignee() {
        return seenAssignee;
    }

    public void setSeenAssignee(String seenAssignee) {
        this.seenAssignee = seenAssignee;
    }

    public Long getSeenCategory() {
        return seenCategory;
    }

    public void setSeenCategory(Long seenCategory) {
        this.seenCategory = seenCategory;
    }
}
