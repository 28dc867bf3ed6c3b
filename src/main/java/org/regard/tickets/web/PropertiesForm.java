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
