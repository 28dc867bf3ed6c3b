package org.regard.tickets.web;

import org.regard.tickets.Channel;
import org.regard.tickets.Priority;

import java.util.UUID;

/**
 * A ticket an agent opens for a customer who called, came by or wrote through another way: an existing
 * customer ({@code customerId}) or a new one (name, and an email address, a telephone number or both). {@code assignee}
 * is the agent who takes it (by default the opener; blank: nobody, the team's routing decides).
 */
public class NewTicketForm {
    private Long customerId;
    private String newCustomerEmail;
    private String newCustomerName;
    private String newCustomerPhone;
    private String newCustomerPhoneKind = "mobile";
    private String assignee = "";
    private String subject;
    private String body;
    private Channel channel = Channel.PHONE;
    private Long team;
    private Priority priority = Priority.NORMAL;
    private Long category;
    private String submissionKey = UUID.randomUUID().toString();

    public Long getCustomerId() {
        return customerId;
    }

    public void setCustomerId(Long customerId) {
        this.customerId = customerId;
    }

    public String getNewCustomerEmail() {
        return newCustomerEmail;
    }

    public void setNewCustomerEmail(String newCustomerEmail) {
        this.newCustomerEmail = newCustomerEmail;
    }

    public String getNewCustomerName() {
        return newCustomerName;
    }

    public void setNewCustomerName(String newCustomerName) {
        this.newCustomerName = newCustomerName;
    }

    public String getNewCustomerPhone() {
        return newCustomerPhone;
    }

    public void setNewCustomerPhone(String newCustomerPhone) {
        this.newCustomerPhone = newCustomerPhone;
    }

    public String getNewCustomerPhoneKind() {
        return newCustomerPhoneKind;
    }

    public void setNewCustomerPhoneKind(String newCustomerPhoneKind) {
        this.newCustomerPhoneKind = newCustomerPhoneKind;
    }

    public String getAssignee() {
        return assignee;
    }

    public void setAssignee(String assignee) {
        this.assignee = assignee == null ? "" : assignee.strip();
    }

    public String getSubject() {
        return subject;
    }

    public void setSubject(String subject) {
        this.subject = subject;
    }

    public String getBody() {
        return body;
    }

    public void setBody(String body) {
        this.body = body;
    }

    public Channel getChannel() {
        return channel;
    }

    public void setChannel(Channel channel) {
        this.channel = channel;
    }

    public Long getTeam() {
        return team;
    }

    public void setTeam(Long team) {
        this.team = team;
    }

    public Priority getPriority() {
        return priority;
    }

    public void setPriority(Priority priority) {
        this.priority = priority;
    }

    public Long getCategory() {
        return category;
    }

    public void setCategory(Long category) {
        this.category = category;
    }

    public String getSubmissionKey() {
        return submissionKey;
    }

    public void setSubmissionKey(String submissionKey) {
        this.submissionKey = submissionKey;
    }
}
